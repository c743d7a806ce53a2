#!/usr/bin/env node
// Generates the committed AI table and test fixtures of @jejak/gs1 from the
// GS1 reference data kept outside the repository:
//
//   <reference>/gs1-syntax-dictionary.txt  ->  src/ai-table.ts
//   <reference>/gs1-syntax-vectors.json    ->  src/fixtures/gs1-syntax-vectors.json
//
// Usage: node scripts/generate.mjs [referenceDir]
// referenceDir defaults to $GS1_REFERENCE_DIR or /work/shared/reference.
// The package never reads the reference directory at run or test time.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const refDir = resolve(process.argv[2] ?? process.env.GS1_REFERENCE_DIR ?? '/work/shared/reference');

const DICTIONARY = join(refDir, 'gs1-syntax-dictionary.txt');
const VECTORS = join(refDir, 'gs1-syntax-vectors.json');
const OUT_TABLE = join(pkgDir, 'src', 'ai-table.ts');
const OUT_VECTORS = join(pkgDir, 'src', 'fixtures', 'gs1-syntax-vectors.json');

// Upstream revisions, as stated in the reference README.
const DICTIONARY_SOURCE = 'GitHub gs1/gs1-syntax-dictionary at commit ff2eb4bf (Apache-2.0)';
const VECTORS_SOURCE = 'GitHub gs1/gs1-syntax-engine at commit 50657dbd, src/c-lib/{ai,dl,scandata}.c (Apache-2.0)';

const FLAG_CHARS = new Set('*!?"$%&\'()+,-./:;<=>@[\\]^_`{|}~');

function fail(message) {
  console.error(`generate: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Syntax dictionary
// ---------------------------------------------------------------------------

function parseComponent(token, lineNo) {
  // Forms: N14  X..20  N14,csum,gcppos2  [X..17]  [N3],iso3166  [N..12]
  const m = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/.exec(token);
  if (!m) fail(`line ${lineNo}: cannot read component "${token}"`);
  const [, open, cset, dots, len, close, linters] = m;
  if (Boolean(open) !== Boolean(close)) fail(`line ${lineNo}: unbalanced [] in "${token}"`);
  const max = Number(len);
  return {
    cset,
    min: dots ? 1 : max,
    max,
    optional: Boolean(open),
    linters: linters ? linters.slice(1).split(',') : [],
  };
}

function parseDictionary(text) {
  const entries = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    if (/^\s*(#|$)/.test(rawLine)) return;
    const hash = rawLine.indexOf('#');
    const body = hash >= 0 ? rawLine.slice(0, hash) : rawLine;
    const title = hash >= 0 ? rawLine.slice(hash + 1).trim() : '';
    const tokens = body.trim().split(/\s+/);
    const range = tokens.shift();
    const rm = /^(\d{2,4})(?:-(\d{2,4}))?$/.exec(range);
    if (!rm) fail(`line ${lineNo}: cannot read AI "${range}"`);
    const first = rm[1];
    const last = rm[2] ?? rm[1];
    if (first.length !== last.length || Number(last) < Number(first)) fail(`line ${lineNo}: bad range ${range}`);

    let flags = '';
    if (tokens.length && [...tokens[0]].every((c) => FLAG_CHARS.has(c))) flags = tokens.shift();

    const components = [];
    while (tokens.length && /^\[?[NXYZ]/.test(tokens[0]) && !tokens[0].includes('=')) {
      components.push(parseComponent(tokens.shift(), lineNo));
    }
    if (!components.length) fail(`line ${lineNo}: no format specification`);
    components.forEach((c, i) => {
      if (c.min !== c.max && i !== components.length - 1) fail(`line ${lineNo}: variable-length component not last`);
      if (!c.optional && components.slice(0, i).some((p) => p.optional)) fail(`line ${lineNo}: mandatory component after optional one`);
    });

    const req = [];
    const ex = [];
    let dlPrimaryKey = null;
    for (const attr of tokens) {
      const [key, value] = attr.split('=', 2);
      if (key === 'req') {
        if (!value) fail(`line ${lineNo}: empty req=`);
        req.push(value.split(',').map((group) => group.split('+')));
      } else if (key === 'ex') {
        if (!value) fail(`line ${lineNo}: empty ex=`);
        ex.push(...value.split(','));
      } else if (key === 'dlpkey') {
        dlPrimaryKey = value ? value.split('|').map((alt) => alt.split(',')) : [[]];
      } else {
        fail(`line ${lineNo}: unknown attribute "${attr}"`);
      }
    }
    for (const pattern of [...ex, ...req.flat(2), ...(dlPrimaryKey ?? []).flat()]) {
      if (!/^\d[\dn]{1,3}$/.test(pattern)) fail(`line ${lineNo}: bad AI pattern "${pattern}"`);
    }

    const fixed = flags.includes('*');
    const minLength = components.filter((c) => !c.optional).reduce((s, c) => s + c.min, 0);
    const maxLength = components.reduce((s, c) => s + c.max, 0);
    if (fixed && minLength !== maxLength) fail(`line ${lineNo}: predefined-length AI ${range} has a variable format`);

    entries.push({
      first,
      last,
      title,
      fnc1: !fixed,
      dlAttribute: flags.includes('?'),
      components,
      minLength,
      maxLength,
      req,
      ex,
      dlPrimaryKey,
    });
  });
  return entries;
}

function checkTable(entries) {
  const all = [];
  for (const e of entries) {
    for (let n = Number(e.first); n <= Number(e.last); n++) all.push(String(n).padStart(e.first.length, '0'));
  }
  const seen = new Set();
  for (const ai of all) {
    if (seen.has(ai)) fail(`AI ${ai} defined twice`);
    seen.add(ai);
  }
  // AIs must form a prefix-free code, and every AI sharing its first two
  // digits must have the same length, so raw data can be split.
  const lengthByPrefix = new Map();
  for (const ai of all) {
    const p = ai.slice(0, 2);
    const known = lengthByPrefix.get(p);
    if (known !== undefined && known !== ai.length) fail(`AIs starting ${p} have different lengths`);
    lengthByPrefix.set(p, ai.length);
  }
  // Every AI referenced by a qualifier list must exist.
  for (const e of entries) {
    for (const ai of (e.dlPrimaryKey ?? []).flat()) if (!seen.has(ai)) fail(`dlpkey of ${e.first} names unknown AI ${ai}`);
  }
  return { count: all.length };
}

function lit(value) {
  return JSON.stringify(value).replace(/"/g, "'");
}

function renderTable(entries, count) {
  const linterNames = [...new Set(entries.flatMap((e) => e.components.flatMap((c) => c.linters)))].sort();
  const out = [];
  out.push('// GENERATED FILE: do not edit. Run `npm run generate` in packages/gs1.');
  out.push(`// Source: GS1 Barcode Syntax Dictionary, ${DICTIONARY_SOURCE}.`);
  out.push(`// ${entries.length} dictionary entries covering ${count} AIs.`);
  out.push('');
  out.push("/** Character set of a component: N numeric, X CSET 82, Y CSET 39, Z CSET 64 (base64url). */");
  out.push("export type CharSet = 'N' | 'X' | 'Y' | 'Z';");
  out.push('');
  out.push('/** Linter names used by the dictionary. */');
  out.push(`export type LinterName =\n${linterNames.map((n) => `  | '${n}'`).join('\n')};`);
  out.push('');
  out.push('export interface AiComponent {');
  out.push('  readonly cset: CharSet;');
  out.push('  /** Minimum and maximum length; equal for fixed-length components. */');
  out.push('  readonly min: number;');
  out.push('  readonly max: number;');
  out.push('  /** Optional components may be left out once the data is exhausted. */');
  out.push('  readonly optional: boolean;');
  out.push('  readonly linters: readonly LinterName[];');
  out.push('}');
  out.push('');
  out.push('export interface AiEntry {');
  out.push('  /** First and last AI of the range this entry covers (equal for a single AI). */');
  out.push('  readonly first: string;');
  out.push('  readonly last: string;');
  out.push('  readonly title: string;');
  out.push("  /** True unless the AI has a predefined length (flag '*'): an FNC1/GS must follow it unless it is last. */");
  out.push('  readonly fnc1: boolean;');
  out.push("  /** Permitted as a GS1 Digital Link query-string attribute (flag '?'). */");
  out.push('  readonly dlAttribute: boolean;');
  out.push('  readonly components: readonly AiComponent[];');
  out.push('  readonly minLength: number;');
  out.push('  readonly maxLength: number;');
  out.push("  /** Each req= attribute: alternatives, each a list of AIs or patterns ('n' = any digit) that must all be present. */");
  out.push('  readonly req: readonly (readonly (readonly string[])[])[];');
  out.push('  /** AIs or patterns that must not appear together with this AI. */');
  out.push('  readonly ex: readonly string[];');
  out.push('  /** Digital Link primary key: alternative ordered qualifier lists; null when not a primary key. */');
  out.push('  readonly dlPrimaryKey: readonly (readonly string[])[] | null;');
  out.push('}');
  out.push('');
  out.push('export const AI_TABLE: readonly AiEntry[] = [');
  for (const e of entries) {
    const comps = e.components
      .map((c) => `{ cset: '${c.cset}', min: ${c.min}, max: ${c.max}, optional: ${c.optional}, linters: ${lit(c.linters)} }`)
      .join(', ');
    out.push(
      `  { first: '${e.first}', last: '${e.last}', title: ${JSON.stringify(e.title)}, fnc1: ${e.fnc1}, dlAttribute: ${e.dlAttribute}, ` +
        `components: [${comps}], minLength: ${e.minLength}, maxLength: ${e.maxLength}, ` +
        `req: ${lit(e.req)}, ex: ${lit(e.ex)}, dlPrimaryKey: ${e.dlPrimaryKey ? lit(e.dlPrimaryKey) : 'null'} },`,
    );
  }
  out.push('];');
  out.push('');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Test vectors
// ---------------------------------------------------------------------------

function renderVectors(vectors) {
  if (!Array.isArray(vectors)) fail('vectors file is not a JSON array');
  const byKey = new Map();
  for (const v of vectors) {
    const key = `${v.kind}\u0000${v.input}`;
    byKey.set(key, (byKey.get(key) ?? new Set()).add(v.ok));
  }
  const cases = vectors.map((v, id) => {
    if (!['bracketed', 'digital_link', 'scan_data', 'validate'].includes(v.kind)) fail(`vector ${id}: unknown kind ${v.kind}`);
    const c = { id, kind: v.kind, ok: v.ok, input: v.input };
    if ('expect' in v) c.expect = v.expect;
    if ('symbology' in v) c.symbology = v.symbology;
    if ('rule' in v) c.rule = v.rule;
    if (v.input === 'inbuf' || v.expect === 'expbuf') {
      c.skip = 'placeholder from the C test harness (the literal names of its input and output buffers), not a real case';
    } else if (byKey.get(`${v.kind}\u0000${v.input}`).size > 1) {
      // The upstream tests ran these inputs twice with different engine options.
      c.optionDependent = true;
    }
    return c;
  });
  const counts = {};
  for (const c of cases) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return {
    source: VECTORS_SOURCE,
    generatedBy: 'packages/gs1/scripts/generate.mjs',
    notes: [
      "expect uses '^' for FNC1; a leading '^' marks GS1 AI data.",
      'skip: cases that are not real test data, with the reason.',
      'optionDependent: the same input appears with ok true and false because the upstream harness changed engine options between runs.',
    ],
    counts,
    cases,
  };
}

// ---------------------------------------------------------------------------

const entries = parseDictionary(readFileSync(DICTIONARY, 'utf8'));
const { count } = checkTable(entries);
writeFileSync(OUT_TABLE, renderTable(entries, count));

const vectors = JSON.parse(readFileSync(VECTORS, 'utf8'));
mkdirSync(dirname(OUT_VECTORS), { recursive: true });
const fixture = renderVectors(vectors);
writeFileSync(OUT_VECTORS, `${JSON.stringify(fixture, null, 1)}\n`);

console.log(`generate: ${entries.length} dictionary entries (${count} AIs) -> ${OUT_TABLE}`);
console.log(`generate: ${fixture.cases.length} vectors ${JSON.stringify(fixture.counts)} -> ${OUT_VECTORS}`);
