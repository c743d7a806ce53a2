import { failure, type Linter } from './common.js';

/** A number that is not zero. */
export const nonzero: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) !== 48) return null;
  return failure('BAD_VALUE', `value "${s.slice(start, end)}": must not be zero`);
};
