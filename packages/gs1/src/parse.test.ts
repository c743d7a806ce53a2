import { describe, expect, test } from 'vitest';
import { ERROR_CODES, checkDigit, hasValidCheckDigit, parse, toBracketed, toRaw } from './index.js';
import { fullYear } from './parse.js';

const GS = '\u001d';

describe('check digits', () => {
  test('checkDigit computes the GS1 mod-10 digit', () => {
    expect(checkDigit('952012345678')).toBe('8');
    expect(checkDigit('0952012345678')).toBe('8');
    expect(checkDigit('00614141123456789')).toBe('0');
    expect(checkDigit('0')).toBe('0');
    expect(() => checkDigit('12a')).toThrow(RangeError);
    expect(() => checkDigit('')).toThrow(RangeError);
  });

  test('hasValidCheckDigit', () => {
    expect(hasValidCheckDigit('09520123456788')).toBe(true);
    expect(hasValidCheckDigit('09520123456789')).toBe(false);
    expect(hasValidCheckDigit('006141411234567890')).toBe(true);
    expect(hasValidCheckDigit('5')).toBe(false);
    expect(hasValidCheckDigit('1x')).toBe(false);
  });
});

describe('SSCC', () => {
  test('good check digit', () => {
    const r = parse('(00)006141411234567890');
    expect(r).toMatchObject({ valid: true, profile: 'GS1', sscc: '006141411234567890', gtin: null });
    expect(r.digitalLink).toBe('https://id.gs1.org/00/006141411234567890');
    expect(parse(']C100006141411234567890').sscc).toBe('006141411234567890');
  });

  test('bad check digit', () => {
    const r = parse('(00)006141411234567891');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      { code: 'BAD_CHECK_DIGIT', ai: '00', position: 21, message: 'AI (00) 006141411234567891: check digit 1 is wrong, expected 0' },
    ]);
  });

  test('pallet label with content and count', () => {
    const r = parse('(00)006141411234567890(02)09520123456788(37)25(10)ABC');
    expect(r.valid).toBe(true);
    expect(r.digitalLink).toBe('https://id.gs1.org/00/006141411234567890?02=09520123456788&37=25&10=ABC');
  });
});

describe('reading', () => {
  test('GTIN code with all fields', () => {
    const r = parse('(01)09520123456788(17)270131(10)LOT-7(21)SN123');
    expect(r).toMatchObject({
      valid: true,
      profile: 'GS1',
      gtin: '09520123456788',
      batch: 'LOT-7',
      expiry: '2027-01-31',
      serial: 'SN123',
      raw: `01095201234567881727013110LOT-7${GS}21SN123`,
      digitalLink: 'https://id.gs1.org/01/09520123456788/10/LOT-7/21/SN123?17=270131',
    });
  });

  test('escaped parenthesis in bracketed input', () => {
    const r = parse('(01)09520123456788(10)A\\(1)');
    expect(r.batch).toBe('A(1)');
    expect(r.bracketed).toBe('(01)09520123456788(10)A\\(1)');
    expect(toBracketed(r.elements)).toBe('(01)09520123456788(10)A\\(1)');
  });

  test('redundant separators after fixed-length AIs are tolerated', () => {
    expect(parse(`]d201095201234567881${GS}7270131${GS}10A`).valid).toBe(false);
    expect(parse(`]d20109520123456788${GS}17270131${GS}10A`).valid).toBe(true);
    expect(parse(`]d2${GS}0109520123456788${GS}${GS}10A${GS}${GS}`).valid).toBe(true);
  });

  test('empty input', () => {
    for (const t of ['', '   ', '\r\n', GS, `${GS}${GS}`]) {
      expect(parse(t).errors.map((e) => e.code)).toEqual(['EMPTY']);
    }
  });

  test('symbology identifiers', () => {
    expect(parse(']d1TESTING').errors.map((e) => e.code)).toEqual(['NOT_GS1']);
    expect(parse(']d2').errors.map((e) => e.code)).toEqual(['EMPTY']);
    expect(parse(']J1011231231231233310ABC').errors.map((e) => e.code)).toEqual(['UNSUPPORTED_SYMBOLOGY']);
    expect(parse(']X0ABC').errors.map((e) => e.code)).toEqual(['UNSUPPORTED_SYMBOLOGY']);
    expect(parse(']E02112345678900').gtin).toBe('02112345678900');
    expect(parse(']E02112345678901').errors.map((e) => e.code)).toEqual(['BAD_CHECK_DIGIT']);
    expect(parse(']E402345673').gtin).toBe('00000002345673');
    expect(parse(']Q1https://id.gs1.org/01/09520123456788/21/A1').serial).toBe('A1');
  });

  test('plain symbols holding GS1 data are read with a warning', () => {
    const r = parse(`]Q10109520123456788${GS}10A`);
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['NOT_GS1_MODE']);
  });

  test('syntax errors carry positions', () => {
    expect(parse('(01)09520123456788(1A)X').errors).toEqual([
      { code: 'SYNTAX', position: 18, message: '"(1A)" at position 18 is not an AI: an AI is 2 to 4 digits' },
    ]);
    expect(parse('(01)0952012345678').errors[0]).toMatchObject({ code: 'BAD_LENGTH', ai: '01', message: 'AI (01) value "0952012345678" has 13 characters; it needs exactly 14' });
    expect(parse('(89)X').errors[0]).toMatchObject({ code: 'UNKNOWN_AI', ai: '89', position: 0 });
    expect(parse('0109520123456788890X').errors[0]).toMatchObject({ code: 'UNKNOWN_AI', ai: '89', position: 16 });
    expect(parse('(10)ABC(10)ABD(01)09520123456788').errors).toEqual([
      { code: 'DUPLICATE_AI', ai: '10', position: 7, message: 'AI (10) appears more than once with different values: "ABC" and "ABD"' },
    ]);
    expect(parse('(01)09520123456788(02)09520123456788(37)1').errors.map((e) => e.code)).toContain('EXCLUSIVE_AIS');
    expect(parse('ABC').errors.map((e) => e.code)).toEqual(['NOT_GS1']);
  });

  test('times and other linters report precise messages', () => {
    expect(parse('(01)09520123456788(7003)2501012460').errors[0]?.message).toBe('AI (7003) time 2460: hour 24 is not 00-23');
    expect(parse('(01)09520123456788(422)999').errors[0]).toMatchObject({ code: 'BAD_VALUE', message: 'AI (422) 999 is not an ISO 3166 numeric country code' });
    expect(parse('(01)09520123456788(422)360').valid).toBe(true);
  });

  test('every error code in results is listed in ERROR_CODES', () => {
    const samples = ['', 'ABC', '(1)', '(89)X', '(00)006141411234567891', '(17)251300', '(21)A', ']X1A', '(90)ABCDEFGHIJKLMNOPQ', 'http://a'];
    for (const s of samples) for (const e of parse(s).errors) expect(Object.keys(ERROR_CODES)).toContain(e.code);
  });

  test('never throws on hostile input', () => {
    for (const t of [undefined, null, 42, {}, '\u0000', '(', ')', '((((', '\\', ']', ']d2\u0000', 'http://', '%', '01'.repeat(5000)]) {
      expect(() => parse(t as unknown as string)).not.toThrow();
      expect(parse(t as unknown as string).valid).toBe(false);
    }
  });

  test('two-digit years follow the GS1 sliding window', () => {
    expect(fullYear(25, 2025)).toBe(2025);
    expect(fullYear(75, 2025)).toBe(2075);
    expect(fullYear(76, 2025)).toBe(1976);
    expect(fullYear(0, 2060)).toBe(2100);
  });

  test('toRaw puts GS only after variable-length AIs that are not last', () => {
    expect(toRaw([{ ai: '01', value: '09520123456788' }, { ai: '17', value: '250101' }, { ai: '10', value: 'A' }, { ai: '21', value: 'B' }])).toBe(
      `010952012345678817250101` + `10A${GS}21B`,
    );
    expect(toRaw([{ ai: '8006', value: '095201234567880102' }, { ai: '10', value: 'A' }])).toBe(`8006095201234567880102${GS}10A`);
    expect(toRaw([])).toBe('');
  });
});
