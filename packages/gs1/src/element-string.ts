import { AI_LENGTH_BY_PREFIX, checkScanned, checkValue, lookupAi, matchesPattern, specAt, type AiSpec } from './ai.js';
import { problem, type Gs1Error } from './errors.js';
import { CSET82, describeChar } from './linters/cset82.js';
import type { Element, Profile } from './types.js';
import { checkAssociations } from './validate.js';

/** What a reader produced: elements with their specs and start positions, and problems. */
export interface Reading {
  elements: Element[];
  specs: (AiSpec | undefined)[];
  /** Where each element starts in the input. */
  positions: number[];
  errors: Gs1Error[];
  warnings: Gs1Error[];
  /** The input slice that already is the canonical raw form of the elements, when it is. */
  raw: string | undefined;
  /** The input slice that already is the canonical bracketed form, when it is. */
  bracketed: string | undefined;
  /** Some value may hold '(' (to be escaped in the bracketed form). */
  parens: boolean;
  /** Every value is known to hold only URI-unreserved characters (no percent-encoding needed). */
  plain: boolean;
}

// Arrays that start with the elements kind they will hold, so that pushes
// need no elements-kind transition (and stay inlined in optimised code).
const SAMPLE_ELEMENT: Element = { ai: '', value: '' };
function objectArray<T>(sample: T): T[] {
  const a = [sample];
  a.pop();
  return a;
}

export function newReading(): Reading {
  return {
    elements: objectArray(SAMPLE_ELEMENT),
    specs: objectArray<AiSpec | undefined>(undefined),
    positions: [],
    errors: [],
    warnings: [],
    raw: undefined,
    bracketed: undefined,
    parens: true,
    plain: false,
  };
}

export const GS = '\u001d';

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/** Canonical bracketed form "(01)...(10)...". A '(' inside a value is written "\(". */
export function toBracketed(elements: readonly Element[]): string {
  return bracketedOf(elements, null);
}

/**
 * As toBracketed; specs[i], when given, is the spec of elements[i]; parens
 * false says that no value holds '('.
 */
export function bracketedOf(elements: readonly Element[], specs: readonly (AiSpec | undefined)[] | null, parens = true): string {
  let out = '';
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as Element;
    const spec = specs ? specs[i] : undefined;
    const v = !parens || e.value.indexOf('(') < 0 ? e.value : e.value.replace(/\(/g, '\\(');
    out = out + (spec ? spec.bracketed : `(${e.ai})`) + v;
  }
  return out;
}

/**
 * Element string with ASCII 29 (GS) after each element whose AI has no
 * predefined length, except the last. No symbology identifier, no leading FNC1.
 * AIs missing from the dictionary are treated as variable length.
 */
export function toRaw(elements: readonly Element[]): string {
  return rawOf(elements, null);
}

export function rawOf(elements: readonly Element[], specs: readonly (AiSpec | undefined)[] | null): string {
  let out = '';
  const last = elements.length - 1;
  for (let i = 0; i <= last; i++) {
    const e = elements[i] as Element;
    out += e.ai + e.value;
    if (i < last) {
      const spec = specs ? specs[i] : lookupAi(e.ai);
      if (!spec || spec.fnc1) out += GS;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Bracketed reading: (AI)value(AI)value..., "\(" is a literal '('
// ---------------------------------------------------------------------------

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 29;
}

export function readBracketed(text: string, start: number, end: number, out: Reading): void {
  let pos = start;
  let canonical = true;
  let plain = true;
  out.parens = false;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (isSpace(c)) {
      canonical = false;
      pos++;
      continue;
    }
    if (c !== 40 /* ( */) {
      out.errors.push(problem('SYNTAX', `Expected '(' at position ${pos}, found ${describeChar(text, pos)}`, undefined, pos));
      return;
    }
    const open = pos;
    // AI: 2 to 4 digits, then ')'.
    let close = pos + 1;
    while (close < end && close <= pos + 5) {
      const d = text.charCodeAt(close);
      if (d < 48 || d > 57) break;
      close++;
    }
    const digits = close - pos - 1;
    if (close >= end || text.charCodeAt(close) !== 41 /* ) */ || digits < 2 || digits > 4) {
      const shut = text.indexOf(')', pos + 1);
      if (shut < 0 || shut >= end) {
        out.errors.push(problem('SYNTAX', `AI opened at position ${open} has no closing ')'`, undefined, open));
      } else {
        out.errors.push(problem('SYNTAX', `"${text.slice(pos, shut + 1)}" at position ${open} is not an AI: an AI is 2 to 4 digits`, undefined, open));
      }
      return;
    }
    // Value: up to the next unescaped '(' or the end; "\(" stands for '('.
    // The characters are classified on the way, as in scanRaw().
    const vstart = close + 1;
    let vend = vstart;
    let escaped = false;
    let all = C_ALL;
    while (vend < end) {
      const ch = text.charCodeAt(vend);
      if (ch === 40) break;
      if (ch === 92 /* \ */ && vend + 1 < end && text.charCodeAt(vend + 1) === 40) {
        escaped = true;
        vend += 2;
        all = 0;
        continue;
      }
      all &= ch < 128 ? (CHAR_CLASS[ch] as number) : 0;
      vend++;
    }
    if (!(all & C_UNRESERVED)) plain = false;
    // Spaces and line ends around a value are layout, never data (no AI allows them).
    let a = vstart;
    let b = vend;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a !== vstart || b !== vend) canonical = false;
    const spec = specAt(text, pos + 1, digits);
    if (escaped) {
      out.parens = true;
      addElement(out, spec, text.slice(pos + 1, close), text.slice(a, b).replace(/\\\(/g, '('), open, a);
    } else if (spec) {
      const kind = spec.scanCheck;
      const clean = a === vstart && b === vend && (kind === 1 ? (all & C_DIGIT) !== 0 : kind === 2 && (all & C_CSET82) !== 0);
      const err = clean ? checkScanned(spec, text, a, b, a) : checkValue(spec, text, a, b, a);
      out.elements.push({ ai: spec.ai, value: text.slice(a, b) });
      out.specs.push(spec);
      out.positions.push(open);
      if (err) out.errors.push(err);
    } else {
      addElement(out, spec, text.slice(pos + 1, close), text.slice(a, b), open, a);
    }
    pos = vend;
  }
  if (canonical) out.bracketed = text.slice(start, end);
  out.plain = plain;
}

function addElement(out: Reading, spec: AiSpec | undefined, text: string, value: string, position: number, valuePosition: number): void {
  const ai = spec ? spec.ai : text;
  out.elements.push({ ai, value });
  out.specs.push(spec);
  out.positions.push(position);
  if (!spec) {
    out.errors.push(problem('UNKNOWN_AI', `AI (${ai}) is not in the GS1 Barcode Syntax Dictionary`, ai, position));
    return;
  }
  const err = checkValue(spec, value, 0, value.length, valuePosition);
  if (err) out.errors.push(err);
}

// ---------------------------------------------------------------------------
// Raw reading: AI data with GS (ASCII 29), '^' or written-out <GS>/{GS} separators
// ---------------------------------------------------------------------------

/** Length of the separator at text[i], or 0. */
function sepAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 29 || c === 94 /* ^ */) return 1;
  if ((c === 60 /* < */ || c === 123 /* { */) && i + 4 <= end) {
    const g = text.charCodeAt(i + 1) | 32;
    const s = text.charCodeAt(i + 2) | 32;
    const close = text.charCodeAt(i + 3);
    if (g === 103 && s === 115 && close === (c === 60 ? 62 : 125)) return 4;
  }
  return 0;
}

// Character classes for the raw scanner, one table lookup per character.
const C_SEPARATOR = 1; // GS, '^', or the start of <GS> / {GS}
const C_PAREN = 2;
const C_DIGIT = 4;
const C_CSET82 = 8;
const C_UNRESERVED = 16; // needs no percent-encoding in a URI
const C_ALL = C_DIGIT | C_CSET82 | C_UNRESERVED;
const CHAR_CLASS = new Uint8Array(128);
for (const c of [29, 94, 60, 123]) CHAR_CLASS[c] = (CHAR_CLASS[c] as number) | C_SEPARATOR;
CHAR_CLASS[40] = (CHAR_CLASS[40] as number) | C_PAREN;
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = (CHAR_CLASS[c] as number) | C_DIGIT;
for (let c = 0; c < 128; c++) if (CSET82[c]) CHAR_CLASS[c] = (CHAR_CLASS[c] as number) | C_CSET82;
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  const c = ch.charCodeAt(0);
  CHAR_CLASS[c] = (CHAR_CLASS[c] as number) | C_UNRESERVED;
}

// scanRaw() result flags.
/** A separator appeared after the first element. */
const SEPARATED = 1;
/** Reading stopped early on a fatal problem. */
const ABORTED = 2;
/** The data already is the canonical raw form: single GS separators exactly where needed. */
const CANONICAL = 4;

function scanRaw(text: string, start: number, end: number, out: Reading): number {
  let pos = start;
  let separated = false;
  let canonical = true;
  let parens = false;
  let plain = true;
  /** A separator may follow here without being redundant. */
  let separatorDue = false;
  while (pos < end) {
    const sl = sepAt(text, pos, end);
    if (sl) {
      if (out.elements.length) separated = true;
      if (!separatorDue || sl !== 1 || text.charCodeAt(pos) !== 29) canonical = false;
      separatorDue = false;
      pos += sl;
      continue;
    }
    const aiPos = pos;
    const c0 = text.charCodeAt(pos) - 48;
    const c1 = text.charCodeAt(pos + 1) - 48;
    if (pos + 1 >= end || c0 < 0 || c0 > 9 || c1 < 0 || c1 > 9) {
      out.errors.push(problem('SYNTAX', `Expected an AI (digits) at position ${pos}, found ${describeChar(text, pos)}`, undefined, pos));
      return (separated ? SEPARATED : 0) | ABORTED;
    }
    const length = AI_LENGTH_BY_PREFIX[c0 * 10 + c1] as number;
    if (length === 0) {
      const ai = text.slice(pos, pos + 2);
      out.errors.push(problem('UNKNOWN_AI', `No AI in the GS1 Barcode Syntax Dictionary starts with ${ai} (position ${pos}); the rest cannot be read`, ai, pos));
      return (separated ? SEPARATED : 0) | ABORTED;
    }
    let digits = pos + length <= end;
    for (let k = pos + 2; digits && k < pos + length; k++) {
      const d = text.charCodeAt(k);
      if (d < 48 || d > 57) digits = false;
    }
    if (!digits) {
      const ai = text.slice(pos, Math.min(end, pos + length));
      out.errors.push(problem('SYNTAX', `Incomplete AI "${ai}" at position ${pos}: AIs starting ${ai.slice(0, 2)} have ${length} digits`, undefined, pos));
      return (separated ? SEPARATED : 0) | ABORTED;
    }
    const spec = specAt(text, pos, length);
    if (!spec) {
      const ai = text.slice(pos, pos + length);
      out.errors.push(problem('UNKNOWN_AI', `AI (${ai}) at position ${pos} is not in the GS1 Barcode Syntax Dictionary; the rest cannot be read`, ai, pos));
      return (separated ? SEPARATED : 0) | ABORTED;
    }
    if (separatorDue) canonical = false; // the previous element needed a GS here
    const vstart = pos + length;
    const limit = Math.min(end, vstart + spec.maxLength);
    let vend = vstart;
    // Find the end of the value and classify its characters in the same pass.
    let all = C_ALL;
    let any = 0;
    while (vend < limit) {
      const c = text.charCodeAt(vend);
      const k = c < 128 ? (CHAR_CLASS[c] as number) : 0;
      if (k & C_SEPARATOR && (c === 29 || sepAt(text, vend, end) !== 0)) break;
      all &= k;
      any |= k;
      vend++;
    }
    if (any & C_PAREN) parens = true;
    if (!(all & C_UNRESERVED)) plain = false;
    const kind = spec.scanCheck;
    const clean = kind === 1 ? (all & C_DIGIT) !== 0 : kind === 2 && (all & C_CSET82) !== 0;
    const err = clean ? checkScanned(spec, text, vstart, vend, vstart) : checkValue(spec, text, vstart, vend, vstart);
    out.elements.push({ ai: spec.ai, value: text.slice(vstart, vend) });
    out.specs.push(spec);
    out.positions.push(aiPos);
    if (err) out.errors.push(err);
    separatorDue = spec.fnc1;
    pos = vend;
  }
  out.parens = parens;
  out.plain = plain;
  return (separated ? SEPARATED : 0) | (canonical ? CANONICAL : 0);
}

/** Bounds of the search for readings of separator-less data. */
const SPLIT_STEP_BUDGET = 20000;
const SPLIT_MAX_READINGS = 64;
/** Readings with more elements than this that fill no medicine slot and are not last are not considered. */
const MAX_INTERIOR_OTHERS = 1;

/**
 * What medicine codes carry, as slots: a reading that fills more of them is
 * more plausible. (01) and (90) fill the same slot, the product key.
 */
const MEDICINE_SLOTS: Readonly<Record<string, number>> = { '00': 1, '01': 2, '90': 2, '02': 4, '10': 8, '11': 16, '17': 32, '21': 64, '37': 128 };

/**
 * Plausibility of a reading: the number of medicine slots filled, and the
 * number of other elements that sit between two elements (rather than at the
 * end, where companies append internal AIs such as (91)).
 */
function plausibility(elements: readonly Element[]): { score: number; interior: number; nie: number } {
  let filled = 0;
  let interior = 0;
  let nie = -1;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as Element;
    const slot = MEDICINE_SLOTS[e.ai] ?? 0;
    if (slot !== 0 && (filled & slot) === 0) filled |= slot;
    else if (i < elements.length - 1) interior++;
    if (e.ai === '90') nie = Math.max(nie, e.value.length);
  }
  let score = 0;
  for (let b = filled; b !== 0; b &= b - 1) score++;
  // A reading without an NIE is not one that cut an NIE short.
  return { score, interior, nie: nie < 0 ? Number.MAX_SAFE_INTEGER : nie };
}

interface Split {
  elements: Element[];
  specs: AiSpec[];
  positions: number[];
  score: number;
  interior: number;
  nie: number;
}

/** Spec of the dictionary AI whose digits start at text[pos], or undefined. */
function rawAiAt(text: string, pos: number, end: number): AiSpec | undefined {
  if (pos + 2 > end) return undefined;
  const c0 = text.charCodeAt(pos) - 48;
  const c1 = text.charCodeAt(pos + 1) - 48;
  if (c0 < 0 || c0 > 9 || c1 < 0 || c1 > 9) return undefined;
  const length = AI_LENGTH_BY_PREFIX[c0 * 10 + c1] as number;
  if (length === 0 || pos + length > end) return undefined;
  for (let k = pos + 2; k < pos + length; k++) {
    const d = text.charCodeAt(k);
    if (d < 48 || d > 57) return undefined;
  }
  return specAt(text, pos, length);
}

/**
 * Every way to split text[start, end) into elements that pass all checks
 * (values, pairings, exclusions, no conflicting repeats), within a step budget.
 */
function searchSplits(text: string, start: number, end: number, profile: Profile | undefined): { splits: Split[]; complete: boolean } {
  const splits: Split[] = [];
  const elements: Element[] = [];
  const specs: AiSpec[] = [];
  const positions: number[] = [];
  let steps = 0;
  let complete = true;
  // reach[p - start] = 1 when text[p, end) splits into elements whose values
  // pass their checks; the search below then never enters a dead end.
  const reach = new Uint8Array(end - start + 1);
  reach[end - start] = 1;
  for (let p = end - 1; p >= start; p--) {
    const spec = rawAiAt(text, p, end);
    if (!spec) continue;
    const vstart = p + spec.ai.length;
    const lo = vstart + spec.minLength;
    const hi = Math.min(end, vstart + spec.maxLength);
    for (let vend = hi; vend >= lo && (spec.fnc1 || vend === hi); vend--) {
      if (reach[vend - start] && checkValue(spec, text, vstart, vend, vstart) === null) {
        reach[p - start] = 1;
        break;
      }
    }
  }
  if (!reach[0]) return { splits, complete };
  // Slots filled so far, and how many elements fill none (see plausibility()).
  let filled = 0;
  let others = 0;
  const visit = (pos: number): void => {
    if (++steps > SPLIT_STEP_BUDGET || splits.length >= SPLIT_MAX_READINGS) {
      complete = false;
      return;
    }
    if (pos === end) {
      const problems: Gs1Error[] = [];
      checkAssociations(elements, specs, positions, profile, problems, []);
      if (problems.length === 0) {
        const { score, interior, nie } = plausibility(elements);
        splits.push({ elements: elements.slice(), specs: specs.slice(), positions: positions.slice(), score, interior, nie });
      }
      return;
    }
    const spec = rawAiAt(text, pos, end);
    if (!spec) return;
    // Every element on the stack now sits inside the data: readings with more
    // than MAX_INTERIOR_OTHERS such elements are not pursued.
    if (others > MAX_INTERIOR_OTHERS) return;
    const length = spec.ai.length;
    // Exclusions with elements already taken rule this AI out whatever its value.
    for (let i = 0; i < specs.length; i++) {
      const other = specs[i] as AiSpec;
      if (other.ai === spec.ai) continue;
      if (spec.ex.some((p) => matchesPattern(other.ai, p)) || other.ex.some((p) => matchesPattern(spec.ai, p))) return;
    }
    const vstart = pos + length;
    const lo = vstart + spec.minLength;
    const hi = Math.min(end, vstart + spec.maxLength);
    // Longest values first: readings close to the plain one come first, and
    // they are the likelier ones when the step budget runs out.
    for (let vend = hi; vend >= lo && (spec.fnc1 || vend === hi); vend--) {
      if (!reach[vend - start] || checkValue(spec, text, vstart, vend, vstart) !== null) continue;
      const value = text.slice(vstart, vend);
      let conflict = false;
      for (const e of elements) if (e.ai === spec.ai && e.value !== value) conflict = true;
      if (conflict) continue;
      const slot = MEDICINE_SLOTS[spec.ai] ?? 0;
      const fills = slot !== 0 && (filled & slot) === 0;
      if (fills) filled |= slot;
      else others++;
      elements.push({ ai: spec.ai, value });
      specs.push(spec);
      positions.push(pos);
      visit(vend);
      elements.pop();
      specs.pop();
      positions.pop();
      if (fills) filled &= ~slot;
      else others--;
      if (!complete) return;
    }
  };
  visit(start);
  return { splits, complete };
}

function sameSplit(a: Split, r: Reading): boolean {
  if (a.elements.length !== r.elements.length) return false;
  for (let i = 0; i < a.elements.length; i++) {
    const x = a.elements[i] as Element;
    const y = r.elements[i] as Element;
    if (x.ai !== y.ai || x.value !== y.value) return false;
  }
  return true;
}

function describeSplit(s: Split): string {
  return s.elements.map((e) => `(${e.ai})${e.value}`).join('');
}

/**
 * Reads raw AI data. text[start, end) starts with the first AI (any symbology
 * identifier and leading FNC1 already skipped). GS (ASCII 29), '^' and the
 * written-out forms <GS> and {GS} separate elements.
 *
 * When no separator appears at all (typically keyboard-wedge input that lost
 * the GS characters) and an element of variable length was read, every way of
 * splitting the data into valid elements is considered. The plausible
 * readings are those that pass every check; among them win the ones that fill
 * the most of the slots medicine codes use (product key (01) or (90), 00, 02,
 * 10, 11, 17, 21, 37), then those with the fewest other elements between two
 * elements (an internal AI such as (91) is expected at the end, not inside),
 * then those with the longest NIE (BPOM NIEs are 10 to 16 characters, so a
 * reading that cuts one short to start a batch inside it is the less likely).
 * A single winner is used, with a GS_MISSING warning when it differs from the
 * plain reading. A tie is an AMBIGUOUS_SPLIT error, or only an AMBIGUOUS_SPLIT
 * warning when the plain reading is among the winners.
 */
export function readRaw(text: string, start: number, end: number, out: Reading, profile: Profile | undefined): void {
  const base = out.elements.length;
  const scan = scanRaw(text, start, end, out);
  if (scan & CANONICAL) out.raw = text.slice(start, end);
  if (scan & SEPARATED || base !== 0) return;
  let variable = false;
  for (const s of out.specs) if (s && s.fnc1) variable = true;
  if (!variable && !(scan & ABORTED)) return;

  // Skip a leading separator (FNC1) before searching.
  let from = start;
  while (from < end && sepAt(text, from, end)) from++;
  const { splits: plausible, complete } = searchSplits(text, from, end, profile);
  if (plausible.length === 0) return;
  let best = -1;
  let fewest = Infinity;
  let longest = -1;
  for (const s of plausible) if (s.score > best) best = s.score;
  for (const s of plausible) if (s.score === best && s.interior < fewest) fewest = s.interior;
  for (const s of plausible) if (s.score === best && s.interior === fewest && s.nie > longest) longest = s.nie;
  const top = plausible.filter((s) => s.score === best && s.interior === fewest && s.nie === longest);
  const greedyIndex = top.findIndex((s) => sameSplit(s, out));
  const unique = complete && top.length === 1;
  if (top.length === 1 && greedyIndex === 0) return;

  if (greedyIndex >= 0) {
    // The plain reading is valid but not the only plausible one.
    const others = top.filter((_, i) => i !== greedyIndex).slice(0, 3).map(describeSplit).join(' or ');
    out.warnings.push(
      problem('AMBIGUOUS_SPLIT', `No group separators in the data; read as ${describeSplit(top[greedyIndex] as Split)} but it could also be ${others}`, undefined, from),
    );
    return;
  }
  const chosen = top[0] as Split;
  out.raw = undefined;
  out.elements = chosen.elements;
  out.specs = chosen.specs;
  out.positions = chosen.positions;
  out.errors = [];
  if (unique) {
    out.warnings.push(
      problem('GS_MISSING', `No group separators in the data; split on the AI table as ${describeSplit(chosen)}`, undefined, from),
    );
  } else {
    const readings = top.slice(0, 4).map(describeSplit).join(' or ');
    out.errors.push(
      problem('AMBIGUOUS_SPLIT', `No group separators in the data and it splits validly in ${top.length}${complete ? '' : ' or more'} ways: ${readings}`, undefined, from),
    );
  }
}
