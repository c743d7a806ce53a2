import { failure, pad2, twoDigits, type Linter } from './common.js';

/** Hour 00-23. */
export const hh: Linter = (s, start, end) => {
  const h = end - start === 2 ? twoDigits(s, start) : -1;
  if (h < 0 || h > 23) return failure('BAD_TIME', `time ${s.slice(start, end)}: hour ${h < 0 ? s.slice(start, end) : pad2(h)} is not 00-23`);
  return null;
};
