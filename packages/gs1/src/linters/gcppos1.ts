import { failure, type Linter } from './common.js';

/** Shortest GS1 Company Prefix. */
export const GCP_MIN_LENGTH = 4;

export function gcpAt(s: string, start: number, end: number, offset: number) {
  const from = start + offset;
  if (end - from < GCP_MIN_LENGTH) {
    return failure('BAD_VALUE', `value "${s.slice(start, end)}": too short to hold a GS1 Company Prefix at position ${offset + 1}`);
  }
  for (let i = from; i < from + GCP_MIN_LENGTH; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return failure('BAD_VALUE', `value "${s.slice(start, end)}": does not start with a GS1 Company Prefix at position ${offset + 1} (non-digit at offset ${i - start})`, i - start);
    }
  }
  return null;
}

/** A GS1 Company Prefix (at least four digits) starts at the first character. */
export const gcppos1: Linter = (s, start, end) => gcpAt(s, start, end, 0);
