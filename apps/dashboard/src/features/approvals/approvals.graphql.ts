import { graphql } from '../../gql';

/** Code requests by status, newest first: BPOM sees every manufacturer's. */
export const ApprovalQueueQuery = graphql(`
  query ApprovalQueue($status: CodeRequestStatus, $first: Int) {
    codeRequests(status: $status, first: $first) {
      id
      status
      kind
      product {
        id
        nie
        name
        registrant {
          id
          name
        }
      }
      batch
      expiry
      quantity
      unitsPerCase
      casesPerPallet
      gtin
      reason
      createdAt
      decidedAt
    }
  }
`);

export const ApproveCodeRequestMutation = graphql(`
  mutation ApproveCodeRequest($id: ID!) {
    approveCodeRequest(id: $id) {
      id
      status
      decidedAt
    }
  }
`);

export const RejectCodeRequestMutation = graphql(`
  mutation RejectCodeRequest($id: ID!, $reason: String!) {
    rejectCodeRequest(id: $id, reason: $reason) {
      id
      status
      reason
      decidedAt
    }
  }
`);
