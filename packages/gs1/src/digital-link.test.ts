import { describe, expect, test } from 'vitest';
import { parse, toDigitalLink, type Element } from './index.js';

const el = (ai: string, value: string): Element => ({ ai, value });

describe('Digital Link writing', () => {
  test('qualifiers in dictionary order in the path, attributes in the query', () => {
    expect(toDigitalLink([el('21', 'S/1'), el('17', '250810'), el('10', 'L 1'), el('01', '09520123456788')])).toBe(
      'https://id.gs1.org/01/09520123456788/10/L%201/21/S%2F1?17=250810',
    );
  });

  test('base URI', () => {
    expect(toDigitalLink([el('01', '09520123456788')], 'https://brand.example.com/dl/')).toBe('https://brand.example.com/dl/01/09520123456788');
  });

  test('(235) alternative keeps (10) as an attribute', () => {
    expect(toDigitalLink([el('01', '09520123456788'), el('235', 'XYZ'), el('10', 'ABC123')])).toBe(
      'https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123',
    );
  });

  test('null without a GTIN or SSCC, or when an element cannot be carried', () => {
    expect(toDigitalLink([el('90', 'DBL0204127763A1'), el('21', 'X')])).toBeNull();
    expect(toDigitalLink([el('01', '09520123456788'), el('8200', 'http://x')])).toBeNull();
    expect(toDigitalLink([el('01', '09520123456788'), el('10', 'A'), el('10', 'B')])).toBeNull();
    expect(toDigitalLink([])).toBeNull();
  });

  test('CSET 82 characters survive the round trip', () => {
    const batch = `!"%&'()*+,-./:;<=>?_`;
    const uri = toDigitalLink([el('01', '09520123456788'), el('10', batch), el('17', '250810')]) as string;
    const r = parse(uri);
    expect(r.errors).toEqual([]);
    expect(r.batch).toBe(batch);
  });
});

describe('Digital Link reading', () => {
  test('any host and a stem', () => {
    const r = parse('https://scan.example.co.id/p/x/01/09520123456788/10/try019/21/P1?17=250810&linkType=gs1:pip');
    expect(r.valid).toBe(true);
    expect(r.bracketed).toBe('(01)09520123456788(10)try019(21)P1(17)250810');
    expect(r.digitalLink).toBe('https://id.gs1.org/01/09520123456788/10/try019/21/P1?17=250810');
  });

  test('zero-suppressed GTIN-13 is widened', () => {
    expect(parse('https://id.gs1.org/01/9520123456788').gtin).toBe('09520123456788');
  });

  test('BPOM NIE as an attribute', () => {
    const r = parse('https://id.gs1.org/01/09520123456788/21/A?90=DBL0204127763A1');
    expect(r).toMatchObject({ valid: true, profile: 'GS1', nie: 'DBL0204127763A1' });
  });

  test('errors', () => {
    const code = (t: string) => parse(t).errors.map((e) => e.code);
    expect(code('https://id.gs1.org/10/ABC')).toEqual(['BAD_DIGITAL_LINK']);
    expect(code('https://id.gs1.org/01/09520123456788/21/A/10/B')).toEqual(['BAD_DIGITAL_LINK']);
    expect(code('https://id.gs1.org/01/09520123456788?21=A')).toEqual(['BAD_DIGITAL_LINK']);
    expect(code('https://id.gs1.org/01/09520123456789')).toEqual(['BAD_CHECK_DIGIT']);
    expect(code('https://id.gs1.org/01/09520123456788?17=251300')).toEqual(['BAD_DATE']);
    expect(code('hTTps://id.gs1.org/01/09520123456788')).toEqual(['BAD_DIGITAL_LINK']);
    expect(code('https://id.gs1.org/01/09520123456788?99=A&99=A')).toEqual(['DUPLICATE_AI']);
    expect(parse('https://id.gs1.org/01/09520123456788/10/A%2')).toMatchObject({ valid: false });
  });
});
