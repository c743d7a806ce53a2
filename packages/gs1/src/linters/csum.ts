import { failure, type Linter } from './common.js';

/** GS1 mod-10 check digit of s[start, end) (digits only; weights 3,1,3,... from the right). */
export function mod10(s: string, start: number, end: number): number {
  let sum = 0;
  let weight3 = true;
  for (let i = end - 1; i >= start; i--) {
    const d = s.charCodeAt(i) - 48;
    sum += weight3 ? d * 3 : d;
    weight3 = !weight3;
  }
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
