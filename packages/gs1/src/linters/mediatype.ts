import { failure, twoDigits, type Linter } from './common.js';

/** AIDC media type: 01-10 (assigned) or 80-99 (local or national use). */
export const mediatype: Linter = (s, start, end) => {
  const v = end - start === 2 ? twoDigits(s, start) : -1;
  return (v >= 1 && v <= 10) || (v >= 80 && v <= 99) ? null : failure('BAD_VALUE', `${s.slice(start, end)} is not an AIDC media type (01-10, 80-99)`);
};
