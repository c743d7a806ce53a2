import type { ApolloClient } from '@apollo/client';
import type { BulkResultFieldsFragment, DecommissionReason } from '../../gql/graphql';
import { restFetch } from '../../shared/rest';
import type { BulkOutcome } from '../scan-session/useScanSession';
import { ActivateMutation, DecommissionMutation, DispenseMutation, ReceiveMutation, ReturnPacksMutation, ShipMutation, UndoMutation } from './movements.graphql';

export type MovementKind = 'activate' | 'ship' | 'returnPacks' | 'receive' | 'dispense' | 'decommission' | 'undo';

/**
 * What a read is sent with: the acting facility; for ship and return the destination (and for
 * ship the open shipment it fills), for decommission the reason.
 */
export interface MovementContext {
  facility?: string;
  to?: string;
  shipment?: string;
  reason?: DecommissionReason;
}

function bulk(result: BulkResultFieldsFragment | undefined | null): BulkOutcome {
  if (!result) throw new Error('No answer');
  return result;
}

/** One batch of codes, as the movement of this screen. */
export async function sendMovement(client: ApolloClient, kind: MovementKind, codes: string[], context: MovementContext): Promise<BulkOutcome> {
  const facility = context.facility || undefined;
  switch (kind) {
    case 'activate':
      return bulk((await client.mutate({ mutation: ActivateMutation, variables: { codes, facility } })).data?.activate as BulkResultFieldsFragment);
    case 'ship':
      return bulk((await client.mutate({ mutation: ShipMutation, variables: { codes, facility, to: context.to!, shipment: context.shipment } })).data?.ship as BulkResultFieldsFragment);
    case 'returnPacks':
      return bulk(
        (await client.mutate({ mutation: ReturnPacksMutation, variables: { codes, facility, to: context.to! } })).data?.returnPacks as BulkResultFieldsFragment,
      );
    case 'receive':
      return bulk((await client.mutate({ mutation: ReceiveMutation, variables: { codes, facility } })).data?.receive as BulkResultFieldsFragment);
    case 'dispense':
      return bulk((await client.mutate({ mutation: DispenseMutation, variables: { codes, facility } })).data?.dispense as BulkResultFieldsFragment);
    case 'decommission':
      return bulk(
        (await client.mutate({ mutation: DecommissionMutation, variables: { codes, facility, reason: context.reason! } })).data
          ?.decommission as BulkResultFieldsFragment,
      );
    case 'undo':
      return bulk((await client.mutate({ mutation: UndoMutation, variables: { codes, facility } })).data?.undo as BulkResultFieldsFragment);
  }
}

/** Part of an activation file (the seed's 13 columns), read by the API itself. */
export async function sendActivationCsv(token: string | null, header: string, lines: string[], facility?: string): Promise<BulkOutcome> {
  const query = facility ? `?facility=${encodeURIComponent(facility)}` : '';
  const response = await restFetch(`/api/csv/activation${query}`, token, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: [header, ...lines].join('\r\n') + '\r\n',
  });
  return (await response.json()) as BulkOutcome;
}
