import { graphql } from '../../gql';

/** What the list and the detail both show of a recall. */
export const RecallSummaryFragment = graphql(`
  fragment RecallSummary on Recall {
    id
    status
    reason
    class
    nie
    batch
    productName
    createdAt
    closedAt
    progress {
      totalUnits
      released
      recovered
      outstanding
      reachedPatients
      asOf
    }
  }
`);

export const RecallsQuery = graphql(`
  query Recalls {
    recalls {
      ...RecallSummary
    }
  }
`);

/** One recall and where every unit of its batch is now. */
export const RecallProgressQuery = graphql(`
  query RecallProgress($id: ID!) {
    recall(id: $id) {
      ...RecallSummary
      progress {
        byPosition {
          position
          units
        }
        byFacility {
          units
          returned
          destroyed
          dispensed
          facility {
            id
            name
            type
            regency
            province
          }
        }
        returnedByDay {
          day
          units
          total
        }
      }
    }
  }
`);

export const RecallBatchMutation = graphql(`
  mutation RecallBatch($nie: String!, $batch: String!, $reason: String!, $class: RecallClass) {
    recallBatch(nie: $nie, batch: $batch, reason: $reason, class: $class) {
      id
      status
      nie
      batch
    }
  }
`);

/** BPOM closes a recall that is done; the batch stays recalled. */
export const CloseRecallMutation = graphql(`
  mutation CloseRecall($id: ID!) {
    closeRecall(id: $id) {
      id
      status
      closedAt
    }
  }
`);

/** Products to recall a batch of: BPOM searches the register, a manufacturer its own products. */
export const RecallProductsQuery = graphql(`
  query RecallProducts($search: String) {
    products(search: $search, first: 50) {
      id
      nie
      name
      strength
      form
    }
  }
`);

export const ProductBatchesQuery = graphql(`
  query ProductBatches($nie: String!) {
    product(nie: $nie) {
      id
      nie
      batches {
        lot
        expiry
        recalled
      }
    }
  }
`);

/** The recalls that reached my organisation, each with what my facilities still hold of it. */
export const HeldRecallsQuery = graphql(`
  query HeldRecalls {
    recalls {
      id
      status
      reason
      class
      nie
      batch
      productName
      createdAt
      closedAt
      pullList {
        code
        level
        units
      }
    }
  }
`);

/** What to pull of a recalled batch: at my facilities, or (BPOM) at the facility named. */
export const PullListQuery = graphql(`
  query PullList($id: ID!, $facility: ID) {
    recall(id: $id) {
      id
      status
      reason
      class
      nie
      batch
      productName
      createdAt
      closedAt
      pullList(facility: $facility) {
        code
        level
        units
        facilityId
      }
    }
  }
`);
