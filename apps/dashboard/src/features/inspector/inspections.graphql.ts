import { graphql } from '../../gql';

export const InspectionReadFields = graphql(`
  fragment InspectionReadFields on InspectionRead {
    id
    code
    verdict
    reasons
    custody
    expectedFacility {
      id
      name
    }
    productName
    batch
    readAt
    repeated
  }
`);

export const InspectionSummaryFields = graphql(`
  fragment InspectionSummaryFields on InspectionSummary {
    reads
    notAtCustodian
    findings
    byVerdict {
      verdict
      count
    }
    byCustody {
      custody
      count
    }
  }
`);

/** A visit with everything recorded in it. */
export const InspectionQuery = graphql(`
  query Inspection($id: ID!) {
    inspection(id: $id) {
      id
      status
      openedAt
      closedAt
      inspector
      facility {
        id
        name
        regency
      }
      reads {
        ...InspectionReadFields
      }
      findings {
        id
        text
        hasPhoto
        createdAt
      }
      summary {
        ...InspectionSummaryFields
      }
    }
  }
`);

/** BPOM's list of visits, newest first. */
export const InspectionsQuery = graphql(`
  query Inspections($status: InspectionStatus, $first: Int) {
    inspections(status: $status, first: $first) {
      id
      status
      openedAt
      closedAt
      inspector
      facility {
        id
        name
      }
      summary {
        reads
        notAtCustodian
        findings
      }
    }
  }
`);

/** Facilities an inspector can visit. */
export const InspectableFacilitiesQuery = graphql(`
  query InspectableFacilities($search: String) {
    facilities(search: $search) {
      id
      name
      type
      regency
    }
  }
`);

export const OpenInspectionMutation = graphql(`
  mutation OpenInspection($facility: ID!) {
    openInspection(facility: $facility) {
      id
      status
    }
  }
`);

export const RecordInspectionReadMutation = graphql(`
  mutation RecordInspectionRead($inspection: ID!, $code: String!, $latitude: Float, $longitude: Float) {
    recordInspectionRead(inspection: $inspection, code: $code, latitude: $latitude, longitude: $longitude) {
      ...InspectionReadFields
    }
  }
`);

export const AddInspectionFindingMutation = graphql(`
  mutation AddInspectionFinding($inspection: ID!, $text: String!, $photo: String) {
    addInspectionFinding(inspection: $inspection, text: $text, photo: $photo) {
      id
      text
      hasPhoto
      createdAt
    }
  }
`);

export const CloseInspectionMutation = graphql(`
  mutation CloseInspection($inspection: ID!) {
    closeInspection(inspection: $inspection) {
      id
      status
      closedAt
      summary {
        ...InspectionSummaryFields
      }
    }
  }
`);

/** A visit's figures alone, fetched again after each read (the reads themselves are added to the cache). */
export const InspectionSummaryQuery = graphql(`
  query InspectionSummary($id: ID!) {
    inspection(id: $id) {
      id
      summary {
        ...InspectionSummaryFields
      }
    }
  }
`);
