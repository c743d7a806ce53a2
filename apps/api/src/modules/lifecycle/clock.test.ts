import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';

const plainDay = (zone: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

describe('the day of a time', () => {
  it.each([
    // Jakarta (+07:00): the day turns at 17:00 UTC.
    ['Asia/Jakarta', '2026-11-29T16:59:59.999Z', '2026-11-29T17:00:00.000Z'],
    // Kathmandu (+05:45): at 18:15 UTC.
    ['Asia/Kathmandu', '2026-11-29T18:14:59.999Z', '2026-11-29T18:15:00.000Z'],
    // New York on the night its clocks go back (the day turns at 04:00 UTC, then at 05:00).
    ['America/New_York', '2026-11-01T03:59:59.999Z', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', '2026-11-02T04:59:59.999Z', '2026-11-02T05:00:00.000Z'],
  ])('in %s turns between %s and %s, asked one after the other', (zone, before, after) => {
    const clock = new Clock(zone);
    for (const at of [before, after, before, after].map((text) => new Date(text))) expect(clock.dayOf(at)).toBe(plainDay(zone, at));
    expect(clock.dayOf(new Date(before))).not.toBe(clock.dayOf(new Date(after)));
  });

  it('is the time zone’s own day for times a minute apart over two days, and for times long ago', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Kathmandu', 'Australia/Eucla', 'America/St_Johns']) {
      const clock = new Clock(zone);
      for (let at = Date.UTC(2026, 2, 7); at < Date.UTC(2026, 2, 9); at += 60_000) expect(clock.dayOf(new Date(at))).toBe(plainDay(zone, new Date(at)));
      // Before 1980 offsets were not all quarter hours (Jakarta was +07:07:12 until 1924).
      for (const text of ['1923-12-31T16:52:47Z', '1923-12-31T16:52:49Z']) expect(clock.dayOf(new Date(text))).toBe(plainDay(zone, new Date(text)));
    }
  });
});
