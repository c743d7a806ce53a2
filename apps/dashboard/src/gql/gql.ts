/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n": typeof types.FacilitiesDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n": typeof types.OrganizationsDocument,
    "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n": typeof types.UserOrganizationsDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n": typeof types.VerifyCodeDocument,
    "\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n": typeof types.ReportSuspectDocument,
};
const documents: Documents = {
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n": types.FacilitiesDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n": types.OrganizationsDocument,
    "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.UsersDocument,
    "\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n": types.UserOrganizationsDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.CreateUserDocument,
    "\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n": types.VerifyCodeDocument,
    "\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n": types.ReportSuspectDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n"): (typeof documents)["\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n"): (typeof documents)["\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n"): (typeof documents)["\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;