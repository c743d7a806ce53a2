import { graphql } from '../../gql';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      mustChangePassword
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Who is logged in: read once by the layout and shared with every screen. */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      name
      email
      role
      mustChangePassword
      organization {
        id
        name
        type
      }
    }
  }
`);
