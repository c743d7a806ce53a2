import { failure, type Linter } from './common.js';

/** No leading zero, except for the single digit "0". */
export const nozeroprefix: Linter = (s, start, end) => {
  if (end - start > 1 && s.charCodeAt(start) === 48) return failure('BAD_VALUE', `value "${s.slice(start, end)}": must not start with 0`);
  return null;
};
