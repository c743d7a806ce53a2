import { failure, pad2, twoDigits, type Linter } from './common.js';

/** Time HHMI: hour 00-23, minute 00-59. */
export const hhmi: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  if (end - start !== 4) return failure('BAD_TIME', `time ${text}: not four digits HHMI`);
  const h = twoDigits(s, start);
  const m = twoDigits(s, start + 2);
  if (h < 0 || h > 23) return failure('BAD_TIME', `time ${text}: hour ${pad2(h)} is not 00-23`);
  if (m < 0 || m > 59) return failure('BAD_TIME', `time ${text}: minute ${pad2(m)} is not 00-59`, 2);
  return null;
};
