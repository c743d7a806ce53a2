import { failure, type Linter } from './common.js';
import { describeChar } from './cset82.js';

/** Digits 0-9 only. */
export const csetnumeric: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return failure('BAD_CHARSET', `value "${s.slice(start, end)}": character ${describeChar(s, i)} at offset ${i - start} is not a digit`, i - start);
    }
  }
  return null;
};
