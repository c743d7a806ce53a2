import { restFetch } from '../../shared/rest';
import type { Place } from './location';
import type { Verification } from './outcome';

/**
 * The public "is this pack genuine?" over `GET /api/verify`: the same answer as the GraphQL
 * `verify`, on the lightest path the API has, since every phone check goes through it.
 */
export async function verifyCode(code: string, place: Place | null): Promise<Verification> {
  const query = new URLSearchParams({ code });
  if (place) {
    query.set('latitude', String(place.latitude));
    query.set('longitude', String(place.longitude));
  }
  const response = await restFetch(`/api/verify?${query}`, null);
  return (await response.json()) as Verification;
}
