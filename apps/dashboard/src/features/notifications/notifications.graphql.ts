import { graphql } from '../../gql';

export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    createdAt
    read
    facilityId
    facilityName
    shipmentId
    shipmentNumber
    counterparty
    recallId
    nie
    productName
    batch
    units
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $unreadOnly: Boolean) {
    notifications(first: $first, unreadOnly: $unreadOnly) {
      unread
      items {
        ...NotificationFields
      }
    }
  }
`);

/** The bell's count: how many notifications I have not read. */
export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(first: 1, unreadOnly: true) {
      unread
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
