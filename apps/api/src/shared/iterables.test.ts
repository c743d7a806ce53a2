import { describe, expect, it } from 'vitest';
import { readOnce } from './iterables.js';

describe('readOnce', () => {
  it('reads each item once, however often and however far it is iterated', () => {
    const reads: number[] = [];
    const items = readOnce(
      (function* () {
        for (let i = 1; i <= 4; i++) {
          reads.push(i);
          yield i;
        }
      })(),
    );
    const firstTwo: number[] = [];
    for (const item of items) {
      firstTwo.push(item);
      if (item === 2) break;
    }
    expect(firstTwo).toEqual([1, 2]);
    expect(reads).toEqual([1, 2]);
    expect([...items]).toEqual([1, 2, 3, 4]);
    expect([...items]).toEqual([1, 2, 3, 4]);
    expect(reads).toEqual([1, 2, 3, 4]);
  });
});
