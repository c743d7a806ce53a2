import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestServer } from './harness.js';

export interface Tokens {
  bpom: string;
  industri: string;
  pbf: string;
  apotek: string;
}

export async function demoTokens(server: TestServer): Promise<Tokens> {
  const [bpom, industri, pbf, apotek] = await Promise.all(
    ['bpom', 'industri', 'pbf', 'apotek'].map((who) => server.login(`${who}@demo.test`)),
  );
  return { bpom: bpom!, industri: industri!, pbf: pbf!, apotek: apotek! };
}

/** A fresh NIE, so tests never share products. */
export const freshNie = () => `DKL${randomBytes(6).toString('hex').toUpperCase().slice(0, 10)}A1`;

export async function facilityId(server: TestServer, token: string, search: string): Promise<string> {
  const { data } = await server.gql(`query($s: String) { facilities(search: $s) { id name } }`, { s: search }, token);
  expect(data.facilities.length, `facility ${search}`).toBe(1);
  return data.facilities[0].id;
}

export interface Issued {
  requestId: string;
  nie: string;
  batch: string;
  units: string[];
  cases: string[];
  pallets: string[];
}

/** A product of the demo manufacturer with an approved request: its codes, by level. */
export async function issueCodes(
  server: TestServer,
  tokens: Tokens,
  options: { quantity: number; unitsPerCase?: number; casesPerPallet?: number; expiry?: string; gtin?: string; nie?: string; batch?: string } = { quantity: 10 },
): Promise<Issued> {
  const nie = options.nie ?? freshNie();
  if (!options.nie) {
    const product = await server.gql(
      `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`,
      { i: { nie, name: `Produk uji ${nie}`, form: 'Tablet', packaging: 'Dus', gtin: options.gtin } },
      tokens.industri,
    );
    expect(product.errors).toBeUndefined();
  }
  const batch = options.batch ?? `B${randomBytes(3).toString('hex').toUpperCase()}`;
  const requested = await server.gql(
    `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id status } }`,
    {
      i: {
        nie,
        batch,
        expiry: options.expiry ?? '2029-08-31',
        quantity: options.quantity,
        unitsPerCase: options.unitsPerCase,
        casesPerPallet: options.casesPerPallet,
        gtin: options.gtin,
      },
    },
    tokens.industri,
  );
  expect(requested.errors).toBeUndefined();
  const requestId = requested.data.requestCodes.id;
  const approved = await server.gql(`mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: requestId }, tokens.bpom);
  expect(approved.data?.approveCodeRequest.status).toBe('ISSUED');
  const codes = await allCodes(server, tokens.industri, requestId);
  const of = (level: string) => codes.filter((code) => code.level === level).map((code) => code.text);
  return { requestId, nie, batch, units: of('UNIT'), cases: of('CASE'), pallets: of('PALLET') };
}

export async function allCodes(server: TestServer, token: string, requestId: string) {
  const codes: Array<{ serial: string | null; text: string; raw: string; level: string; digitalLink: string | null }> = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await server.gql(
      `query($id: ID!, $after: String) { codeRequest(id: $id) { codes(first: 1000, after: $after) {
         edges { node { serial text raw level digitalLink } } pageInfo { hasNextPage endCursor } } } }`,
      { id: requestId, after },
      token,
    );
    expect(page.errors).toBeUndefined();
    const connection = page.data.codeRequest.codes;
    codes.push(...connection.edges.map((edge: any) => edge.node));
    if (!connection.pageInfo.hasNextPage) return codes;
    after = connection.pageInfo.endCursor;
  }
}

export const BULK = `accepted units rejected { code reason rule message row }`;

/** Runs a bulk mutation and returns its BulkResult. */
export async function bulk(server: TestServer, token: string, mutation: string, variables: Record<string, unknown>) {
  const result = await server.gql(mutation, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data)[0] as { accepted: number; units: number; rejected: Array<{ code: string; reason: string; rule: string; message: string; row: number | null }> };
}

export const op = {
  activate: (server: TestServer, token: string, codes: string[]) =>
    bulk(server, token, `mutation($c: [String!]!) { activate(codes: $c) { ${BULK} } }`, { c: codes }),
  aggregate: (server: TestServer, token: string, parent: string, children: string[]) =>
    bulk(server, token, `mutation($p: String!, $c: [String!]!) { aggregate(parent: $p, children: $c) { ${BULK} } }`, { p: parent, c: children }),
  disaggregate: (server: TestServer, token: string, parent: string, children?: string[]) =>
    bulk(server, token, `mutation($p: String!, $c: [String!]) { disaggregate(parent: $p, children: $c) { ${BULK} } }`, { p: parent, c: children }),
  ship: (server: TestServer, token: string, codes: string[], to: string) =>
    bulk(server, token, `mutation($c: [String!]!, $to: ID!) { ship(codes: $c, to: $to) { ${BULK} } }`, { c: codes, to }),
  returnPacks: (server: TestServer, token: string, codes: string[], to: string) =>
    bulk(server, token, `mutation($c: [String!]!, $to: ID!) { returnPacks(codes: $c, to: $to) { ${BULK} } }`, { c: codes, to }),
  receive: (server: TestServer, token: string, codes: string[]) =>
    bulk(server, token, `mutation($c: [String!]!) { receive(codes: $c) { ${BULK} } }`, { c: codes }),
  dispense: (server: TestServer, token: string, codes: string[]) =>
    bulk(server, token, `mutation($c: [String!]!) { dispense(codes: $c) { ${BULK} } }`, { c: codes }),
  decommission: (server: TestServer, token: string, codes: string[], reason: string) =>
    bulk(server, token, `mutation($c: [String!]!, $r: DecommissionReason!) { decommission(codes: $c, reason: $r) { ${BULK} } }`, { c: codes, r: reason }),
  undo: (server: TestServer, token: string, codes: string[]) =>
    bulk(server, token, `mutation($c: [String!]!) { undo(codes: $c) { ${BULK} } }`, { c: codes }),
};

export async function packOf(server: TestServer, token: string, code: string) {
  const { data, errors } = await server.gql(
    `query($c: String!) { pack(code: $c) { code level status batch expiry recalled childCount custodian { id name } destination { id } product { nie } } }`,
    { c: code },
    token,
  );
  expect(errors).toBeUndefined();
  return data.pack;
}

export const reasons = (result: { rejected: Array<{ reason: string }> }) => result.rejected.map((r) => r.reason);
