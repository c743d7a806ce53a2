import { describe, expect, test } from 'vitest';
import { checkElement, parse } from './index.js';

describe('checkElement: one element on its own', () => {
  test('a GTIN with its check digit is fine; a wrong digit, a short one or a letter is named', () => {
    expect(checkElement('01', '09520123456788')).toBeNull();
    expect(checkElement('01', '09520123456789')).toMatchObject({ code: 'BAD_CHECK_DIGIT', ai: '01' });
    expect(checkElement('01', '0952012345678')).toMatchObject({ code: 'BAD_LENGTH', ai: '01' });
    expect(checkElement('01', '0952012345678A')).toMatchObject({ code: 'BAD_CHARSET', ai: '01' });
  });

  test('an expiry is a real YYMMDD date; day 00 is the end of the month', () => {
    expect(checkElement('17', '290831')).toBeNull();
    expect(checkElement('17', '290800')).toBeNull();
    expect(checkElement('17', '291331')).toMatchObject({ code: 'BAD_DATE', ai: '17' });
    expect(checkElement('17', '290231')).toMatchObject({ code: 'BAD_DATE' });
    expect(checkElement('17', '2908')).toMatchObject({ code: 'BAD_LENGTH' });
  });

  test('batch and serial: 1 to 20 characters of CSET 82', () => {
    expect(checkElement('10', 'ABC-123/x')).toBeNull();
    expect(checkElement('10', '')).toMatchObject({ code: 'BAD_LENGTH', ai: '10' });
    expect(checkElement('10', 'A'.repeat(21))).toMatchObject({ code: 'BAD_LENGTH' });
    expect(checkElement('21', 'AB CD')).toMatchObject({ code: 'BAD_CHARSET', ai: '21' });
    expect(checkElement('21', '7Q2MX94K')).toBeNull();
  });

  test('the NIE: at most 16 characters, as BPOM allows', () => {
    expect(checkElement('90', 'DBL0204127763A1')).toBeNull();
    expect(checkElement('90', 'D'.repeat(17))).toMatchObject({ code: 'NIE_TOO_LONG', ai: '90' });
  });

  test('an AI not in the dictionary is named as unknown', () => {
    expect(checkElement('99999', 'x')).toMatchObject({ code: 'UNKNOWN_AI' });
  });

  test('agrees with parse on the same element', () => {
    for (const [ai, value] of [
      ['01', '09520123456789'],
      ['17', '291331'],
      ['21', 'AB CD'],
      ['01', '09520123456788'],
    ] as const) {
      const alone = checkElement(ai, value);
      const whole = parse(`(${ai})${value}`).errors.find((error) => error.ai === ai) ?? null;
      expect(alone?.code ?? null).toBe(whole?.code ?? null);
    }
  });
});
