import { graphql } from '../../gql';


export const RecallsQuery = graphql(`
  query Recalls {
    recalls {
      id
      status
      reason
      class
      nie
      batch
      createdAt
      progress {
        totalUnits
        returned
        outstanding
        asOf
      }
    }
  }
`);

/** One recall and where every unit of its batch is now. */
export const RecallProgressQuery = graphql(`
  query RecallProgress($id: ID!) {
    recall(id: $id) {
      id
      status
      reason
      class
      nie
      batch
      createdAt
      progress {
        totalUnits
        returned
        outstanding
        asOf
        byStatus {
          status
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
