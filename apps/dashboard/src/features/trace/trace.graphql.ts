import { graphql } from '../../gql';

/** A pack, its parent and children, and its whole history, oldest first. */
export const TraceQuery = graphql(`
  query Trace($code: String!) {
    trace(code: $code) {
      pack {
        id
        code
        level
        status
        batch
        expiry
        recalled
        childCount
        serial
        sscc
        product {
          id
          nie
          name
        }
        custodian {
          id
          name
        }
        destination {
          id
          name
        }
      }
      parent {
        id
        code
        level
        status
      }
      children {
        id
        code
        level
        status
      }
      events {
        id
        type
        at
        source
        reason
        parentCode
        facility {
          id
          name
          type
          regency
          province
          latitude
          longitude
        }
        counterparty {
          id
          name
          type
          regency
          province
        }
      }
    }
  }
`);
