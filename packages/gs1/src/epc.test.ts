import { describe, expect, test } from 'vitest';
import { toEpcUri } from './index.js';

describe('EPC URIs', () => {
  test('SGTIN', () => {
    expect(toEpcUri([{ ai: '01', value: '80614141123458' }, { ai: '21', value: '6789' }], 7)).toBe('urn:epc:id:sgtin:0614141.812345.6789');
    expect(toEpcUri([{ ai: '01', value: '09520123456788' }, { ai: '21', value: 'A/1?"' }], 7)).toBe('urn:epc:id:sgtin:9520123.045678.A%2F1%3F%22');
  });

  test('SSCC', () => {
    expect(toEpcUri([{ ai: '00', value: '106141412345678908' }], 7)).toBe('urn:epc:id:sscc:0614141.1234567890');
  });

  test('null when not applicable', () => {
    expect(toEpcUri([{ ai: '01', value: '80614141123458' }], 7)).toBeNull(); // no serial
    expect(toEpcUri([{ ai: '01', value: '80614141123459' }, { ai: '21', value: '1' }], 7)).toBeNull(); // bad check digit
    expect(toEpcUri([{ ai: '00', value: '106141412345678908' }], 13)).toBeNull();
    expect(toEpcUri([{ ai: '90', value: 'DBL0204127763A1' }, { ai: '21', value: '1' }], 7)).toBeNull();
  });
});
