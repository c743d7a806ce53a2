// The Jejak API, started in this process on the benchmark's database (demo data loaded),
// and a client for it over HTTP: GraphQL, the CSV upload and the printer-file download.
import { onCleanup } from './cleanup.mjs';
import { distModule } from './paths.mjs';
import { timeoutSignal } from './util.mjs';

export async function startApi(databaseUrl) {
  process.env.LOG_LEVEL ??= 'error';
  await import('reflect-metadata');
  const { loadConfig } = await import(distModule('config.js'));
  const { startServer } = await import(distModule('server.js'));
  const config = { ...loadConfig({ DEMO: '1', LOG_LEVEL: process.env.LOG_LEVEL }), port: 0, demo: true, dashboardDir: '/nonexistent' };
  const server = await startServer(config, databaseUrl);
  onCleanup('stop the API', () => server.close());
  return new ApiClient(server);
}

export class ApiClient {
  constructor(server) {
    this.server = server;
    this.url = server.url;
  }

  /** A GraphQL call; throws on transport errors and on any GraphQL error. */
  async gql(query, variables, token, { timeoutMs } = {}) {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: timeoutSignal(timeoutMs),
    });
    const body = await response.json();
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new Error(`GraphQL error (${first.extensions?.code ?? response.status}): ${first.message}`);
    }
    return body.data;
  }

  async login(email, password = 'demo12345') {
    const data = await this.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
    return data.login.token;
  }

  async facilityId(token, search) {
    const data = await this.gql(`query($s: String) { facilities(search: $s) { id name } }`, { s: search }, token);
    if (data.facilities.length !== 1) throw new Error(`expected one facility matching "${search}", found ${data.facilities.length}`);
    return data.facilities[0].id;
  }

  /** POST /api/csv/<kind> with a CSV body; the BulkResult. */
  async uploadCsv(kind, token, body, { timeoutMs } = {}) {
    const response = await fetch(`${this.url}/api/csv/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body,
      signal: timeoutSignal(timeoutMs),
    });
    const result = await response.json();
    if (response.status !== 200) throw new Error(`CSV ${kind} answered ${response.status}: ${JSON.stringify(result).slice(0, 500)}`);
    return result;
  }

  /** Every code of an issued request, by level, from its printer file (codes.csv). */
  async downloadCodes(token, requestId) {
    const response = await fetch(`${this.url}/api/code-requests/${requestId}/codes.csv`, {
      headers: { authorization: `Bearer ${token}` },
      signal: timeoutSignal(10 * 60_000),
    });
    if (response.status !== 200) throw new Error(`codes.csv answered ${response.status}`);
    const text = await response.text();
    const codes = { UNIT: [], CASE: [], PALLET: [] };
    const lines = text.split('\r\n');
    // level,serial,sscc,text,raw,digital_link: the first four are never quoted.
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      const [level, serial, sscc, code] = line.split(',', 4);
      codes[level].push({ serial: serial || null, sscc: sscc || null, text: code });
    }
    return codes;
  }
}

const BULK = 'accepted units rejected { code reason message row }';

/** The mutations the benchmark drives; each returns the BulkResult (or the request). */
export const ops = {
  createProduct: (api, token, nie, name) =>
    api.gql(`mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie, name, form: 'Tablet', packaging: 'Dus' } }, token),
  requestCodes: async (api, token, input) =>
    (await api.gql(`mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id status } }`, { i: input }, token)).requestCodes,
  approve: async (api, token, id) =>
    (await api.gql(`mutation($id: ID!) { approveCodeRequest(id: $id) { id status quantity } }`, { id }, token, { timeoutMs: 60 * 60_000 }))
      .approveCodeRequest,
  activate: async (api, token, codes) =>
    (await api.gql(`mutation($c: [String!]!) { activate(codes: $c) { ${BULK} } }`, { c: codes }, token)).activate,
  aggregate: async (api, token, parent, children) =>
    (await api.gql(`mutation($p: String!, $c: [String!]!) { aggregate(parent: $p, children: $c) { ${BULK} } }`, { p: parent, c: children }, token))
      .aggregate,
  ship: async (api, token, codes, to) =>
    (await api.gql(`mutation($c: [String!]!, $to: ID!) { ship(codes: $c, to: $to) { ${BULK} } }`, { c: codes, to }, token)).ship,
  returnPacks: async (api, token, codes, to) =>
    (await api.gql(`mutation($c: [String!]!, $to: ID!) { returnPacks(codes: $c, to: $to) { ${BULK} } }`, { c: codes, to }, token)).returnPacks,
  openShipment: async (api, token, to) =>
    (await api.gql(`mutation($to: ID!) { openShipment(to: $to) { id number } }`, { to }, token)).openShipment,
  shipInto: async (api, token, codes, to, shipment) =>
    (await api.gql(`mutation($c: [String!]!, $to: ID!, $s: ID!) { ship(codes: $c, to: $to, shipment: $s) { ${BULK} } }`, { c: codes, to, s: shipment }, token))
      .ship,
  dispatchShipment: async (api, token, id) =>
    (await api.gql(`mutation($id: ID!) { dispatchShipment(id: $id) { ${BULK} } }`, { id }, token)).dispatchShipment,
  receiveShipment: async (api, token, id) =>
    (await api.gql(`mutation($id: ID!) { receiveShipment(id: $id) { accepted units missing extra rejected { code reason message } } }`, { id }, token))
      .receiveShipment,
  receive: async (api, token, codes) =>
    (await api.gql(`mutation($c: [String!]!) { receive(codes: $c) { ${BULK} } }`, { c: codes }, token)).receive,
  trace: async (api, token, code) =>
    (
      await api.gql(
        `query($c: String!) { trace(code: $c) {
           pack { code level status batch expiry childCount product { nie name } custodian { name } destination { name } }
           parent { code status } children { code status }
           events { type at source reason parentCode facility { name } counterparty { name } } } }`,
        { c: code },
        token,
        { timeoutMs: 60_000 },
      )
    ).trace,
};

/** Fails loudly when a bulk call did not do all it was asked to. */
export function expectAll(result, count, what) {
  if (result.accepted !== count || result.rejected.length) {
    const sample = result.rejected.slice(0, 3).map((r) => `${r.reason}: ${r.message}`).join('; ');
    throw new Error(`${what}: ${result.accepted} of ${count} accepted, ${result.rejected.length} rejected (${sample})`);
  }
  return result;
}
