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

/** A new facility of an existing organisation (the caller's own, or any for BPOM's administrators). */
export const CreateFacilityMutation = graphql(`
  mutation CreateFacility($input: FacilityInput!) {
    createFacility(input: $input) {
      id
      name
      type
      gln
    }
  }
`);
