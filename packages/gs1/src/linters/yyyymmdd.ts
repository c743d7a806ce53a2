import { allDigits, checkMonthDay, failure, twoDigits, type Linter } from './common.js';

/** YYYYMMDD date with the full Gregorian leap-year rule. */
export const yyyymmdd: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  if (end - start !== 8 || !allDigits(s, start, end)) return failure('BAD_DATE', `date ${text}: not eight digits YYYYMMDD`);
  const year = twoDigits(s, start) * 100 + twoDigits(s, start + 2);
  return checkMonthDay(text, year, twoDigits(s, start + 4), twoDigits(s, start + 6), 4, false);
};
