import { graphql } from '../../gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
      email
      role
      organization {
        id
        name
        type
      }
      facilities {
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
  }
`);
