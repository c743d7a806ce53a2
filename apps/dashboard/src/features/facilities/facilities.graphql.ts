import { graphql } from '../../gql';

export const FacilitiesQuery = graphql(`
  query Facilities($type: FacilityType, $search: String) {
    facilities(type: $type, search: $search) {
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
`);
