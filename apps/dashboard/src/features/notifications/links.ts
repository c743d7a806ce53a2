import type { NotificationFieldsFragment, OrganizationType } from '../../gql/graphql';
import { pullListPath } from '../recalls/pull';

/**
 * Where a notification is acted on: an incoming shipment is received, a discrepancy is read on
 * the delivery note, a recall is pulled by a holder and followed by its manufacturer.
 */
export function notificationLink(notification: NotificationFieldsFragment, organizationType: OrganizationType): string | null {
  const shipment = notification.shipmentId ? encodeURIComponent(notification.shipmentId) : null;
  const recall = notification.recallId ? encodeURIComponent(notification.recallId) : null;
  switch (notification.kind) {
    case 'INCOMING_SHIPMENT':
      return shipment && `/receive?shipment=${shipment}`;
    case 'SHIPMENT_DISCREPANCY':
      return shipment && `/shipments/${shipment}`;
    case 'RECALL':
      return notification.recallId ? pullListPath(notification.recallId, organizationType) : null;
    case 'RECALL_CLOSED':
      return recall && `/recalls?recall=${recall}`;
  }
}
