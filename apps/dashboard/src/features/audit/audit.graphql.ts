import { graphql } from '../../gql';

export const AuditEventsQuery = graphql(`
  query AuditEvents($first: Int, $after: String, $action: AuditAction, $organizationId: ID) {
    auditEvents(first: $first, after: $after, action: $action, organizationId: $organizationId) {
      edges {
        cursor
        node {
          id
          at
          action
          actorEmail
          targetType
          targetLabel
          address
          sessionsEnded
          expiresAt
          failures
          retryAfterSeconds
          organization {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** For BPOM administrators, who may read one organisation's events. */
export const AuditOrganizationsQuery = graphql(`
  query AuditOrganizations {
    organizations {
      id
      name
    }
  }
`);
