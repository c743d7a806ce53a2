import { failure, type Linter } from './common.js';

/** Piece number then total count, in two halves of equal length: 1 <= piece <= total. */
export const pieceoftotal: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  const half = (end - start) / 2;
  if (!Number.isInteger(half) || half === 0) return failure('BAD_VALUE', `${text}: piece and total need an even number of digits`);
  const piece = Number(text.slice(0, half));
  const total = Number(text.slice(half));
  if (piece === 0) return failure('BAD_VALUE', `${text}: piece number must not be zero`);
  if (total === 0) return failure('BAD_VALUE', `${text}: total must not be zero`, half);
  if (piece > total) return failure('BAD_VALUE', `${text}: piece ${piece} is greater than total ${total}`);
  return null;
};
