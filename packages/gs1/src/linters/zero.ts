import { failure, type Linter } from './common.js';

/** Only zeros. */
export const zero: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== 48) return failure('BAD_VALUE', `value "${s.slice(start, end)}": must be zero`, i - start);
  }
  return null;
};
