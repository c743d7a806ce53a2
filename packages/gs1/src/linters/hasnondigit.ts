import { failure, type Linter } from './common.js';

/** At least one character that is not a digit. */
export const hasnondigit: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return failure('BAD_VALUE', `value "${s.slice(start, end)}": must contain a non-digit character`);
};
