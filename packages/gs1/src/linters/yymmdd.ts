import { checkYymmdd, type Linter } from './common.js';

/** YYMMDD date; DD must be a real day of the month. */
export const yymmdd: Linter = (s, start, end) => checkYymmdd(s, start, end, false);
