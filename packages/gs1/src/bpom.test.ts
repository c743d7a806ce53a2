import { describe, expect, test } from 'vitest';
import { parse, toBracketed, toRaw } from './index.js';

const SEED = '(90)DBL0204127763A1(10)try019(17)250810(21)P000000000002713';
const GS = '\u001d';

function codes(text: string, profile?: 'GS1' | 'BPOM') {
  return parse(text, profile ? { profile } : undefined).errors.map((e) => e.code);
}

describe('BPOM profile', () => {
  test('the seed example reads as a valid BPOM code', () => {
    const r = parse(SEED);
    expect(r).toMatchObject({
      valid: true,
      profile: 'BPOM',
      gtin: null,
      nie: 'DBL0204127763A1',
      batch: 'try019',
      expiry: '2025-08-10',
      serial: 'P000000000002713',
      sscc: null,
      bracketed: SEED,
      raw: `90DBL0204127763A1${GS}10try019${GS}1725081021P000000000002713`,
      digitalLink: null,
      errors: [],
      warnings: [],
    });
  });

  test('with a trailing (91)21', () => {
    const r = parse(`${SEED}(91)21`);
    expect(r.valid).toBe(true);
    expect(r.profile).toBe('BPOM');
    expect(r.elements.at(-1)).toEqual({ ai: '91', value: '21' });
    expect(r.raw).toBe(`90DBL0204127763A1${GS}10try019${GS}1725081021P000000000002713${GS}9121`);
  });

  test('the same code as scanner output in every carrier form', () => {
    const raw = `90DBL0204127763A1${GS}10try019${GS}1725081021P000000000002713`;
    for (const text of [
      `]d2${raw}`,
      `]Q3${raw}`,
      `]C1${raw}`,
      `]e0${raw}`,
      `${GS}${raw}`, // webcam decoder: leading GS for FNC1
      `${raw}${GS}`,
      `${raw}\r\n`,
      `]d2${raw}${GS}\n`,
      `^90DBL0204127763A1^10try019^1725081021P000000000002713`,
      `90DBL0204127763A1<GS>10try019<GS>1725081021P000000000002713`,
      `90DBL0204127763A1{GS}10try019{GS}1725081021P000000000002713`,
      `  ${SEED}  `,
      `]Q1${SEED}`, // bracketed text in a plain QR code
    ]) {
      const r = parse(text);
      expect(r.errors, JSON.stringify(text)).toEqual([]);
      expect(r.bracketed, JSON.stringify(text)).toBe(SEED);
    }
  });

  test('an NIE longer than 16 characters is refused', () => {
    const r = parse('(90)DBL0204127763A1234(10)try019(17)250810(21)P1');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'NIE_TOO_LONG', ai: '90', position: 0, message: 'NIE "DBL0204127763A1234" in AI (90) has 18 characters; BPOM allows at most 16' }),
    ]);
    expect(parse('(90)ABCDEFGHIJKLMNOP(10)B').valid).toBe(true); // exactly 16
  });

  test('a batch with characters outside CSET 82', () => {
    const r = parse('(90)DBL0204127763A1(10)try 019(17)250810');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'BAD_CHARSET', ai: '10', position: 26, message: `AI (10) value "try 019": character ' ' at offset 3 is not in CSET 82` }),
    ]);
    expect(codes('(90)DBL0204127763A1(10)try#019')).toEqual(['BAD_CHARSET']);
    expect(codes('(90)DBL0204127763A1(10)ÄB')).toEqual(['BAD_CHARSET']);
  });

  test('expiry 251300 is not a date', () => {
    const r = parse('(90)DBL0204127763A1(10)try019(17)251300(21)P1');
    expect(r.valid).toBe(false);
    expect(r.expiry).toBeNull();
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'BAD_DATE', ai: '17', position: 35, message: 'AI (17) date 251300: month 13 is not 01-12' }),
    ]);
    expect(parse('(90)X(17)250231').errors[0]?.message).toBe('AI (17) date 250231: day 31 is not 00-28 for month 02');
  });

  test('expiry day 00 means the last day of the month', () => {
    expect(parse('(90)DBL0204127763A1(17)250200').expiry).toBe('2025-02-28');
    expect(parse('(90)DBL0204127763A1(17)240200').expiry).toBe('2024-02-29');
    expect(parse('(90)DBL0204127763A1(17)251100').expiry).toBe('2025-11-30');
    expect(parse('(90)DBL0204127763A1(17)251231').expiry).toBe('2025-12-31');
  });

  test('(21) with neither (01) nor (90) is missing its product key', () => {
    const r = parse('(21)P000000000002713');
    expect(r.valid).toBe(false);
    expect(r.profile).toBe('GS1');
    expect(r.errors).toEqual([
      {
        code: 'MISSING_REQUIRED_AI',
        ai: '21',
        position: 0,
        message: 'AI (21) requires (01), (03) or (8006); BPOM codes may use (90) in place of (01)',
      },
    ]);
    expect(codes('(10)try019(17)250810(21)P1')).toEqual(['MISSING_REQUIRED_AI', 'MISSING_REQUIRED_AI', 'MISSING_REQUIRED_AI']);
  });

  test('mixed profiles: (01) and (90) together read as GS1 with the NIE filled', () => {
    const r = parse('(01)09520123456788(90)DBL0204127763A1(10)try019(17)250810(21)P1');
    expect(r).toMatchObject({ valid: true, profile: 'GS1', gtin: '09520123456788', nie: 'DBL0204127763A1', warnings: [] });
    expect(r.digitalLink).toBe('https://id.gs1.org/01/09520123456788/10/try019/21/P1?90=DBL0204127763A1&17=250810');
    // Outside BPOM a long (90) is legal GS1 but is flagged, since it is reported as the NIE.
    const long = parse('(01)09520123456788(90)DBL0204127763A1234');
    expect(long.valid).toBe(true);
    expect(long.warnings.map((w) => w.code)).toEqual(['NIE_TOO_LONG']);
  });

  test('forced profiles', () => {
    // GS1 rules do not let (90) stand in for (01).
    expect(codes(SEED, 'GS1')).toEqual(['MISSING_REQUIRED_AI', 'MISSING_REQUIRED_AI', 'MISSING_REQUIRED_AI']);
    expect(parse(SEED, { profile: 'GS1' }).profile).toBe('GS1');
    // The BPOM profile needs the NIE.
    const r = parse('(01)09520123456788(10)A', { profile: 'BPOM' });
    expect(r.profile).toBe('BPOM');
    expect(r.errors.map((e) => e.message)).toEqual(['The BPOM profile needs the NIE in AI (90)']);
    expect(parse(`${SEED}`, { profile: 'BPOM' }).valid).toBe(true);
  });

  test('(90) stands in for (01) in every req= of the dictionary, e.g. (250) needs (01)+(21)', () => {
    expect(parse('(90)DBL0204127763A1(21)S1(250)X').valid).toBe(true);
    expect(codes('(90)DBL0204127763A1(250)X')).toEqual(['MISSING_REQUIRED_AI']);
  });

  test('keyboard-wedge input without GS is split on the AI table when only one reading fits', () => {
    const r = parse('90DBL0204127763A110try0191725081021P000000000002713');
    expect(r.valid).toBe(true);
    expect(r.bracketed).toBe(SEED);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'GS_MISSING' })]);
    const g = parse('0109520123456788172512311 0ABC21XYZ'.replace(' ', ''));
    expect(g.valid).toBe(true);
    expect(g.bracketed).toBe('(01)09520123456788(17)251231(10)ABC(21)XYZ');
    expect(g.warnings.map((w) => w.code)).toEqual(['GS_MISSING']);
  });

  test('keyboard-wedge input that splits several ways is an error', () => {
    // Batch and serial both variable, no expiry to anchor them: "AB21CD21EF" could end the batch at either "21".
    const r = parse('0109520123456788' + '10AB21CD21EF');
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['AMBIGUOUS_SPLIT']);
    expect(r.errors[0]?.message).toContain('(10)AB(21)CD21EF');
    expect(r.errors[0]?.message).toContain('(10)AB21CD(21)EF');
  });

  test('a correctly encoded code with a variable AI last needs no split and gets no warning', () => {
    const r = parse('0109520123456788172512311 0ABC123'.replace(' ', ''));
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.batch).toBe('ABC123');
  });

  test('round trip of the seed through every writer', () => {
    const r = parse(SEED);
    expect(parse(toBracketed(r.elements)).elements).toEqual(r.elements);
    expect(parse(toRaw(r.elements)).elements).toEqual(r.elements);
  });
});
