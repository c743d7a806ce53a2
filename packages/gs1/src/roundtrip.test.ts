// Property tests: writers and reader agree, and no input makes parse() throw.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ERROR_CODES, checkDigit, parse, toBracketed, toDigitalLink, toRaw, type Element } from './index.js';
import { CSET82_CHARS } from './linters/cset82.js';
import { daysInMonth } from './linters/common.js';

const cset82 = fc.constantFrom(...CSET82_CHARS);
// "<GS>" written out is read as a separator in raw data (scanner output); a
// value holding those four characters is the one thing raw data cannot carry.
const text = (max: number) => fc.string({ unit: cset82, minLength: 1, maxLength: max }).filter((v) => !/<gs>/i.test(v));
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const withCheckDigit = (n: number) => digits(n - 1).map((d) => d + checkDigit(d));
const nie = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 1, maxLength: 16 });
const yymmd0 = fc
  .record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), dd: fc.integer({ min: 0, max: 31 }) })
  .map(({ yy, mm, dd }) => [yy, mm, Math.min(dd, daysInMonth(2000 + yy, mm))].map((n) => String(n).padStart(2, '0')).join(''));

const el = (ai: string) => (value: string): Element => ({ ai, value });

const gs1Code = fc
  .tuple(withCheckDigit(14).map(el('01')), text(20).map(el('10')), yymmd0.map(el('17')), text(20).map(el('21')))
  .chain((els) => fc.shuffledSubarray(els, { minLength: 4, maxLength: 4 }));
const bpomCode = fc
  .tuple(nie.map(el('90')), text(20).map(el('10')), yymmd0.map(el('17')), text(20).map(el('21')))
  .chain((els) => fc.shuffledSubarray(els, { minLength: 4, maxLength: 4 }));
const ssccCode = withCheckDigit(18).map((v) => [el('00')(v)]);
const anyCode = fc.oneof(gs1Code, bpomCode, ssccCode);

const sorted = (els: readonly Element[]) => [...els].sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0));

describe('round trips', () => {
  test('parse(toBracketed(x)) gives back x', () => {
    fc.assert(
      fc.property(anyCode, (x) => {
        const r = parse(toBracketed(x));
        expect(r.errors).toEqual([]);
        expect(r.elements).toEqual(x);
        expect(r.bracketed).toBe(toBracketed(x));
      }),
      { numRuns: 500 },
    );
  });

  test('parse(toRaw(x)) gives back x', () => {
    fc.assert(
      fc.property(anyCode, (x) => {
        const r = parse(toRaw(x));
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
        expect(r.elements).toEqual(x);
        expect(r.raw).toBe(toRaw(x));
      }),
      { numRuns: 500 },
    );
  });

  test('raw with a symbology identifier or a leading GS gives back x', () => {
    fc.assert(
      fc.property(anyCode, fc.constantFrom(']d2', ']Q3', ']C1', '\u001d', '^'), (x, prefix) => {
        expect(parse(prefix + toRaw(x)).elements).toEqual(x);
      }),
      { numRuns: 200 },
    );
  });

  test('Digital Link round trip for GTIN and SSCC codes', () => {
    fc.assert(
      fc.property(fc.oneof(gs1Code, ssccCode), fc.option(nie.map(el('90')), { nil: undefined }), (x, extra) => {
        const code = extra ? [...x, extra] : x;
        const uri = toDigitalLink(code);
        expect(uri).not.toBeNull();
        const r = parse(uri as string);
        expect(r.errors).toEqual([]);
        expect(sorted(r.elements)).toEqual(sorted(code));
        expect(r.digitalLink).toBe(uri);
      }),
      { numRuns: 500 },
    );
  });

  test('keyboard-wedge data without separators is read back or flagged, never silently misread', () => {
    fc.assert(
      fc.property(fc.oneof(gs1Code, bpomCode), (x) => {
        const r = parse(x.map((e) => e.ai + e.value).join(''));
        const same = r.errors.length === 0 && JSON.stringify(r.elements) === JSON.stringify(x);
        const flagged = r.errors.length > 0 || r.warnings.some((w) => w.code === 'GS_MISSING' || w.code === 'AMBIGUOUS_SPLIT');
        expect(same || flagged, `read ${r.bracketed} for ${toBracketed(x)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('the profile follows the key', () => {
    fc.assert(
      fc.property(anyCode, (x) => {
        const r = parse(toBracketed(x));
        expect(r.profile).toBe(x.some((e) => e.ai === '90') ? 'BPOM' : 'GS1');
      }),
    );
  });
});

describe('parse never throws', () => {
  const codes = new Set(Object.keys(ERROR_CODES));
  const sane = (input: string) => {
    const r = parse(input);
    expect(r.valid).toBe(r.errors.length === 0);
    for (const e of [...r.errors, ...r.warnings]) expect(codes.has(e.code), e.code).toBe(true);
    expect(r.errors.map((e) => e.code)).not.toContain('INTERNAL_ERROR');
  };

  test('random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), sane), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), sane), { numRuns: 1000 });
  });

  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => sane(String.fromCharCode(...bytes))),
      { numRuns: 2000 },
    );
  });

  test('random sequences of meaningful pieces', () => {
    const piece = fc.constantFrom(
      '(', ')', '\\(', '01', '10', '17', '21', '90', '00', '8030', '253', '7003', '95201234567888', '250810', 'ABC', '/',
      '?', '&', '=', '%', '%2F', '#', '+', ']d2', ']Q1', ']C1', ']E0', '\u001d', '^', '<GS>', '{GS}', 'https://', 'http://a', ' ', '\r\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => sane(parts.join(''))),
      { numRuns: 3000 },
    );
  });

  test('long separator-less digit runs stay fast', () => {
    const started = Date.now();
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 20, maxLength: 120 }), sane), { numRuns: 300 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
