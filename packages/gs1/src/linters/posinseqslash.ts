import { failure, type Linter } from './common.js';

/** "<position>/<sequence>" with 1 <= position <= sequence, no leading zeros, e.g. 1/2. */
export const posinseqslash: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text);
  if (!m) return failure('BAD_VALUE', `${text} is not <position>/<sequence> such as 1/2`);
  if (Number(m[1]) > Number(m[2])) return failure('BAD_VALUE', `${text}: position ${m[1]} is after the end of the sequence of ${m[2]}`);
  return null;
};
