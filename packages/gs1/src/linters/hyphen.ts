import { failure, type Linter } from './common.js';

/** Only hyphens ('-'), e.g. the negative-temperature marker of AIs 4330-4333. */
export const hyphen: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== 45) return failure('BAD_VALUE', `value "${s.slice(start, end)}": only '-' is allowed here`, i - start);
  }
  return null;
};
