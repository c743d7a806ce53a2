import { failure, type Linter } from './common.js';

/** Winding direction: 0 face out, 1 face in, 9 undefined. */
export const winding: Linter = (s, start, end) => {
  const v = s.slice(start, end);
  return v === '0' || v === '1' || v === '9' ? null : failure('BAD_VALUE', `${v} is not a winding direction (0, 1 or 9)`);
};
