import { failure, type Linter } from './common.js';
import { describeChar } from './cset82.js';

/** GS1 AI encodable character set 39: #-/0-9A-Z */
export const CSET39 = new Uint8Array(128);
for (const ch of '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') CSET39[ch.charCodeAt(0)] = 1;

export const cset39: Linter = (s, start, end) => {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CSET39[c] === 0) {
      return failure('BAD_CHARSET', `value "${s.slice(start, end)}": character ${describeChar(s, i)} at offset ${i - start} is not in CSET 39`, i - start);
    }
  }
  return null;
};
