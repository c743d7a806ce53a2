import { mod10 } from './linters/csum.js';

/**
 * GS1 mod-10 check digit for the digits given (the check digit itself not
 * included), e.g. checkDigit('952012345678') === '8'. Throws a RangeError when
 * the input is empty or holds anything but digits.
 */
export function checkDigit(digits: string): string {
  if (typeof digits !== 'string' || digits.length === 0 || !/^[0-9]+$/.test(digits)) {
    throw new RangeError(`checkDigit needs a non-empty string of digits, got ${JSON.stringify(digits)}`);
  }
  return String(mod10(digits, 0, digits.length));
}

/** True when the last digit is the GS1 mod-10 check digit of the ones before it (at least two digits). */
export function hasValidCheckDigit(digits: string): boolean {
  if (typeof digits !== 'string' || digits.length < 2 || !/^[0-9]+$/.test(digits)) return false;
  return mod10(digits, 0, digits.length - 1) === digits.charCodeAt(digits.length - 1) - 48;
}
