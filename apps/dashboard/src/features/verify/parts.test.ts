import { parse } from '@jejak/gs1';
import { describe, expect, it } from 'vitest';
import { combineParts, expiryValue, mayBeUnfinished, partElement, partProblem, partsOf } from './parts';
import { presentationOf } from './presentation';

describe('the parts of a code', () => {
  it('tells a GTIN (digits, padded to 14) from a NIE', () => {
    expect(partElement('key', '9520123456788')).toEqual({ ai: '01', value: '09520123456788' });
    expect(partElement('key', ' dbl0204127763a1 ')).toEqual({ ai: '90', value: 'DBL0204127763A1' });
  });

  it('reads an expiry as printed or as a date', () => {
    expect(expiryValue('290831')).toBe('290831');
    expect(expiryValue('2029-08-31')).toBe('290831');
    expect(expiryValue('31/8/2029')).toBe('290831');
    expect(expiryValue('08/2029')).toBe('290800');
    expect(expiryValue('Agustus')).toBe('Agustus');
  });

  it('finds each part’s problem with @jejak/gs1, and knows which may still be typed', () => {
    expect(partProblem('key', '')).toBeNull();
    const short = partProblem('key', '0952')!;
    expect(short.code).toBe('BAD_LENGTH');
    expect(mayBeUnfinished('key', '0952', short)).toBe(true);
    expect(partProblem('serial', 'A B')?.code).toBe('BAD_CHARSET');
    expect(mayBeUnfinished('serial', 'A B', partProblem('serial', 'A B')!)).toBe(false);
  });

  it('combines parts into a code that parses to the same pack, and splits it back', () => {
    const parts = { key: '09520123456788', batch: 'B1', expiry: '31-08-2029', serial: 'X9' };
    const parsed = parse(combineParts(parts));
    expect(parsed.valid).toBe(true);
    expect(parsed).toMatchObject({ gtin: '09520123456788', batch: 'B1', expiry: '2029-08-31', serial: 'X9' });
    expect(partsOf(parsed)).toEqual({ ...parts, expiry: '290831' });
    expect(partsOf(parse('12345'))).toBeNull();
    expect(combineParts({ key: '', batch: '', expiry: '', serial: '' })).toBe('');
  });
});

describe('how an answer is presented', () => {
  it('gives each kind of caution its own presentation, the gravest first', () => {
    expect(presentationOf('CAUTION', ['DISPENSED', 'RECALLED'])).toBe('RECALLED');
    expect(presentationOf('CAUTION', ['DISPENSED', 'EXPIRED'])).toBe('EXPIRED');
    expect(presentationOf('CAUTION', ['CLONE_SUSPECTED'])).toBe('CLONE_SUSPECTED');
    expect(presentationOf('CAUTION', ['DISPENSED'])).toBe('DISPENSED');
    expect(presentationOf('CAUTION', [])).toBe('CAUTION');
    expect(presentationOf('SUSPECT', ['CLONE_SUSPECTED', 'RECALLED'])).toBe('SUSPECT');
    expect(presentationOf('GENUINE')).toBe('GENUINE');
  });
});
