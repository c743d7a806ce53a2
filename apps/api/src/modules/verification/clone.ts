/** A previous check of the same pack, from the scan log. */
export interface Sighting {
  at: Date;
  latitude: number | null;
  longitude: number | null;
  client: string;
}

/** Faster than a plane, door to door: two sightings further apart than this are two packs. */
export const MAX_TRAVEL_KMH = 800;
/** Nearby sightings are never "too far": GPS and cell positions wander. */
export const NEAR_KM = 50;
/** This many different devices checking one pack within the window suggests copies of its code. */
export const CLONE_CLIENTS = 6;
export const CLONE_WINDOW_DAYS = 30;

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Why the sightings point at a cloned code, or null if they do not. */
export function cloneEvidence(now: Sighting, earlier: Sighting[]): string | null {
  if (now.latitude !== null && now.longitude !== null) {
    for (const seen of earlier) {
      if (seen.latitude === null || seen.longitude === null) continue;
      const km = distanceKm(seen.latitude, seen.longitude, now.latitude, now.longitude);
      const hours = Math.abs(now.at.getTime() - seen.at.getTime()) / 3_600_000;
      if (km > NEAR_KM && km / Math.max(hours, 1 / 60) > MAX_TRAVEL_KMH) {
        return `checked ${Math.round(km)} km apart within ${formatHours(hours)}`;
      }
    }
  }
  const clients = new Set([now.client, ...earlier.map((seen) => seen.client)]);
  if (clients.size >= CLONE_CLIENTS) return `checked from ${clients.size} different devices within ${CLONE_WINDOW_DAYS} days`;
  return null;
}

const formatHours = (hours: number) => (hours < 1 ? `${Math.max(1, Math.round(hours * 60))} minutes` : `${hours.toFixed(1)} hours`);
