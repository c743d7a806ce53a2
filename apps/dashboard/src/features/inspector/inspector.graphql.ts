import { graphql } from '../../gql';

/** The inspector's check: the public verdict, with the location of the inspection. */
export const InspectVerifyQuery = graphql(`
  query InspectVerify($code: String!, $latitude: Float, $longitude: Float) {
    verify(code: $code, latitude: $latitude, longitude: $longitude) {
      verdict
      reasons
      product {
        name
        nie
        brand
        form
        strength
        packaging
        producer
        registrant
      }
      batch
      expiry
      serial
      status
      activated
      sample
      dispensedAt
      dispensedRegency
      checkedAt
    }
  }
`);
