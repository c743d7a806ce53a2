import { checkValue, isDigits, lookupAi, type AiSpec } from './ai.js';
import type { Reading } from './element-string.js';
import { problem } from './errors.js';
import { describeChar } from './linters/cset82.js';
import type { Element } from './types.js';

export const DEFAULT_DIGITAL_LINK_BASE = 'https://id.gs1.org';

// ---------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------

/** Characters allowed anywhere in a URI (RFC 3986 unreserved, reserved and '%'). */
const URI_CHARS = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%") URI_CHARS[ch.charCodeAt(0)] = 1;

/** Unreserved characters: never percent-encoded when writing. */
const UNRESERVED = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') UNRESERVED[ch.charCodeAt(0)] = 1;

const HEX = '0123456789ABCDEF';

/** Percent-encodes everything but unreserved characters (values are ASCII: CSET 82/39/64). */
export function percentEncode(value: string): string {
  let i = 0;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) break;
  }
  if (i === value.length) return value;
  let out = value.slice(0, i);
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128 && UNRESERVED[c] === 1) out += value.charAt(i);
    else if (c < 128) out += `%${HEX.charAt(c >> 4)}${HEX.charAt(c & 15)}`;
    else out += encodeURIComponent(value.charAt(i));
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Decodes %XX escapes (and '+' as space in a query). Returns null on a bad or NUL escape. */
function percentDecode(s: string, start: number, end: number, plusIsSpace: boolean): string | null {
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      const hi = i + 2 < end ? hexValue(s.charCodeAt(i + 1)) : -1;
      const lo = i + 2 < end ? hexValue(s.charCodeAt(i + 2)) : -1;
      if (hi < 0 || lo < 0) return null;
      const byte = hi * 16 + lo;
      if (byte === 0) return null;
      out += s.slice(run, i) + String.fromCharCode(byte);
      i += 2;
      run = i + 1;
    } else if (c === 43 && plusIsSpace) {
      out += `${s.slice(run, i)} `;
      run = i + 1;
    }
  }
  return run === start ? s.slice(start, end) : out + s.slice(run, end);
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'HTTP://'];

function bad(out: Reading, message: string, position: number): void {
  out.errors.push(problem('BAD_DIGITAL_LINK', message, undefined, position));
}

function validHost(host: string): boolean {
  const m = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::(\d{1,5}))?$/.exec(host);
  return m !== null && (m[1] === undefined || Number(m[1]) <= 65535);
}

/** GTIN-8, -12 and -13 are written with leading zeros as GTIN-14. */
function widenGtin(value: string): string {
  return (value.length === 8 || value.length === 12 || value.length === 13) && isDigits(value) ? value.padStart(14, '0') : value;
}

interface PathPair {
  spec: AiSpec;
  keyPos: number;
  valueStart: number;
  valueEnd: number;
}

/** Is `keys` an in-order subsequence of `order`? */
function inOrder(keys: readonly string[], order: readonly string[]): boolean {
  let k = 0;
  for (const q of order) if (k < keys.length && keys[k] === q) k++;
  return k === keys.length;
}

/**
 * Reads a GS1 Digital Link URI (uncompressed form) on any host: the path ends
 * with a primary key and its qualifiers in dictionary order, anything before is
 * a stem; query parameters whose key is all digits are AI attributes, other
 * parameters are ignored, the fragment is ignored. Zero-suppressed GTIN-8/12/13
 * are accepted for (01) and widened to 14 digits.
 */
export function readDigitalLink(text: string, start: number, end: number, out: Reading): void {
  const scheme = SCHEMES.find((s) => text.startsWith(s, start));
  if (!scheme) {
    bad(out, 'A Digital Link URI starts with http:// or https:// (all lower or all upper case)', start);
    return;
  }
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || URI_CHARS[c] === 0) {
      bad(out, `Character ${describeChar(text, i)} at position ${i} is not allowed in a URI; it must be percent-encoded`, i);
      return;
    }
  }
  const hostStart = start + scheme.length;
  let hostEnd = hostStart;
  while (hostEnd < end) {
    const c = text.charCodeAt(hostEnd);
    if (c === 47 || c === 63 || c === 35) break;
    hostEnd++;
  }
  const host = text.slice(hostStart, hostEnd);
  if (!validHost(host)) {
    bad(out, host ? `"${host}" is not a valid host` : 'The URI has no host', hostStart);
    return;
  }
  let pathEnd = hostEnd;
  while (pathEnd < end) {
    const c = text.charCodeAt(pathEnd);
    if (c === 63 || c === 35) break;
    pathEnd++;
  }
  const hashAt = text.indexOf('#', pathEnd);
  const fragment = hashAt >= 0 && hashAt < end ? hashAt : end;
  const queryStart = pathEnd < end && text.charCodeAt(pathEnd) === 63 ? pathEnd + 1 : -1;

  // Path segments (after the host), as [start, end) offsets.
  const segs: number[] = [];
  for (let i = hostEnd; i < pathEnd; ) {
    // text[i] is '/'
    let j = i + 1;
    while (j < pathEnd && text.charCodeAt(j) !== 47) j++;
    segs.push(i + 1, j);
    i = j;
  }
  const segCount = segs.length / 2;
  const seg = (k: number) => text.slice(segs[2 * k] as number, segs[2 * k + 1] as number);

  // Walk back from the end over (AI, value) pairs until a primary key.
  const pairs: PathPair[] = [];
  let key: PathPair | null = null;
  for (let k = segCount - 1; k >= 1; k -= 2) {
    const ai = seg(k - 1);
    const spec = isDigits(ai) ? lookupAi(ai) : undefined;
    if (!spec) break;
    const pair = { spec, keyPos: segs[2 * (k - 1)] as number, valueStart: segs[2 * k] as number, valueEnd: segs[2 * k + 1] as number };
    if (spec.dlPrimaryKey) {
      key = pair;
      break;
    }
    if (!spec.dlQualifier) break;
    pairs.unshift(pair);
  }
  if (!key) {
    bad(out, 'The URI path does not end with a GS1 primary key and its qualifiers (for example /01/<GTIN>)', hostEnd);
    return;
  }
  const alternatives = key.spec.dlPrimaryKey as readonly (readonly string[])[];
  const qualifierKeys = pairs.map((p) => p.spec.ai);
  const consistent = alternatives.filter((alt) => inOrder(qualifierKeys, alt));
  if (consistent.length === 0) {
    const allowed = alternatives.map((alt) => alt.join(', ')).filter(Boolean).join(' or ');
    bad(
      out,
      allowed
        ? `Qualifiers ${qualifierKeys.map((q) => `(${q})`).join('')} are not in an order allowed after (${key.spec.ai}): ${allowed}`
        : `Primary key (${key.spec.ai}) takes no qualifiers in the path`,
      pairs[0]?.keyPos ?? key.keyPos,
    );
    return;
  }

  const elements: { spec: AiSpec; value: string; at: number; valueAt: number }[] = [];
  for (const p of [key, ...pairs]) {
    const ai = p.spec.ai;
    if (p.valueStart === p.valueEnd) {
      bad(out, `AI (${ai}) has an empty value in the URI path`, p.keyPos);
      return;
    }
    let value = percentDecode(text, p.valueStart, p.valueEnd, false);
    if (value === null) {
      bad(out, `AI (${ai}) value in the URI path has a bad percent-escape (or %00)`, p.valueStart);
      return;
    }
    if (ai === '01') value = widenGtin(value);
    elements.push({ spec: p.spec, value, at: p.keyPos, valueAt: p.valueStart });
  }

  // Query attributes.
  if (queryStart >= 0) {
    const pathQualifiers = new Set(consistent.flat());
    let i = queryStart;
    while (i <= fragment) {
      let j = i;
      while (j < fragment && text.charCodeAt(j) !== 38) j++;
      const eq = text.indexOf('=', i);
      if (eq >= i && eq < j) {
        const ai = text.slice(i, eq);
        if (isDigits(ai)) {
          const spec = lookupAi(ai);
          if (!spec) {
            out.errors.push(problem('UNKNOWN_AI', `Query parameter ${ai} is not an AI in the GS1 Barcode Syntax Dictionary`, ai, i));
            return;
          }
          if (!spec.dlAttribute) {
            bad(out, `AI (${ai}) is not allowed as a Digital Link query attribute`, i);
            return;
          }
          if (pathQualifiers.has(ai)) {
            bad(out, `AI (${ai}) qualifies (${key.spec.ai}) and belongs in the URI path, not the query`, i);
            return;
          }
          if (eq + 1 === j) {
            bad(out, `AI (${ai}) has an empty value in the query`, i);
            return;
          }
          let value = percentDecode(text, eq + 1, j, true);
          if (value === null) {
            bad(out, `AI (${ai}) value in the query has a bad percent-escape (or %00)`, eq + 1);
            return;
          }
          if (ai === '01') value = widenGtin(value);
          elements.push({ spec, value, at: i, valueAt: eq + 1 });
        }
      }
      i = j + 1;
    }
  }

  for (let k = 0; k < elements.length; k++) {
    const e = elements[k] as (typeof elements)[number];
    const ai = e.spec.ai;
    if (elements.some((o, m) => m < k && o.spec.ai === ai)) {
      if (elements.some((o, m) => m < k && o.spec.ai === ai && o.value === e.value)) {
        out.errors.push(problem('DUPLICATE_AI', `AI (${ai}) appears more than once in the Digital Link URI`, ai, e.at));
      }
    }
    out.elements.push({ ai, value: e.value });
    out.specs.push(e.spec);
    out.positions.push(e.at);
    const err = checkValue(e.spec, e.value, 0, e.value.length, e.valueAt);
    if (err) out.errors.push(err);
  }
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/**
 * GS1 Digital Link URI for elements keyed by a GTIN (01) or, failing that, an
 * SSCC (00): the key and its qualifiers in the path in dictionary order, the
 * other elements as query attributes in their given order. Returns null when
 * there is no (01) or (00), or when an element cannot be carried (an AI that is
 * neither a qualifier in the path nor a permitted attribute, or a repeated AI
 * with different values).
 */
export function toDigitalLink(elements: readonly Element[], base: string = DEFAULT_DIGITAL_LINK_BASE): string | null {
  return digitalLinkOf(elements, null, base);
}

function indexIn(list: readonly string[], ai: string): number {
  for (let i = 0; i < list.length; i++) if (list[i] === ai) return i;
  return -1;
}

/**
 * As toDigitalLink; specs[i], when given, is the spec of elements[i]; checked
 * says that every value passed its checks.
 */
export function digitalLinkOf(
  elements: readonly Element[],
  specs: readonly (AiSpec | undefined)[] | null,
  base: string = DEFAULT_DIGITAL_LINK_BASE,
  checked = false,
): string | null {
  const n = elements.length;
  let keyIndex = -1;
  for (let i = 0; i < n; i++) {
    if ((elements[i] as Element).ai === '01') {
      keyIndex = i;
      break;
    }
  }
  if (keyIndex < 0) {
    for (let i = 0; i < n; i++) {
      if ((elements[i] as Element).ai === '00') {
        keyIndex = i;
        break;
      }
    }
  }
  if (keyIndex < 0) return null;
  const key = elements[keyIndex] as Element;
  const keySpec = (specs ? specs[keyIndex] : undefined) ?? (lookupAi(key.ai) as AiSpec);
  const alternatives = keySpec.dlPrimaryKey ?? NO_QUALIFIERS;
  const prefix = (base === DEFAULT_DIGITAL_LINK_BASE ? base : trimSlashes(base)) + keySpec.dlPath;

  if (specs) {
    const fast = simpleLink(elements, specs, keyIndex, keySpec, alternatives[0] as readonly string[], prefix, checked);
    if (fast !== undefined) return fast;
  }

  // Elements to carry besides the key: identical repeats are dropped, conflicting ones cannot be carried.
  const carried: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === keyIndex) continue;
    const e = elements[i] as Element;
    let repeat = false;
    if (e.ai === key.ai) {
      if (e.value !== key.value) return null;
      repeat = true;
    }
    for (let k = 0; k < carried.length && !repeat; k++) {
      const o = elements[carried[k] as number] as Element;
      if (o.ai === e.ai) {
        if (o.value !== e.value) return null;
        repeat = true;
      }
    }
    if (!repeat) carried.push(i);
  }

  // Choose the qualifier list that carries everything, preferring the most qualifiers in the path.
  let bestAlt = -1;
  let bestCount = -1;
  for (let a = 0; a < alternatives.length; a++) {
    const alt = alternatives[a] as readonly string[];
    let count = 0;
    let ok = true;
    let outside = 0;
    let pathKeys: string[] | null = null;
    for (const i of carried) {
      const e = elements[i] as Element;
      if (indexIn(alt, e.ai) >= 0) {
        count++;
        continue;
      }
      const spec = specs ? specs[i] : lookupAi(e.ai);
      if (!spec || !spec.dlAttribute) {
        ok = false;
        break;
      }
      if (spec.dlQualifier) {
        outside++;
        // A qualifier of the key may go to the query only if no qualifier list consistent with the path names it.
        if (pathKeys === null) {
          pathKeys = [];
          for (const q of alt) for (const j of carried) if ((elements[j] as Element).ai === q) pathKeys.push(q);
        }
        for (const other of alternatives) {
          if (indexIn(other, e.ai) >= 0 && inOrder(pathKeys, other)) ok = false;
        }
        if (!ok) break;
      }
    }
    if (ok && count > bestCount) {
      bestAlt = a;
      bestCount = count;
      // Every qualifier present is in this list's path: no other list can do better.
      if (outside === 0) break;
    }
  }
  if (bestAlt < 0) return null;
  const alt = alternatives[bestAlt] as readonly string[];

  let uri = prefix + percentEncode(key.value);
  for (const q of alt) {
    for (const i of carried) {
      const e = elements[i] as Element;
      if (e.ai === q) uri += `/${q}/${percentEncode(e.value)}`;
    }
  }
  let sep = '?';
  for (const i of carried) {
    const e = elements[i] as Element;
    if (indexIn(alt, e.ai) >= 0) continue;
    uri += `${sep}${e.ai}=${percentEncode(e.value)}`;
    sep = '&';
  }
  return uri;
}

const NO_QUALIFIERS: readonly (readonly string[])[] = [[]];

/** Values of all-numeric AIs need no encoding once they are known to have passed their checks. */
function encodeFor(spec: AiSpec, value: string, checked: boolean): string {
  return checked && spec.numeric ? value : percentEncode(value);
}

/**
 * The common case, written directly: no repeated AI, every qualifier present
 * is in the key's first qualifier list, every other element is a permitted
 * attribute. Returns undefined when the case is not that simple.
 */
function simpleLink(
  elements: readonly Element[],
  specs: readonly (AiSpec | undefined)[],
  keyIndex: number,
  keySpec: AiSpec,
  order: readonly string[],
  prefix: string,
  checked: boolean,
): string | undefined {
  const n = elements.length;
  for (let i = 0; i < n; i++) {
    if (i === keyIndex) continue;
    const spec = specs[i];
    if (spec === undefined || spec === keySpec) return undefined;
    if (spec.dlQualifier ? indexIn(order, spec.ai) < 0 : !spec.dlAttribute) return undefined;
    for (let j = 0; j < i; j++) if (specs[j] === spec) return undefined;
  }
  let uri = prefix + encodeFor(keySpec, (elements[keyIndex] as Element).value, checked);
  for (let q = 0; q < order.length; q++) {
    const ai = order[q];
    for (let i = 0; i < n; i++) {
      const spec = specs[i] as AiSpec;
      if (i !== keyIndex && spec.ai === ai) uri = uri + spec.dlPath + encodeFor(spec, (elements[i] as Element).value, checked);
    }
  }
  let first = true;
  for (let i = 0; i < n; i++) {
    const spec = specs[i] as AiSpec;
    if (i === keyIndex || spec.dlQualifier) continue;
    uri = uri + (first ? spec.dlQueryFirst : spec.dlQueryNext) + encodeFor(spec, (elements[i] as Element).value, checked);
    first = false;
  }
  return uri;
}

function trimSlashes(base: string): string {
  let end = base.length;
  while (end > 0 && base.charCodeAt(end - 1) === 47) end--;
  return base.slice(0, end);
}
