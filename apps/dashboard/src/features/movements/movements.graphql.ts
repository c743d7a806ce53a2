import { graphql } from '../../gql';

export const BulkResultFields = graphql(`
  fragment BulkResultFields on BulkResult {
    accepted
    units
    rejected {
      code
      reason
      rule
      message
      row
    }
    recalled
    shipment {
      id
      number
    }
  }
`);

export const ActivateMutation = graphql(`
  mutation Activate($codes: [String!]!, $facility: ID) {
    activate(codes: $codes, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const AggregateMutation = graphql(`
  mutation Aggregate($parent: String!, $children: [String!]!, $facility: ID) {
    aggregate(parent: $parent, children: $children, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const ShipMutation = graphql(`
  mutation Ship($codes: [String!]!, $to: ID!, $shipment: ID, $facility: ID) {
    ship(codes: $codes, to: $to, shipment: $shipment, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const ReturnPacksMutation = graphql(`
  mutation ReturnPacks($codes: [String!]!, $to: ID!, $facility: ID) {
    returnPacks(codes: $codes, to: $to, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const ReceiveMutation = graphql(`
  mutation Receive($codes: [String!]!, $facility: ID) {
    receive(codes: $codes, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const DispenseMutation = graphql(`
  mutation Dispense($codes: [String!]!, $facility: ID) {
    dispense(codes: $codes, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const DecommissionMutation = graphql(`
  mutation Decommission($codes: [String!]!, $reason: DecommissionReason!, $facility: ID) {
    decommission(codes: $codes, reason: $reason, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

export const UndoMutation = graphql(`
  mutation Undo($codes: [String!]!, $facility: ID) {
    undo(codes: $codes, facility: $facility, source: SCAN) {
      ...BulkResultFields
    }
  }
`);

/** The facilities I act for (to choose which one acts) and where packs can go. */
export const MovementFacilitiesQuery = graphql(`
  query MovementFacilities {
    me {
      id
      facilities {
        id
        name
        type
      }
    }
  }
`);

export const DestinationsQuery = graphql(`
  query Destinations($type: FacilityType, $search: String) {
    facilities(type: $type, search: $search) {
      id
      name
      type
      regency
      province
    }
  }
`);

/** The case or pallet being filled, and how many it already holds. */
export const ParentPackQuery = graphql(`
  query ParentPack($code: String!) {
    pack(code: $code) {
      id
      code
      level
      status
      childCount
      capacity
      batch
      expiry
      product {
        nie
        name
      }
    }
  }
`);

/** One step of activating a whole code request; the screen repeats it with `endCursor` until `hasMore` is false. */
export const ActivateCodeRequestMutation = graphql(`
  mutation ActivateCodeRequest($id: ID!, $after: String, $first: Int, $facility: ID) {
    activateCodeRequest(id: $id, after: $after, first: $first, facility: $facility, source: SCAN) {
      result {
        ...BulkResultFields
      }
      endCursor
      hasMore
      remaining
      total
    }
  }
`);
