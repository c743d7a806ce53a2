import { failure, type Linter } from './common.js';
import { CSET82_CHARS } from './cset82.js';

// GS1 General Specifications, "Check character calculation (for alphanumeric keys)":
// data characters are weighted by primes from the right, summed modulo 1021,
// and the 10-bit result is written as two characters of CSET 32.
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 97; n++) if (PRIMES.every((p) => n % p !== 0)) PRIMES.push(n);

export const csumalpha: Linter = (s, start, end) => {
  const len = end - start;
  if (len < 2) return failure('BAD_LENGTH', `value "${s.slice(start, end)}": too short to carry a check character pair`);
  if (len - 2 > PRIMES.length) return failure('BAD_LENGTH', `value "${s.slice(start, end)}": too long for the check character pair`);
  let sum = 0;
  for (let i = start, w = len - 3; i < end - 2; i++, w--) {
    sum += CSET82_CHARS.indexOf(s.charAt(i)) * (PRIMES[w] as number);
  }
  sum %= 1021;
  const expected = CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
  const actual = s.slice(end - 2, end);
  if (actual !== expected) {
    return failure('BAD_CHECK_DIGIT', `${s.slice(start, end)}: check characters ${actual} are wrong, expected ${expected}`, len - 2);
  }
  return null;
};
