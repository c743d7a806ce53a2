import { checkYymmdd, type Linter } from './common.js';

/** YYMMDD date where DD may be 00 (meaning the end of the month). */
export const yymmd0: Linter = (s, start, end) => checkYymmdd(s, start, end, true);
