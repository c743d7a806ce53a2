import { checkValue, isDigits, lookupAi, specAt, type AiSpec } from './ai.js';
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

/** Length of the scheme and "://" at text[start]: http or https, all lower or all upper case; 0 otherwise. */
function schemeLength(text: string, start: number): number {
  if (text.startsWith('https://', start) || text.startsWith('HTTPS://', start)) return 8;
  if (text.startsWith('http://', start) || text.startsWith('HTTP://', start)) return 7;
  return 0;
}

function bad(out: Reading, message: string, position: number): void {
  out.errors.push(problem('BAD_DIGITAL_LINK', message, undefined, position));
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Host and optional port: a name of unreserved characters (letters, digits,
 * - . _ ~, which covers IPv4 and punycode names), or an IPv6 literal in
 * brackets; the port is 1 to 5 digits up to 65535.
 */
function validHost(text: string, start: number, end: number): boolean {
  let i = start;
  if (i < end && text.charCodeAt(i) === 91 /* [ */) {
    i++;
    const from = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!(isHexDigit(c) || c === 58 || c === 46)) break;
      i++;
    }
    if (i === from || i >= end || text.charCodeAt(i) !== 93 /* ] */) return false;
    i++;
  } else {
    const from = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c >= 128 || UNRESERVED[c] === 0) break;
      i++;
    }
    if (i === from) return false;
  }
  if (i === end) return true;
  if (text.charCodeAt(i) !== 58 /* : */) return false;
  const portStart = ++i;
  let port = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    port = port * 10 + (c - 48);
    i++;
  }
  return i - portStart >= 1 && i - portStart <= 5 && port <= 65535;
}

/** GTIN-8, -12 and -13 are written with leading zeros as GTIN-14. */
function widenGtin(value: string): string {
  return (value.length === 8 || value.length === 12 || value.length === 13) && isDigits(value) ? value.padStart(14, '0') : value;
}

/** Is `keys` an in-order subsequence of `order`? */
function inOrder(keys: readonly string[], order: readonly string[]): boolean {
  let k = 0;
  for (const q of order) if (k < keys.length && keys[k] === q) k++;
  return k === keys.length;
}

/** Spec of the AI spelled by text[start, end) (2 to 4 digits), or undefined. */
function aiSpecAt(text: string, start: number, end: number): AiSpec | undefined {
  const len = end - start;
  if (len < 2 || len > 4) return undefined;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return specAt(text, start, len);
}

/**
 * Reads a GS1 Digital Link URI (uncompressed form) on any host: the path ends
 * with a primary key and its qualifiers in dictionary order, anything before is
 * a stem; query parameters whose key is all digits are AI attributes, other
 * parameters are ignored, the fragment is ignored. Zero-suppressed GTIN-8/12/13
 * are accepted for (01) and widened to 14 digits.
 */
export function readDigitalLink(text: string, start: number, end: number, out: Reading): void {
  const schemeLen = schemeLength(text, start);
  if (schemeLen === 0) {
    bad(out, 'A Digital Link URI starts with http:// or https:// (all lower or all upper case)', start);
    return;
  }
  // One pass: URI characters, where the query and the fragment start, and
  // whether anything needs decoding at all.
  let question = -1;
  let fragment = end;
  let escapes = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || URI_CHARS[c] === 0) {
      bad(out, `Character ${describeChar(text, i)} at position ${i} is not allowed in a URI; it must be percent-encoded`, i);
      return;
    }
    if (c === 37 || c === 43) escapes = true;
    else if (c === 35 && fragment === end) fragment = i;
    else if (c === 63 && question < 0 && fragment === end) question = i;
  }
  const hostStart = start + schemeLen;
  let hostEnd = hostStart;
  while (hostEnd < end) {
    const c = text.charCodeAt(hostEnd);
    if (c === 47 || c === 63 || c === 35) break;
    hostEnd++;
  }
  if (!validHost(text, hostStart, hostEnd)) {
    bad(out, hostEnd > hostStart ? `"${text.slice(hostStart, hostEnd)}" is not a valid host` : 'The URI has no host', hostStart);
    return;
  }
  const pathEnd = question >= 0 ? question : fragment;
  const queryStart = question >= 0 ? question + 1 : -1;

  // Walk back from the end of the path over (AI, value) segment pairs until a
  // primary key. Offsets: each segment runs from just after a '/' to the next.
  // pairs holds [keyStart, valueStart, valueEnd] per qualifier, last first.
  const pairs: number[] = [];
  const pairSpecs: AiSpec[] = [];
  let keySpec: AiSpec | undefined;
  let keyStart = -1;
  let keyValueStart = -1;
  let keyValueEnd = -1;
  let valueEnd = pathEnd;
  for (;;) {
    let slash = valueEnd - 1;
    while (slash >= hostEnd && text.charCodeAt(slash) !== 47) slash--;
    if (slash < hostEnd) break;
    const valueStart = slash + 1;
    const aiEnd = slash;
    let aiSlash = aiEnd - 1;
    while (aiSlash >= hostEnd && text.charCodeAt(aiSlash) !== 47) aiSlash--;
    if (aiSlash < hostEnd) break;
    const spec = aiSpecAt(text, aiSlash + 1, aiEnd);
    if (!spec) break;
    if (spec.dlPrimaryKey) {
      keySpec = spec;
      keyStart = aiSlash + 1;
      keyValueStart = valueStart;
      keyValueEnd = valueEnd;
      break;
    }
    if (!spec.dlQualifier) break;
    pairs.push(aiSlash + 1, valueStart, valueEnd);
    pairSpecs.push(spec);
    valueEnd = aiSlash;
  }
  if (!keySpec) {
    bad(out, 'The URI path does not end with a GS1 primary key and its qualifiers (for example /01/<GTIN>)', hostEnd);
    return;
  }
  const alternatives = keySpec.dlPrimaryKey as readonly (readonly string[])[];
  const qualifierKeys: string[] = [];
  for (let k = pairSpecs.length - 1; k >= 0; k--) qualifierKeys.push((pairSpecs[k] as AiSpec).ai);
  let consistent = 0;
  for (const alt of alternatives) if (inOrder(qualifierKeys, alt)) consistent++;
  if (consistent === 0) {
    const allowed = alternatives.map((alt) => alt.join(', ')).filter(Boolean).join(' or ');
    bad(
      out,
      allowed
        ? `Qualifiers ${qualifierKeys.map((q) => `(${q})`).join('')} are not in an order allowed after (${keySpec.ai}): ${allowed}`
        : `Primary key (${keySpec.ai}) takes no qualifiers in the path`,
      (pairs[pairs.length - 3] as number | undefined) ?? keyStart,
    );
    return;
  }

  const base = out.elements.length;
  if (!addPathElement(out, text, keySpec, keyStart, keyValueStart, keyValueEnd, escapes)) return;
  for (let k = pairSpecs.length - 1; k >= 0; k--) {
    if (!addPathElement(out, text, pairSpecs[k] as AiSpec, pairs[3 * k] as number, pairs[3 * k + 1] as number, pairs[3 * k + 2] as number, escapes)) return;
  }

  // Query attributes.
  if (queryStart >= 0) {
    let i = queryStart;
    while (i <= fragment) {
      let j = i;
      let eq = -1;
      while (j < fragment) {
        const c = text.charCodeAt(j);
        if (c === 38) break;
        if (c === 61 && eq < 0) eq = j;
        j++;
      }
      if (eq > i) {
        let numeric = true;
        for (let k = i; k < eq && numeric; k++) {
          const c = text.charCodeAt(k);
          if (c < 48 || c > 57) numeric = false;
        }
        if (numeric) {
          const spec = aiSpecAt(text, i, eq);
          if (!spec) {
            const ai = text.slice(i, eq);
            out.errors.push(problem('UNKNOWN_AI', `Query parameter ${ai} is not an AI in the GS1 Barcode Syntax Dictionary`, ai, i));
            return;
          }
          const ai = spec.ai;
          if (!spec.dlAttribute) {
            bad(out, `AI (${ai}) is not allowed as a Digital Link query attribute`, i);
            return;
          }
          if (spec.dlQualifier) {
            for (const alt of alternatives) {
              if (alt.includes(ai) && inOrder(qualifierKeys, alt)) {
                bad(out, `AI (${ai}) qualifies (${keySpec.ai}) and belongs in the URI path, not the query`, i);
                return;
              }
            }
          }
          if (eq + 1 === j) {
            bad(out, `AI (${ai}) has an empty value in the query`, i);
            return;
          }
          let value = escapes ? percentDecode(text, eq + 1, j, true) : text.slice(eq + 1, j);
          if (value === null) {
            bad(out, `AI (${ai}) value in the query has a bad percent-escape (or %00)`, eq + 1);
            return;
          }
          if (spec === KEY_01) value = widenGtin(value);
          pushElement(out, spec, value, i, eq + 1);
        }
      }
      i = j + 1;
    }
  }

  // Any repeat is refused in a Digital Link; repeats with another value are
  // reported by the pairing checks as for every other form.
  const els = out.elements;
  for (let k = base + 1; k < els.length; k++) {
    const e = els[k] as Element;
    for (let m = base; m < k; m++) {
      const o = els[m] as Element;
      if (o.ai === e.ai && o.value === e.value) {
        out.errors.push(problem('DUPLICATE_AI', `AI (${e.ai}) appears more than once in the Digital Link URI`, e.ai, out.positions[k]));
        break;
      }
    }
  }
}

const KEY_01 = lookupAi('01') as AiSpec;

function pushElement(out: Reading, spec: AiSpec, value: string, at: number, valueAt: number): void {
  out.elements.push({ ai: spec.ai, value });
  out.specs.push(spec);
  out.positions.push(at);
  const err = checkValue(spec, value, 0, value.length, valueAt);
  if (err) out.errors.push(err);
}

function addPathElement(out: Reading, text: string, spec: AiSpec, at: number, valueStart: number, valueEnd: number, escapes: boolean): boolean {
  if (valueStart === valueEnd) {
    bad(out, `AI (${spec.ai}) has an empty value in the URI path`, at);
    return false;
  }
  let value = escapes ? percentDecode(text, valueStart, valueEnd, false) : text.slice(valueStart, valueEnd);
  if (value === null) {
    bad(out, `AI (${spec.ai}) value in the URI path has a bad percent-escape (or %00)`, valueStart);
    return false;
  }
  if (spec === KEY_01) value = widenGtin(value);
  pushElement(out, spec, value, at, valueStart);
  return true;
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
 * says that every value passed its checks, plain that every value holds only
 * unreserved characters.
 */
export function digitalLinkOf(
  elements: readonly Element[],
  specs: readonly (AiSpec | undefined)[] | null,
  base: string = DEFAULT_DIGITAL_LINK_BASE,
  checked = false,
  plain = false,
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
    const fast = simpleLink(elements, specs, keyIndex, keySpec, alternatives[0] as readonly string[], prefix, checked, plain);
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

/**
 * Percent-encoding of a value. checked: every value passed its checks (then
 * all-numeric AIs need no encoding); plain: every value is known to hold only
 * unreserved characters.
 */
function encodeFor(spec: AiSpec, value: string, checked: boolean, plain: boolean): string {
  return plain || (checked && spec.numeric) ? value : percentEncode(value);
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
  plain: boolean,
): string | undefined {
  const n = elements.length;
  for (let i = 0; i < n; i++) {
    if (i === keyIndex) continue;
    const spec = specs[i];
    if (spec === undefined || spec === keySpec) return undefined;
    if (spec.dlQualifier ? indexIn(order, spec.ai) < 0 : !spec.dlAttribute) return undefined;
    for (let j = 0; j < i; j++) if (specs[j] === spec) return undefined;
  }
  let uri = prefix + encodeFor(keySpec, (elements[keyIndex] as Element).value, checked, plain);
  for (let q = 0; q < order.length; q++) {
    const ai = order[q];
    for (let i = 0; i < n; i++) {
      const spec = specs[i] as AiSpec;
      if (i !== keyIndex && spec.ai === ai) uri = uri + spec.dlPath + encodeFor(spec, (elements[i] as Element).value, checked, plain);
    }
  }
  let first = true;
  for (let i = 0; i < n; i++) {
    const spec = specs[i] as AiSpec;
    if (i === keyIndex || spec.dlQualifier) continue;
    uri = uri + (first ? spec.dlQueryFirst : spec.dlQueryNext) + encodeFor(spec, (elements[i] as Element).value, checked, plain);
    first = false;
  }
  return uri;
}

function trimSlashes(base: string): string {
  let end = base.length;
  while (end > 0 && base.charCodeAt(end - 1) === 47) end--;
  return base.slice(0, end);
}
