import type { Linter } from './common.js';
import { gcpAt } from './gcppos1.js';

/** A GS1 Company Prefix (at least four digits) starts at the second character (after an indicator digit). */
export const gcppos2: Linter = (s, start, end) => gcpAt(s, start, end, 1);
