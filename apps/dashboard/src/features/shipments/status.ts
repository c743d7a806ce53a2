import type { ShipmentStatus } from '../../gql/graphql';

export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = ['OPEN', 'DISPATCHED', 'RECEIVED', 'RECEIVED_WITH_DISCREPANCIES', 'CANCELLED'];

/** What a receiver still has to take over: on its way, or received with something still missing. */
export const RECEIVABLE: readonly ShipmentStatus[] = ['DISPATCHED', 'RECEIVED_WITH_DISCREPANCIES'];

/** The badge colour of each status: waiting, on its way, done, done with a problem, void. */
export const STATUS_TONE: Record<ShipmentStatus, string> = {
  OPEN: 'badge',
  DISPATCHED: 'badge badge-warning',
  RECEIVED: 'badge badge-ok',
  RECEIVED_WITH_DISCREPANCIES: 'badge badge-danger',
  CANCELLED: 'badge badge-muted',
};

export const isShipmentStatus = (value: string | null): value is ShipmentStatus => SHIPMENT_STATUSES.includes(value as ShipmentStatus);
