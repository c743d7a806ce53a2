import { graphql } from '../../gql';

export const RealisationQuery = graphql(`
  query Realisation($groupBy: RealisationGroup!, $filter: ReportFilter) {
    realisation(groupBy: $groupBy, filter: $filter) {
      key
      label
      issued
      activated
      shippedToDistributor
      receivedByDistributor
      shippedByDistributor
      receivedByPharmacy
      dispensed
    }
  }
`);

export const StockQuery = graphql(`
  query Stock($level: RegionLevel!, $filter: ReportFilter, $nearExpiryDays: Int!) {
    stock(level: $level, filter: $filter, nearExpiryDays: $nearExpiryDays) {
      asOf
      nearExpiryDays
      rows {
        key
        label
        facility {
          id
          name
        }
        province
        regency
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

export const ShortagesQuery = graphql(`
  query Shortages($filter: ReportFilter, $thresholdDays: Int!, $windowDays: Int!) {
    shortages(filter: $filter, thresholdDays: $thresholdDays, windowDays: $windowDays) {
      asOf
      thresholdDays
      windowDays
      rows {
        province
        regency
        product {
          nie
          name
        }
        stock
        dailyRate
        daysOfCover
      }
    }
  }
`);

export const GoodsFlowQuery = graphql(`
  query GoodsFlow($filter: ReportFilter, $overdueDays: Int!) {
    goodsFlow(filter: $filter, overdueDays: $overdueDays) {
      asOf
      overdueDays
      rows {
        direction
        facility {
          id
          name
        }
        counterparty {
          id
          name
        }
        product {
          nie
          name
        }
        batch
        units
      }
      overdue {
        from {
          id
          name
        }
        to {
          id
          name
        }
        product {
          nie
          name
        }
        batch
        since
        units
      }
    }
  }
`);

export const ConsumptionQuery = graphql(`
  query Consumption($level: RegionLevel!, $filter: ReportFilter) {
    consumption(level: $level, filter: $filter) {
      asOf
      rows {
        month
        province
        regency
        product {
          nie
          name
        }
        units
      }
    }
  }
`);

/** Where filters' choices come from: the facilities the caller can see. */
export const ReportFacilitiesQuery = graphql(`
  query ReportFacilities {
    facilities {
      id
      name
      type
      regency
      province
    }
  }
`);
