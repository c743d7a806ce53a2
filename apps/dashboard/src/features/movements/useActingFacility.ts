import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { MovementFacilitiesQuery } from './movements.graphql';

/** My facilities and the one chosen to act (the first by default). */
export function useActingFacility() {
  const { data, error, refetch } = useQuery(MovementFacilitiesQuery, { fetchPolicy: 'cache-first' });
  const facilities = data?.me?.facilities ?? [];
  const [chosen, setChosen] = useState('');
  const facility = facilities.find((candidate) => candidate.id === chosen)?.id ?? facilities[0]?.id ?? '';
  return { facilities, facility, setFacility: setChosen, loaded: !!data, error, refetch };
}
