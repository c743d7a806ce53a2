import { graphql } from '../../gql';

export const UsersQuery = graphql(`
  query Users($organizationId: ID) {
    users(organizationId: $organizationId) {
      id
      name
      email
      role
    }
  }
`);

/** For BPOM administrators, who manage the users of any organisation. */
export const UserOrganizationsQuery = graphql(`
  query UserOrganizations {
    organizations {
      id
      name
      type
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: UserInput!) {
    createUser(input: $input) {
      id
      name
      email
      role
    }
  }
`);
