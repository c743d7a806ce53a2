import { graphql } from '../../gql';

export const UsersQuery = graphql(`
  query Users($organizationId: ID) {
    users(organizationId: $organizationId) {
      ...UserRow
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
      ...UserRow
    }
  }
`);

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    name
    email
    role
    active
    disabledAt
    mustChangePassword
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...UserRow
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...UserRow
    }
  }
`);

/** The temporary password comes back this once; it is never stored in the cache's queries. */
export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($id: ID!) {
    resetPassword(id: $id) {
      temporaryPassword
      expiresAt
      user {
        ...UserRow
      }
    }
  }
`);
