import { graphql } from '../../gql';

/** What every list and screen shows of a shipment. */
export const ShipmentSummaryFragment = graphql(`
  fragment ShipmentSummary on Shipment {
    id
    number
    kind
    status
    units
    receivedUnits
    createdAt
    dispatchedAt
    receivedAt
    cancelledAt
    from {
      id
      name
    }
    to {
      id
      name
    }
  }
`);

/** What it holds: its units by product batch, and the packs named in it. */
export const ShipmentContentsFragment = graphql(`
  fragment ShipmentContents on Shipment {
    lines {
      product {
        id
        nie
        name
      }
      batch
      expiry
      units
      recalled
    }
    items {
      packId
      code
      level
      units
      batch
      expiry
      recalled
      status
      product {
        id
        nie
        name
      }
    }
  }
`);

export const OutgoingShipmentsQuery = graphql(`
  query OutgoingShipments($status: [ShipmentStatus!]) {
    outgoingShipments(status: $status) {
      ...ShipmentSummary
    }
  }
`);

export const IncomingShipmentsQuery = graphql(`
  query IncomingShipments($status: [ShipmentStatus!]) {
    incomingShipments(status: $status) {
      ...ShipmentSummary
    }
  }
`);

export const ShipmentQuery = graphql(`
  query Shipment($id: ID!) {
    shipment(id: $id) {
      ...ShipmentSummary
      ...ShipmentContents
    }
  }
`);

/** The delivery note as printed: both parties in full and the barcode's content. */
export const PackingListQuery = graphql(`
  query PackingList($id: ID!) {
    shipment(id: $id) {
      ...ShipmentSummary
      ...ShipmentContents
      gsin
      barcode
      from {
        id
        name
        address
        regency
        province
        licenceNumber
        gln
      }
      to {
        id
        name
        address
        regency
        province
        licenceNumber
        gln
      }
    }
  }
`);

export const ShipmentByCodeQuery = graphql(`
  query ShipmentByCode($code: String!) {
    shipmentByCode(code: $code) {
      ...ShipmentSummary
    }
  }
`);

export const OpenShipmentMutation = graphql(`
  mutation OpenShipment($to: ID!, $facility: ID) {
    openShipment(to: $to, facility: $facility, source: SCAN) {
      ...ShipmentSummary
    }
  }
`);

export const DispatchShipmentMutation = graphql(`
  mutation DispatchShipment($id: ID!) {
    dispatchShipment(id: $id) {
      ...BulkResultFields
    }
  }
`);

export const CancelShipmentMutation = graphql(`
  mutation CancelShipment($id: ID!) {
    cancelShipment(id: $id) {
      ...ShipmentSummary
    }
  }
`);

export const ReceiveShipmentMutation = graphql(`
  mutation ReceiveShipment($id: ID!, $codes: [String!], $facility: ID) {
    receiveShipment(id: $id, codes: $codes, facility: $facility, source: SCAN) {
      accepted
      units
      rejected {
        code
        reason
        rule
        message
        row
      }
      missing
      extra
      recalled
      shipment {
        id
        number
      }
    }
  }
`);

/** What a case or pallet named on a note holds, one level down (opened on demand). */
export const PackChildrenQuery = graphql(`
  query PackChildren($code: String!) {
    trace(code: $code) {
      pack {
        id
        childCount
      }
      children {
        id
        code
        level
        status
        childCount
      }
    }
  }
`);
