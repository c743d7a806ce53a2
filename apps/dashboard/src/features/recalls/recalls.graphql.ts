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
    createdAt
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
