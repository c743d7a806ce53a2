import { failure, type Linter } from './common.js';

/** GS1 AI encodable character set 82: !"%&'()*+,-./0-9:;<=>?A-Z_a-z */
export const CSET82_CHARS = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** CSET82[c] is 1 when the character code c is in CSET 82. */
export const CSET82 = new Uint8Array(128);
for (let i = 0; i < CSET82_CHARS.length; i++) CSET82[CSET82_CHARS.charCodeAt(i)] = 1;

export const cset82: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CSET82[c] === 0) {
      return failure('BAD_CHARSET', `value "${s.slice(start, end)}": character ${describeChar(s, i)} at offset ${i - start} is not in CSET 82`, i - start);
    }
  }
  return null;
};

export function describeChar(s: string, i: number): string {
  const c = s.charCodeAt(i);
  if (c < 32 || c === 127) return `0x${c.toString(16).padStart(2, '0').toUpperCase()}`;
  return `'${s.charAt(i)}'`;
}
