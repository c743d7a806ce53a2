import { failure, type Linter } from './common.js';

/** GS1 mod-10 check digit of s[start, end) (digits only; weights 3,1,3,... from the right). */
export function mod10(s: string, start: number, end: number): number {
  // Character codes are summed in two lanes and the '0' offsets removed at the end.
  let three = 0;
  let one = 0;
  let i = end - 1;
  for (; i > start; i -= 2) {
    three += s.charCodeAt(i);
    one += s.charCodeAt(i - 1);
  }
  if (i === start) three += s.charCodeAt(i);
  const len = end - start;
  const sum = 3 * (three - 48 * ((len + 1) >> 1)) + (one - 48 * (len >> 1));
  return (10 - (sum % 10)) % 10;
}

/** The last digit is a valid GS1 mod-10 check digit over the preceding ones. */
export const csum: Linter = (s, start, end) => {
  if (end - start < 2) return failure('BAD_LENGTH', `value "${s.slice(start, end)}": too short to carry a check digit`);
  const expected = mod10(s, start, end - 1);
  const actual = s.charCodeAt(end - 1) - 48;
  if (expected !== actual) {
    return failure('BAD_CHECK_DIGIT', `${s.slice(start, end)}: check digit ${actual} is wrong, expected ${expected}`, end - 1 - start);
  }
  return null;
};
