import { AI_TABLE, type AiEntry, type CharSet, type LinterName } from './ai-table.js';
import { problem, type Gs1Error } from './errors.js';
import type { Linter, LintFailure } from './linters/common.js';
import { cset39 } from './linters/cset39.js';
import { cset64 } from './linters/cset64.js';
import { CSET82, cset82 } from './linters/cset82.js';
import { csetnumeric } from './linters/csetnumeric.js';
import { LINTERS } from './linters/index.js';

/** An AI pattern from req=/ex=: an exact AI, or a prefix followed by 'n' wildcards. */
export interface AiPattern {
  readonly text: string;
  readonly prefix: string;
  readonly length: number;
}

export interface SpecComponent {
  readonly cset: CharSet;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  readonly linters: readonly Linter[];
}

/** One AI of the dictionary, ready for use. */
export interface AiSpec {
  readonly ai: string;
  readonly title: string;
  /** FNC1/GS needed after the value unless last (no predefined length). */
  readonly fnc1: boolean;
  readonly dlAttribute: boolean;
  readonly components: readonly SpecComponent[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly req: readonly (readonly (readonly AiPattern[])[])[];
  readonly ex: readonly AiPattern[];
  readonly dlPrimaryKey: readonly (readonly string[])[] | null;
  /** True when the AI is a qualifier in some primary key's qualifier list. */
  readonly dlQualifier: boolean;
  /** True when every component is numeric. */
  readonly numeric: boolean;
}

const CSET_LINTER: Record<CharSet, Linter> = { N: csetnumeric, X: cset82, Y: cset39, Z: cset64 };
const CSET_NAME: Record<CharSet, string> = { N: 'numeric', X: 'CSET 82', Y: 'CSET 39', Z: 'CSET 64' };

const patternCache = new Map<string, AiPattern>();
function pattern(text: string): AiPattern {
  let p = patternCache.get(text);
  if (!p) {
    const n = text.indexOf('n');
    p = { text, prefix: n < 0 ? text : text.slice(0, n), length: text.length };
    patternCache.set(text, p);
  }
  return p;
}

export function matchesPattern(ai: string, p: AiPattern): boolean {
  return ai.length === p.length && (p.prefix.length === p.length ? ai === p.text : ai.startsWith(p.prefix));
}

const qualifiers = new Set<string>();
for (const e of AI_TABLE) for (const alt of e.dlPrimaryKey ?? []) for (const q of alt) qualifiers.add(q);

function compile(entry: AiEntry, ai: string): AiSpec {
  return {
    ai,
    title: entry.title,
    fnc1: entry.fnc1,
    dlAttribute: entry.dlAttribute,
    components: entry.components.map((c) => ({
      cset: c.cset,
      min: c.min,
      max: c.max,
      optional: c.optional,
      linters: c.linters.map((name: LinterName) => LINTERS[name]),
    })),
    minLength: entry.minLength,
    maxLength: entry.maxLength,
    req: entry.req.map((alts) => alts.map((group) => group.map(pattern))),
    ex: entry.ex.map(pattern),
    dlPrimaryKey: entry.dlPrimaryKey,
    dlQualifier: qualifiers.has(ai),
    numeric: entry.components.every((c) => c.cset === 'N'),
  };
}

const BY_AI = new Map<string, AiSpec>();
/** Specs indexed by the numeric value of the AI, one array per AI length (2, 3, 4). */
const BY_CODE: (AiSpec | undefined)[][] = [[], [], new Array(100), new Array(1000), new Array(10000)];
/** AI length for each two-digit prefix (0 when no AI starts with it). */
export const AI_LENGTH_BY_PREFIX = new Uint8Array(100);

for (const entry of AI_TABLE) {
  const width = entry.first.length;
  for (let n = Number(entry.first); n <= Number(entry.last); n++) {
    const ai = String(n).padStart(width, '0');
    const spec = compile(entry, ai);
    BY_AI.set(ai, spec);
    (BY_CODE[width] as (AiSpec | undefined)[])[n] = spec;
    AI_LENGTH_BY_PREFIX[Number(ai.slice(0, 2))] = width;
  }
}

/** All AIs of the dictionary, in dictionary order. */
export const ALL_AIS: readonly string[] = [...BY_AI.keys()];

export function lookupAi(ai: string): AiSpec | undefined {
  return BY_AI.get(ai);
}

/** Spec of the AI of the given length whose digits start at s[i] (digits already checked). */
export function specAt(s: string, i: number, length: number): AiSpec | undefined {
  let n = 0;
  for (let k = i; k < i + length; k++) n = n * 10 + (s.charCodeAt(k) - 48);
  return (BY_CODE[length] as (AiSpec | undefined)[])[n];
}

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function lengthRule(spec: AiSpec): string {
  return spec.minLength === spec.maxLength ? `exactly ${spec.maxLength}` : `${spec.minLength} to ${spec.maxLength}`;
}

/**
 * Checks one value against the format and linters of its AI. Returns null when
 * fine, or the first problem found. position is where the value starts in
 * the text given to parse(); it positions the problem.
 */
export function checkValue(spec: AiSpec, value: string, position: number): Gs1Error | null {
  const len = value.length;
  const ai = spec.ai;
  if (len === 0) return problem('BAD_LENGTH', `AI (${ai}) has no value; it needs ${lengthRule(spec)} characters`, ai, position);
  if (len < spec.minLength || len > spec.maxLength) {
    return problem(
      'BAD_LENGTH',
      `AI (${ai}) value "${value}" has ${plural(len, 'character')}; it needs ${lengthRule(spec)}`,
      ai,
      position + Math.min(len, spec.maxLength),
    );
  }
  // Fast path for the common single-component numeric and CSET 82 formats.
  const comps = spec.components;
  let off = 0;
  for (let k = 0; k < comps.length; k++) {
    const c = comps[k] as SpecComponent;
    if (off >= len) {
      if (c.optional) break;
      return problem('BAD_LENGTH', `AI (${ai}) value "${value}" is too short: component ${k + 1} is missing`, ai, position + off);
    }
    const n = c.min === c.max ? c.max : Math.min(len - off, c.max);
    if (off + n > len) {
      return problem('BAD_LENGTH', `AI (${ai}) value "${value}": component ${k + 1} needs ${plural(n, 'character')}, only ${len - off} left`, ai, position + off);
    }
    const end = off + n;
    let f: LintFailure | null = null;
    if (c.cset === 'N') {
      for (let i = off; i < end; i++) {
        const ch = value.charCodeAt(i);
        if (ch < 48 || ch > 57) {
          f = csetnumeric(value, off, end);
          break;
        }
      }
    } else if (c.cset === 'X') {
      for (let i = off; i < end; i++) {
        const ch = value.charCodeAt(i);
        if (ch >= 128 || CSET82[ch] === 0) {
          f = cset82(value, off, end);
          break;
        }
      }
    } else {
      f = CSET_LINTER[c.cset](value, off, end);
    }
    if (f === null) {
      const linters = c.linters;
      for (let j = 0; j < linters.length && f === null; j++) f = (linters[j] as Linter)(value, off, end);
    }
    if (f !== null) return problem(f.code, `AI (${ai}) ${f.message}`, ai, position + off + f.offset);
    off = end;
  }
  if (off < len) {
    return problem('BAD_LENGTH', `AI (${ai}) value "${value}" has ${len - off} characters too many`, ai, position + off);
  }
  return null;
}

export function charsetName(cset: CharSet): string {
  return CSET_NAME[cset];
}
