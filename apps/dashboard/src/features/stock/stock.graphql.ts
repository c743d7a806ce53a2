import { graphql } from '../../gql';

export const StockQuery = graphql(`
  query StockOnHand($filter: ReportFilter, $nearExpiryDays: Int!) {
    stock(level: FACILITY, filter: $filter, nearExpiryDays: $nearExpiryDays) {
      asOf
      nearExpiryDays
      rows {
        key
        facility {
          id
          name
        }
        product {
          nie
          name
        }
        batch
        expiry
        units
        nearExpiry
        recalled
      }
    }
  }
`);

export const StockFacilitiesQuery = graphql(`
  query StockFacilities {
    me {
      id
      facilities {
        id
        name
      }
    }
  }
`);
