import { failure, type Linter } from './common.js';

/** Longitude as ten digits: (degrees + 180) x 10^7, at most 3600000000. */
export const longitude: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  return Number(text) <= 3600000000 ? null : failure('BAD_VALUE', `${text} is not a longitude (at most 3600000000)`);
};
