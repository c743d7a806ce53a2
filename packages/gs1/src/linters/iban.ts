import { failure, type Linter } from './common.js';

/** International Bank Account Number: country letters, two check digits, alphanumeric BBAN, mod-97 = 1. */
export const iban: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  if (!/^[A-Z]{2}[0-9]{2}[0-9A-Z]{1,30}$/.test(text)) return failure('BAD_VALUE', `${text} is not an IBAN (country letters, two check digits, then letters and digits)`);
  const rearranged = text.slice(4) + text.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const c = ch.charCodeAt(0);
    const v = c <= 57 ? c - 48 : c - 55;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1 ? null : failure('BAD_CHECK_DIGIT', `${text}: IBAN check digits are wrong`, 2);
};
