import { graphql } from '../../gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
      email
      role
      organization {
        id
        name
        type
      }
      facilities {
        id
        name
        type
        address
        regency
        province
        licenceNumber
        gln
      }
    }
  }
`);

/** The counts of work waiting for my organisation, by what it does. */
export const WorkQueueQuery = graphql(`
  query WorkQueue {
    workQueue {
      kind
      count
    }
  }
`);
