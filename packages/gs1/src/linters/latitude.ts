import { failure, type Linter } from './common.js';

/** Latitude as ten digits: (degrees + 90) x 10^7, at most 1800000000. */
export const latitude: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  return Number(text) <= 1800000000 ? null : failure('BAD_VALUE', `${text} is not a latitude (at most 1800000000)`);
};
