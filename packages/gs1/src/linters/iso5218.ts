import { failure, type Linter } from './common.js';

/** ISO/IEC 5218 sex code: 0 not known, 1 male, 2 female, 9 not applicable. */
export const iso5218: Linter = (s, start, end) => {
  const v = s.slice(start, end);
  return v === '0' || v === '1' || v === '2' || v === '9' ? null : failure('BAD_VALUE', `${v} is not an ISO/IEC 5218 sex code (0, 1, 2 or 9)`);
};
