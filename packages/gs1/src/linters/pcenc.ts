import { failure, type Linter } from './common.js';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Percent-encoding is well formed: every '%' is followed by two hex digits. */
export const pcenc: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== 37) continue;
    if (i + 2 >= end || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
      return failure('BAD_VALUE', `value "${s.slice(start, end)}": '%' at offset ${i - start} is not followed by two hex digits`, i - start);
    }
    i += 2;
  }
  return null;
};
