import { failure, type Linter } from './common.js';

/** 0 (no) or 1 (yes). */
export const yesno: Linter = (s, start, end) => {
  const v = s.slice(start, end);
  return v === '0' || v === '1' ? null : failure('BAD_VALUE', `${v} is not 0 (no) or 1 (yes)`);
};
