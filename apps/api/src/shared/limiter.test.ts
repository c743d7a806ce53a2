import { describe, expect, it } from 'vitest';
import { Buckets, RateLimiter } from './limiter.js';

describe('token buckets', () => {
  it('lets the capacity through at once, then earns it back at the rate', () => {
    const buckets = new Buckets({ capacity: 3, perSecond: 1 });
    for (let i = 0; i < 3; i++) {
      expect(buckets.wait('a', 1, 0)).toBe(0);
      buckets.spend('a', 1, 0);
    }
    expect(buckets.wait('a', 1, 0)).toBe(1);
    expect(buckets.wait('a', 1, 1000)).toBe(0);
    expect(buckets.wait('b', 1, 0)).toBe(0);
  });

  it('makes a bigger cost wait longer', () => {
    const buckets = new Buckets({ capacity: 10, perSecond: 2 });
    buckets.spend('a', 10, 0);
    expect(buckets.wait('a', 6, 0)).toBe(3);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const buckets = new Buckets({ capacity: 1, perSecond: 0.001 }, 2);
    buckets.spend('a', 1, 0);
    buckets.spend('b', 1, 0);
    buckets.spend('c', 1, 0);
    expect(buckets.wait('a', 1, 0)).toBe(0);
    expect(buckets.wait('c', 1, 0)).toBeGreaterThan(0);
  });

  it('forgets the keys charged longest ago, not one still in use, down to three quarters of its bound', () => {
    const buckets = new Buckets({ capacity: 1, perSecond: 0.001 }, 4);
    for (const key of ['a', 'b', 'c', 'd']) buckets.spend(key, 1, 0);
    buckets.spend('a', 0, 1);
    buckets.spend('e', 1, 2);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => buckets.wait(key, 1, 2) > 0)).toEqual([true, false, false, true, true]);
  });

  it('forgets buckets that are full again before any other', () => {
    const buckets = new Buckets({ capacity: 1, perSecond: 0.1 }, 4);
    buckets.spend('a', 1, 0);
    // Small charges, full again a second later.
    buckets.spend('x', 0.1, 500);
    buckets.spend('y', 0.1, 600);
    buckets.spend('b', 1, 700);
    buckets.spend('c', 1, 2000);
    // Forgetting x and y made room enough: a, the oldest, is still held.
    expect(['a', 'b', 'c'].map((key) => buckets.wait(key, 1, 2000) > 0)).toEqual([true, true, true]);
  });
});

describe('a limiter over several keys', () => {
  it('charges every key only when all can pay, and waits for the slowest', () => {
    const limiter = new RateLimiter({ device: { capacity: 2, perSecond: 1 }, address: { capacity: 3, perSecond: 0.5 } });
    const keys = [['device', 'd1'], ['address', 'a1']] as const;
    expect(limiter.take(keys, 1, 0)).toBe(0);
    expect(limiter.take(keys, 1, 0)).toBe(0);
    expect(limiter.take(keys, 1, 0)).toBe(1);
    // Another device behind the same address spends the address's last token.
    expect(limiter.take([['device', 'd2'], ['address', 'a1']], 1, 0)).toBe(0);
    expect(limiter.take([['device', 'd3'], ['address', 'a1']], 1, 0)).toBe(2);
  });
});
