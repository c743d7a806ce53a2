import { graphql } from '../../gql';

/** The public "is this pack genuine?": no login needed. */
export const VerifyCodeQuery = graphql(`
  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {
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

/** A member of the public reports a suspected fake, with an optional photo and place. */
export const ReportSuspectMutation = graphql(`
  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {
    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {
      id
      hasPhoto
      alertId
    }
  }
`);
