import { useQuery } from '@apollo/client/react';
import type { FacilityType, LifecycleQuery as LifecycleData, Movement } from '../../gql/graphql';
import { LifecycleQuery } from './lifecycle.graphql';

export type Lifecycle = LifecycleData['lifecycle'];

/** The lifecycle rules, asked once per session and kept in Apollo's cache. */
export function useLifecycle() {
  const { data, error, refetch } = useQuery(LifecycleQuery, { fetchPolicy: 'cache-first' });
  return { lifecycle: data?.lifecycle ?? null, error, refetch };
}

/** The facility types a sender of `from` may ship (or return) to, by the server's policy. */
export const destinationsOf = (lifecycle: Lifecycle, movement: Extract<Movement, 'ship' | 'returnPacks'>, from: FacilityType): FacilityType[] =>
  lifecycle.routes.filter((route) => route.movement === movement && route.from === from).map((route) => route.to);
