import { graphql } from '../../gql';

export const OrganizationsQuery = graphql(`
  query Organizations($type: OrganizationType) {
    organizations(type: $type) {
      id
      name
      type
    }
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: OrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      type
    }
  }
`);
