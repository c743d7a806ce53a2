import { describe, expect, it } from 'vitest';
import { CLONE_DEVICES, cloneEvidence, distanceKm, type Sighting } from './clone.js';

const JAKARTA = { latitude: -6.2, longitude: 106.85 };
const MEDAN = { latitude: 3.59, longitude: 98.67 };
const BOGOR = { latitude: -6.6, longitude: 106.8 };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 8, minutes));
const seen = (minutes: number, place: { latitude: number; longitude: number } | null, device = 'a'): Sighting => ({
  at: at(minutes),
  latitude: place?.latitude ?? null,
  longitude: place?.longitude ?? null,
  device,
});

describe('clone detection', () => {
  it('measures Jakarta to Medan as about 1,400 km', () => {
    expect(distanceKm(JAKARTA.latitude, JAKARTA.longitude, MEDAN.latitude, MEDAN.longitude)).toBeGreaterThan(1350);
    expect(distanceKm(JAKARTA.latitude, JAKARTA.longitude, MEDAN.latitude, MEDAN.longitude)).toBeLessThan(1450);
  });

  it.each([
    ['Jakarta then Medan within an hour, two devices', seen(50, MEDAN, 'b'), [seen(0, JAKARTA)], true],
    ['Jakarta then Medan within an hour, one device', seen(50, MEDAN), [seen(0, JAKARTA)], false],
    ['Jakarta and Jayapura a minute apart, one device', seen(1, { latitude: -2.53, longitude: 140.72 }), [seen(0, JAKARTA)], false],
    ['Jakarta then Medan a day later', seen(24 * 60, MEDAN, 'b'), [seen(0, JAKARTA)], false],
    ['Jakarta then Bogor within an hour', seen(50, BOGOR, 'b'), [seen(0, JAKARTA)], false],
    ['no place given', seen(5, null), [seen(0, JAKARTA)], false],
    ['the same device again and again', seen(60, JAKARTA), Array.from({ length: 20 }, (_, i) => seen(i, JAKARTA)), false],
    ['many devices', seen(60, null, 'z'), Array.from({ length: CLONE_DEVICES - 1 }, (_, i) => seen(i, null, `c${i}`)), true],
    ['a few devices', seen(60, null, 'z'), [seen(1, null, 'x'), seen(2, null, 'y')], false],
  ])('%s', (_what, now, earlier, clone) => {
    expect(cloneEvidence(now, earlier) !== null).toBe(clone);
  });
});
