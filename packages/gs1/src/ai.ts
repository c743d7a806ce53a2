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
  /** Id of the AI for an exact pattern naming a known AI, else -1. */
  id: number;
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
  /** Index of the AI in ALL_AIS. */
  readonly id: number;
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
  /**
   * 1 when the format is a single numeric component, 2 when it is a single
   * CSET 82 component, else 0: readers may check the characters while they
   * scan and then call checkScanned().
   */
  readonly scanCheck: 0 | 1 | 2;
  /** "(ai)", ready for writing the bracketed form. */
  readonly bracketed: string;
  /** "/ai/", ready for writing a Digital Link path. */
  readonly dlPath: string;
  /** "?ai=" and "&ai=", ready for writing a Digital Link query. */
  readonly dlQueryFirst: string;
  readonly dlQueryNext: string;
}

const CSET_LINTER: Record<CharSet, Linter> = { N: csetnumeric, X: cset82, Y: cset39, Z: cset64 };

const patternCache = new Map<string, AiPattern>();
function pattern(text: string): AiPattern {
  let p = patternCache.get(text);
  if (!p) {
    const n = text.indexOf('n');
    p = { text, prefix: n < 0 ? text : text.slice(0, n), length: text.length, id: -1 };
    patternCache.set(text, p);
  }
  return p;
}

export function matchesPattern(ai: string, p: AiPattern): boolean {
  return ai.length === p.length && (p.prefix.length === p.length ? ai === p.text : ai.startsWith(p.prefix));
}

const qualifiers = new Set<string>();
for (const e of AI_TABLE) for (const alt of e.dlPrimaryKey ?? []) for (const q of alt) qualifiers.add(q);

/**
 * Linters that cannot fail once the character set passed: a GS1 Company
 * Prefix check on an all-numeric component long enough to hold one.
 */
function redundant(name: LinterName, c: AiEntry['components'][number]): boolean {
  if (c.cset !== 'N') return false;
  if (name === 'gcppos1') return c.min >= 4;
  if (name === 'gcppos2') return c.min >= 5;
  return false;
}

function compile(entry: AiEntry, ai: string, id: number): AiSpec {
  return {
    id,
    ai,
    title: entry.title,
    fnc1: entry.fnc1,
    dlAttribute: entry.dlAttribute,
    components: entry.components.map((c) => ({
      cset: c.cset,
      min: c.min,
      max: c.max,
      optional: c.optional,
      linters: c.linters.filter((name) => !redundant(name, c)).map((name: LinterName) => LINTERS[name]),
    })),
    minLength: entry.minLength,
    maxLength: entry.maxLength,
    req: entry.req.map((alts) => alts.map((group) => group.map(pattern))),
    ex: entry.ex.map(pattern),
    dlPrimaryKey: entry.dlPrimaryKey,
    dlQualifier: qualifiers.has(ai),
    numeric: entry.components.every((c) => c.cset === 'N'),
    scanCheck: entry.components.length !== 1 ? 0 : entry.components[0]?.cset === 'N' ? 1 : entry.components[0]?.cset === 'X' ? 2 : 0,
    bracketed: `(${ai})`,
    dlPath: `/${ai}/`,
    dlQueryFirst: `?${ai}=`,
    dlQueryNext: `&${ai}=`,
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
    // Single AIs keep the table's string literal: literals are interned, so
    // comparisons with the literals in the code are pointer comparisons.
    const ai = entry.first === entry.last ? entry.first : String(n).padStart(width, '0');
    const spec = compile(entry, ai, BY_AI.size);
    BY_AI.set(ai, spec);
    (BY_CODE[width] as (AiSpec | undefined)[])[n] = spec;
    AI_LENGTH_BY_PREFIX[Number(ai.slice(0, 2))] = width;
  }
}

/** All AIs of the dictionary, in dictionary order. */
export const ALL_AIS: readonly string[] = [...BY_AI.keys()];

for (const p of patternCache.values()) {
  if (p.prefix.length === p.length) p.id = BY_AI.get(p.text)?.id ?? -1;
}

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
 * Checks one value, s[start, end), against the format and linters of its AI.
 * Returns null when fine, or the first problem found. position is where
 * s[start] is in the text given to parse(); it positions the problem.
 * Working on a range of the input avoids copying values before they are known
 * to be good.
 */
export function checkValue(spec: AiSpec, s: string, start: number, end: number, position: number): Gs1Error | null {
  const len = end - start;
  const ai = spec.ai;
  if (len === 0) return problem('BAD_LENGTH', `AI (${ai}) has no value; it needs ${lengthRule(spec)} characters`, ai, position);
  if (len < spec.minLength || len > spec.maxLength) {
    return problem(
      'BAD_LENGTH',
      `AI (${ai}) value "${s.slice(start, end)}" has ${plural(len, 'character')}; it needs ${lengthRule(spec)}`,
      ai,
      position + Math.min(len, spec.maxLength),
    );
  }
  const comps = spec.components;
  let off = start;
  for (let k = 0; k < comps.length; k++) {
    const c = comps[k] as SpecComponent;
    if (off >= end) {
      if (c.optional) break;
      return problem('BAD_LENGTH', `AI (${ai}) value "${s.slice(start, end)}" is too short: component ${k + 1} is missing`, ai, position + off - start);
    }
    const n = c.min === c.max ? c.max : Math.min(end - off, c.max);
    if (off + n > end) {
      return problem(
        'BAD_LENGTH',
        `AI (${ai}) value "${s.slice(start, end)}": component ${k + 1} needs ${plural(n, 'character')}, only ${end - off} left`,
        ai,
        position + off - start,
      );
    }
    const cend = off + n;
    let f: LintFailure | null = null;
    if (c.cset === 'N') {
      for (let i = off; i < cend; i++) {
        const ch = s.charCodeAt(i);
        if (ch < 48 || ch > 57) {
          f = csetnumeric(s, off, cend);
          break;
        }
      }
    } else if (c.cset === 'X') {
      for (let i = off; i < cend; i++) {
        const ch = s.charCodeAt(i);
        if (ch >= 128 || CSET82[ch] === 0) {
          f = cset82(s, off, cend);
          break;
        }
      }
    } else {
      f = CSET_LINTER[c.cset](s, off, cend);
    }
    if (f === null) {
      const linters = c.linters;
      for (let j = 0; j < linters.length && f === null; j++) f = (linters[j] as Linter)(s, off, cend);
    }
    if (f !== null) return problem(f.code, `AI (${ai}) ${f.message}`, ai, position + off - start + f.offset);
    off = cend;
  }
  if (off < end) {
    return problem('BAD_LENGTH', `AI (${ai}) value "${s.slice(start, end)}" has ${end - off} characters too many`, ai, position + off - start);
  }
  return null;
}

/**
 * As checkValue for a spec with scanCheck 1 or 2 whose characters the caller
 * has already found to be in the character set.
 */
export function checkScanned(spec: AiSpec, s: string, start: number, end: number, position: number): Gs1Error | null {
  const len = end - start;
  if (len < spec.minLength || len > spec.maxLength || len === 0) return checkValue(spec, s, start, end, position);
  const linters = (spec.components[0] as SpecComponent).linters;
  for (let j = 0; j < linters.length; j++) {
    const f = (linters[j] as Linter)(s, start, end);
    if (f !== null) return problem(f.code, `AI (${spec.ai}) ${f.message}`, spec.ai, position + f.offset);
  }
  return null;
}
