import { failure, type Linter } from './common.js';
import { describeChar } from './cset82.js';

/** GS1 AI encodable character set 64 (base64url: A-Z a-z 0-9 - _), with '=' allowed only as trailing padding. */
export const CSET64 = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') CSET64[ch.charCodeAt(0)] = 1;

export const cset64: Linter = (s, start, end) => {
  let stop = end;
  while (stop > start && s.charCodeAt(stop - 1) === 61 /* = */ && end - stop < 2) stop--;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (i >= stop ? c !== 61 : c >= 128 || CSET64[c] === 0) {
      return failure('BAD_CHARSET', `value "${s.slice(start, end)}": character ${describeChar(s, i)} at offset ${i - start} is not in CSET 64`, i - start);
    }
  }
  return null;
};
