import { failure, type Linter } from './common.js';
import { isIso3166 } from './iso3166.js';

/** ISO 3166 numeric country code, or 999 for "unknown". */
export const iso3166999: Linter = (s, start, end) => {
  const code = s.slice(start, end);
  return code === '999' || isIso3166(code) ? null : failure('BAD_VALUE', `${code} is not an ISO 3166 numeric country code or 999`);
};
