import { describe, expect, it } from 'vitest';
import { GuessThrottle } from './throttle.js';

describe('GuessThrottle', () => {
  it('stops a client after too many NOT_FOUND in a row, until the window passes', () => {
    const throttle = new GuessThrottle(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitSeconds('a', 1000)).toBe(0);
      throttle.record('a', true, 1000);
    }
    expect(throttle.waitSeconds('a', 2000)).toBe(59);
    expect(throttle.waitSeconds('b', 2000)).toBe(0);
    expect(throttle.waitSeconds('a', 61_001)).toBe(0);
  });

  it('forgives a client whose codes are found', () => {
    const throttle = new GuessThrottle(3, 60_000);
    throttle.record('a', true, 0);
    throttle.record('a', true, 0);
    throttle.record('a', false, 0);
    throttle.record('a', true, 0);
    expect(throttle.waitSeconds('a', 0)).toBe(0);
  });

  it('keeps a bounded number of clients', () => {
    const throttle = new GuessThrottle(1, 60_000, 2);
    for (const client of ['a', 'b', 'c']) throttle.record(client, true, 0);
    expect(throttle.waitSeconds('a', 0)).toBe(0);
    expect(throttle.waitSeconds('c', 0)).toBeGreaterThan(0);
  });
});
