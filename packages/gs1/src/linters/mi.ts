import { failure, pad2, twoDigits, type Linter } from './common.js';

/** Minute 00-59. */
export const mi: Linter = (s, start, end) => {
  const m = end - start === 2 ? twoDigits(s, start) : -1;
  if (m < 0 || m > 59) return failure('BAD_TIME', `time ${s.slice(start, end)}: minute ${m < 0 ? s.slice(start, end) : pad2(m)} is not 00-59`);
  return null;
};
