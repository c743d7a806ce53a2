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
        recordedAt
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
        recordedBy {
          kind
          name
        }
      }
    }
  }
`);

/** Packs by product, batch, facility and days, a page at a time. */
export const TraceSearchQuery = graphql(`
  query TraceSearch($filter: TraceSearchInput!, $first: Int, $after: String) {
    traceSearch(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          code
          level
          status
          batch
          expiry
          recalled
          product {
            id
            nie
            name
          }
          custodian {
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

/** What a trace search can be narrowed by. */
export const TraceSearchOptionsQuery = graphql(`
  query TraceSearchOptions {
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
