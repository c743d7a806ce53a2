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

  it('forgets the key charged longest ago, not one still in use', () => {
    const buckets = new Buckets({ capacity: 1, perSecond: 0.001 }, 2);
    buckets.spend('a', 1, 0);
    buckets.spend('b', 1, 0);
    buckets.spend('a', 0, 1);
    buckets.spend('c', 1, 2);
    expect(buckets.wait('a', 1, 2)).toBeGreaterThan(0);
    expect(buckets.wait('b', 1, 2)).toBe(0);
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
