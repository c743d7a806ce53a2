import { graphql } from '../../gql';

/** What the inbox and the detail both show of an alert. */
export const AlertSummaryFragment = graphql(`
  fragment AlertSummary on Alert {
    id
    reason
    severity
    status
    resolution
    code
    occurrences
    firstSeenAt
    lastSeenAt
    batch
    product {
      nie
      name
    }
    facility {
      id
      name
    }
    assignee {
      id
      name
      email
    }
  }
`);

export const AlertsQuery = graphql(`
  query Alerts($status: AlertStatus, $first: Int) {
    alerts(status: $status, first: $first) {
      ...AlertSummary
    }
  }
`);

/** The inbox, a page at a time. */
export const AlertPageQuery = graphql(`
  query AlertPage($first: Int, $after: String, $filter: AlertFilterInput) {
    alertConnection(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...AlertSummary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** What the inbox can be filtered by: facilities and products. */
export const AlertFilterOptionsQuery = graphql(`
  query AlertFilterOptions {
    facilities {
      id
      name
    }
    products(first: 200) {
      id
      nie
      name
    }
  }
`);

export const AssignAlertsMutation = graphql(`
  mutation AssignAlerts($ids: [ID!]!, $userId: ID) {
    assignAlerts(ids: $ids, userId: $userId) {
      updated {
        id
        status
        assignee {
          id
          name
          email
        }
      }
      skipped {
        id
        reason
      }
    }
  }
`);

export const CloseAlertsMutation = graphql(`
  mutation CloseAlerts($ids: [ID!]!, $resolution: AlertResolution!, $comment: String) {
    closeAlerts(ids: $ids, resolution: $resolution, comment: $comment) {
      updated {
        id
        status
        resolution
      }
      skipped {
        id
        reason
      }
    }
  }
`);

export const AlertQuery = graphql(`
  query Alert($id: ID!) {
    alert(id: $id) {
      ...AlertSummary
      evidence {
        at
        kind
        observation
        params {
          name
          value
        }
        code
        latitude
        longitude
        facility
      }
      comments {
        text
        at
        author
      }
      complaints {
        id
        description
        hasPhoto
        createdAt
        latitude
        longitude
      }
    }
  }
`);

export const ComplaintsQuery = graphql(`
  query Complaints($first: Int) {
    complaints(first: $first) {
      id
      code
      description
      latitude
      longitude
      hasPhoto
      alertId
      createdAt
    }
  }
`);

/** BPOM colleagues an alert can be given to. */
export const AlertAssigneesQuery = graphql(`
  query AlertAssignees {
    users {
      id
      name
      role
    }
  }
`);

export const AssignAlertMutation = graphql(`
  mutation AssignAlert($id: ID!, $userId: ID) {
    assignAlert(id: $id, userId: $userId) {
      id
      status
      assignee {
        id
        name
        email
      }
    }
  }
`);

export const CommentAlertMutation = graphql(`
  mutation CommentAlert($id: ID!, $text: String!) {
    commentAlert(id: $id, text: $text) {
      text
      at
      author
    }
  }
`);

export const CloseAlertMutation = graphql(`
  mutation CloseAlert($id: ID!, $resolution: AlertResolution!, $comment: String) {
    closeAlert(id: $id, resolution: $resolution, comment: $comment) {
      id
      status
      resolution
    }
  }
`);
