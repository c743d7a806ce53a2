import { graphql } from '../../gql';

export const CodeRequestFields = graphql(`
  fragment CodeRequestFields on CodeRequest {
    id
    kind
    status
    reason
    batch
    expiry
    quantity
    gtin
    unitsPerCase
    casesPerPallet
    createdAt
    decidedAt
    product {
      id
      nie
      name
      gtin
    }
  }
`);

/** Serials from the manufacturer's own serialisation, registered without BPOM issuing them. */
export const UploadSerialsMutation = graphql(`
  mutation UploadSerials($input: SerialUploadInput!) {
    uploadSerials(input: $input) {
      ...BulkResultFields
    }
  }
`);

export const CodeRequestsQuery = graphql(`
  query CodeRequests($status: CodeRequestStatus, $first: Int) {
    codeRequests(status: $status, first: $first) {
      ...CodeRequestFields
    }
  }
`);

export const CodeRequestQuery = graphql(`
  query CodeRequest($id: ID!, $first: Int, $after: String) {
    codeRequest(id: $id) {
      ...CodeRequestFields
      codes(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            serial
            sscc
            text
            raw
            digitalLink
            level
          }
        }
      }
    }
  }
`);

export const RequestCodesMutation = graphql(`
  mutation RequestCodes($input: CodeRequestInput!) {
    requestCodes(input: $input) {
      ...CodeRequestFields
    }
  }
`);

/** For the form: which products the NIE field can suggest. */
export const RequestProductQuery = graphql(`
  query RequestProduct($nie: String!) {
    product(nie: $nie) {
      id
      nie
      name
      gtin
      serialised
    }
  }
`);
