import { failure, type Linter } from './common.js';

/** Importer index of the UIC with extension (7040): one of - 0-9 A-Z _ a-z. */
export const importeridx: Linter = (s, start, end) => {
  const text = s.slice(start, end);
  return /^[-0-9A-Z_a-z]$/.test(text) ? null : failure('BAD_VALUE', `${text} is not an importer index (one of - 0-9 A-Z _ a-z)`);
};
