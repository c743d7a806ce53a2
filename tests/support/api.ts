import { randomBytes, randomInt } from 'node:crypto';
import { checkDigit } from '@jejak/gs1';

/** GraphQL over HTTP against a running system, as an integrator (or a test) would call it. */
export interface GraphQLAnswer<Data = any> {
  data?: Data;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function gql<Data = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<Data>> {
  const response = await fetch(new URL('/graphql', url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<Data>;
}

/** Like `gql`, but any GraphQL error fails loudly. */
export async function gqlOk<Data = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Data> {
  const answer = await gql<Data>(url, query, variables, token);
  if (answer.errors?.length || !answer.data) throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

export async function login(url: string, email: string, password = 'demo12345'): Promise<string> {
  const data = await gqlOk<{ login: { token: string } }>(
    url,
    `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
    { email, password },
  );
  return data.login.token;
}

/** Login tokens of demo accounts (`industri` logs in as industri@demo.test), at once. */
export async function loginAll<Who extends string>(url: string, who: readonly Who[]): Promise<Record<Who, string>> {
  const tokens = await Promise.all(who.map((name) => login(url, `${name}@demo.test`)));
  return Object.fromEntries(who.map((name, i) => [name, tokens[i]!])) as Record<Who, string>;
}

/** A fresh NIE in the BPOM shape: `DKL` + 10 digits + `A1`. */
export const freshNie = () => `DKL${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}A1`;

/** A fresh, valid GTIN-14 (Indonesian prefix 899, random item reference, computed check digit). */
export function freshGtin(): string {
  const body = `0899${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
  return body + checkDigit(body);
}

export const freshBatch = () => `E2E${randomBytes(3).toString('hex').toUpperCase()}`;

export interface IssuedCode {
  text: string;
  raw: string;
  digitalLink: string | null;
}

export interface ProductInput {
  nie: string;
  name: string;
  form?: string;
  packaging?: string;
  brand?: string;
  strength?: string;
  producer?: string;
  gtin?: string;
}

/**
 * A product of the demo manufacturer with an approved code request: creates the product (as
 * industri), requests `quantity` codes, approves (as bpom) and returns the unit codes (the first ten).
 */
export async function issueCodes(
  url: string,
  tokens: { industri: string; bpom: string },
  product: ProductInput,
  request: { batch: string; expiry: string; quantity: number; gtin?: string },
): Promise<IssuedCode[]> {
  return (await issueAllCodes(url, tokens, product, request)).filter((code) => code.level === 'UNIT');
}

/** The same, with cases and pallets when asked: every code issued (the first ten), each with its level. */
export async function issueAllCodes(
  url: string,
  tokens: { industri: string; bpom: string },
  product: ProductInput,
  request: { batch: string; expiry: string; quantity: number; gtin?: string; unitsPerCase?: number; casesPerPallet?: number },
): Promise<Array<IssuedCode & { level: string }>> {
  await gqlOk(url, `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: product }, tokens.industri);
  const requested = await gqlOk<{ requestCodes: { id: string } }>(
    url,
    `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id status } }`,
    { i: { nie: product.nie, ...request } },
    tokens.industri,
  );
  const id = requested.requestCodes.id;
  const approved = await gqlOk<{ approveCodeRequest: { status: string } }>(
    url,
    `mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`,
    { id },
    tokens.bpom,
  );
  if (approved.approveCodeRequest.status !== 'ISSUED') throw new Error(`request ${id} is ${approved.approveCodeRequest.status}`);
  const read = await gqlOk<{ codeRequest: { codes: { edges: Array<{ node: IssuedCode & { level: string } }> } } }>(
    url,
    `query($id: ID!) { codeRequest(id: $id) { codes(first: 10) { edges { node { text raw digitalLink level } } } } }`,
    { id },
    tokens.industri,
  );
  return read.codeRequest.codes.edges.map((edge) => edge.node);
}

export async function activate(url: string, token: string, codes: string[]) {
  const data = await gqlOk<{ activate: { accepted: number; rejected: unknown[] } }>(
    url,
    `mutation($c: [String!]!) { activate(codes: $c) { accepted rejected { code reason message } } }`,
    { c: codes },
    token,
  );
  if (data.activate.accepted !== codes.length) throw new Error(`activation refused: ${JSON.stringify(data.activate.rejected)}`);
}
