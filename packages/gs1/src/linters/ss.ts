import { failure, pad2, twoDigits, type Linter } from './common.js';

/** Second 00-59. */
export const ss: Linter = (s, start, end) => {
  const v = end - start === 2 ? twoDigits(s, start) : -1;
  if (v < 0 || v > 59) return failure('BAD_TIME', `time ${s.slice(start, end)}: second ${v < 0 ? s.slice(start, end) : pad2(v)} is not 00-59`);
  return null;
};
