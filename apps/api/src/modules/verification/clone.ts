import type { Observation } from '../alerts/observations.js';
/** A check of a pack, from the scan log. */
export interface Sighting {
  at: Date;
  latitude: number | null;
  longitude: number | null;
  /**
   * The device that checked it (client address and user agent), under a key of this pack's own:
   * two checks of one pack by one device share it; nothing links it to the device's other packs.
   */
  device: string;
}

/** Faster than a plane, door to door: two sightings further apart than this are two packs. */
export const MAX_TRAVEL_KMH = 800;
/** Nearby sightings are never "too far": GPS and cell positions wander. */
export const NEAR_KM = 50;
/** This many different devices checking one pack within the window suggests copies of its code. */
export const CLONE_DEVICES = 6;
export const CLONE_WINDOW_DAYS = 30;

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Why the sightings point at a cloned code, or null if they do not. Only checks by at least two
 * different devices can: one device's own changing coordinates never count (a phone's position
 * jumps; a person can type the same code twice from anywhere).
 */
export function cloneEvidence(now: Sighting, earlier: Sighting[]): string | null {
  return cloneFinding(now, earlier)?.detail ?? null;
}

/** The same as an observation: its code, its figures and its English wording. */
export function cloneFinding(now: Sighting, earlier: Sighting[]): Observation | null {
  if (now.latitude !== null && now.longitude !== null) {
    for (const seen of earlier) {
      if (seen.device === now.device || seen.latitude === null || seen.longitude === null) continue;
      const km = distanceKm(seen.latitude, seen.longitude, now.latitude, now.longitude);
      const hours = Math.abs(now.at.getTime() - seen.at.getTime()) / 3_600_000;
      if (km > NEAR_KM && km / Math.max(hours, 1 / 60) > MAX_TRAVEL_KMH) {
        return {
          what: 'CLONE_FAR_APART',
          params: { km: Math.round(km), minutes: Math.max(1, Math.round(hours * 60)) },
          detail: `checked by two devices ${Math.round(km)} km apart within ${formatHours(hours)}`,
        };
      }
    }
  }
  const devices = new Set([now.device, ...earlier.map((seen) => seen.device)]);
  if (devices.size >= CLONE_DEVICES) {
    return {
      what: 'CLONE_MANY_DEVICES',
      params: { devices: devices.size, days: CLONE_WINDOW_DAYS },
      detail: `checked from ${devices.size} different devices within ${CLONE_WINDOW_DAYS} days`,
    };
  }
  return null;
}

const formatHours = (hours: number) => (hours < 1 ? `${Math.max(1, Math.round(hours * 60))} minutes` : `${hours.toFixed(1)} hours`);
