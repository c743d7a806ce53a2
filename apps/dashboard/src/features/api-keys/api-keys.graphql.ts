import { graphql } from '../../gql';

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      prefix
      createdAt
      lastUsedAt
      revokedAt
      expiresAt
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $expiresAt: DateTimeISO) {
    createApiKey(name: $name, expiresAt: $expiresAt) {
      secret
      apiKey {
        id
        name
        prefix
        createdAt
        lastUsedAt
        revokedAt
        expiresAt
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);
