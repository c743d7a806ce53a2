import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';
import { demoTokens, freshNie, type Tokens } from './lifecycle-helpers.js';

/**
 * Abuse of the HTTP surface: security headers on every answer, HSTS only over TLS, GraphQL
 * requests built to exhaust the server (aliases, depth, cost, tokens), the schema kept to
 * development, NUL characters in text arguments, and code requests of tens of millions of codes.
 */
let server: TestServer;
let tokens: Tokens;
let dashboardDir: string;

beforeAll(async () => {
  // A built dashboard in miniature: the page and one asset.
  dashboardDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-dashboard-'));
  await mkdir(path.join(dashboardDir, 'assets'));
  await writeFile(path.join(dashboardDir, 'index.html'), '<!doctype html><title>Jejak</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(path.join(dashboardDir, 'assets/app.js'), 'export {};\n');
  server = await startTestServer({ DASHBOARD_DIR: dashboardDir });
  tokens = await demoTokens(server);
});

afterAll(async () => {
  await server?.close();
  if (dashboardDir) await rm(dashboardDir, { recursive: true, force: true });
});

/** A GraphQL POST answered with its HTTP status and headers. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as GraphQLResponse };
}

const query = (text: string, variables: Record<string, unknown> = {}, token?: string) =>
  post(server.url, { query: text, variables }, token ? { authorization: `Bearer ${token}` } : {});

describe('security headers', () => {
  /** What every answer carries: no referrer, no sniffing, no framing, no HSTS over plain HTTP. */
  function expectCommonHeaders(headers: Headers, what: string) {
    expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
    expect(headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('x-frame-options'), what).toBe('DENY');
    expect(headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
    // Over plain HTTP from a client that no trusted proxy vouches for, no HSTS.
    expect(headers.get('strict-transport-security'), what).toBeNull();
    expect(headers.get('x-powered-by'), what).toBeNull();
  }

  /** A page (the dashboard, its files, downloads, errors of the API's routes): the dashboard's CSP. */
  function expectPageHeaders(headers: Headers, what: string) {
    expectCommonHeaders(headers, what);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp, `${what}: Content-Security-Policy`).toContain("default-src 'self'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).toContain("object-src 'none'");
    // The public page installs as an app: its manifest and service worker come from Jejak itself.
    expect(csp, what).toContain("manifest-src 'self'");
    expect(csp, what).toContain("worker-src 'self'");
    expect(csp, what).not.toContain('unsafe-eval');
    expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  }

  /** A data answer (GraphQL, public verification, health): nothing in it may load or run anything. */
  function expectDataHeaders(headers: Headers, what: string) {
    expectCommonHeaders(headers, what);
    expect(headers.get('content-security-policy'), what).toBe("default-src 'none';frame-ancestors 'none'");
  }

  it('are on every answer: GraphQL, /api/verify, the dashboard, its files and errors', async () => {
    expectDataHeaders((await query('{ __typename }')).headers, 'POST /graphql');
    expectDataHeaders((await fetch(`${server.url}/api/verify?code=${encodeURIComponent('(90)DKL1234567890A1')}`)).headers, 'GET /api/verify');
    const page = await fetch(`${server.url}/verify`);
    expect(page.status).toBe(200);
    expectPageHeaders(page.headers, 'GET /verify (the dashboard)');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expectPageHeaders(asset.headers, 'GET /assets/app.js');
    expectDataHeaders((await fetch(`${server.url}/healthz`)).headers, 'GET /healthz');

    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expectPageHeaders(missing.headers, 'a 404 of the API');
    // A path that only looks like a data route is a page.
    expectPageHeaders((await fetch(`${server.url}/graphql/x`)).headers, 'GET /graphql/x');
    const badJson = await post(server.url, '{"query": ');
    expect(badJson.status).toBe(400);
    expectDataHeaders(badJson.headers, 'a body that is not JSON');
    const badVerify = await fetch(`${server.url}/api/verify`, { method: 'POST' });
    expect(badVerify.status).toBe(405);
    expectDataHeaders(badVerify.headers, 'POST /api/verify');
    const download = await fetch(`${server.url}/api/code-requests/00000000-0000-0000-0000-000000000000/codes.csv`);
    expect(download.status).toBe(401);
    expectPageHeaders(download.headers, 'an unauthenticated download');
  });

  it('HSTS only when the request came over TLS, as a trusted proxy says', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    // Without TRUSTED_PROXIES, anyone could claim https.
    expect((await post(server.url, { query: '{ __typename }' }, https)).headers.get('strict-transport-security')).toBeNull();

    const behindProxy = await startTestServer({ TRUSTED_PROXIES: '127.0.0.1,::1' });
    try {
      const hsts = (await post(behindProxy.url, { query: '{ __typename }' }, https)).headers.get('strict-transport-security');
      expect(hsts).toMatch(/^max-age=\d{8,}/);
      const verify = await fetch(`${behindProxy.url}/api/verify?code=x`, { headers: https });
      expect(verify.headers.get('strict-transport-security')).toBe(hsts);
      const missing = await fetch(`${behindProxy.url}/api/nothing-here`, { headers: https });
      expect(missing.headers.get('strict-transport-security')).toBe(hsts);
      // The proxy saying http, or saying nothing: no HSTS.
      expect((await post(behindProxy.url, { query: '{ __typename }' }, { 'x-forwarded-proto': 'http' })).headers.get('strict-transport-security')).toBeNull();
      expect((await post(behindProxy.url, { query: '{ __typename }' })).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await behindProxy.close();
    }
  });
});

describe('GraphQL requests built to exhaust the server', () => {
  it('20,000 aliases in one request are refused by name, not answered', async () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const answer = await query(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeUndefined();
    expect(codesOf(answer.json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.json.errors![0]!.message).toMatch(/aliases/i);

    // A call repeated by aliases is refused the same way, before any resolver runs.
    const logins = Array.from({ length: 2_000 }, (_, i) => `l${i}: login(email: "x${i}@demo.test", password: "x") { token }`).join(' ');
    const refused = await query(`mutation { ${logins} }`);
    expect(codesOf(refused.json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.json.errors![0]!.message).toMatch(/aliases/i);
  });

  it('a few aliases, as clients use them, still pass', async () => {
    const answer = await query(`{ a: __typename b: __typename c: facilities(type: PHARMACY) { id } d: facilities(type: DISTRIBUTOR) { id } }`, {}, tokens.pbf);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data!.c.length).toBeGreaterThan(0);
  });

  it('a query nested past the depth limit is refused by name', async () => {
    // The schema has no cycles, but fragments nest without end, and every level is work to parse,
    // validate and run.
    const answer = await query(`{ ${'... on Query { '.repeat(40)} __typename ${'} '.repeat(40)}}`);
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeUndefined();
    expect(codesOf(answer.json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.json.errors![0]!.message).toMatch(/depth/i);
  });

  it('a query whose lists multiply past the cost limit is refused by name, with literals or variables', async () => {
    const text = (first: string) =>
      `query($n: Int) { codeRequests(first: ${first}) { id codes(first: $n) { edges { node { serial text raw level digitalLink } } } } }`;
    for (const [first, variables] of [
      ['500', { n: 1000 }],
      ['$n', { n: 1000 }],
    ] as const) {
      const answer = await query(text(first), variables, tokens.bpom);
      expect(answer.status, first).toBe(400);
      expect(codesOf(answer.json), first).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(answer.json.errors![0]!.message).toMatch(/cost/i);
    }
    // One page of a thousand codes, as the dashboard and integrators read them, is within it.
    const page = await query(`query($n: Int) { codeRequests(first: 1) { id codes(first: $n) { edges { node { serial text raw level digitalLink } } } } }`, { n: 1000 }, tokens.industri);
    expect(page.json.errors).toBeUndefined();
  });

  it('a document of more tokens than any real request needs is refused while it is parsed', async () => {
    const answer = await query(`{ ${'__typename '.repeat(300_000)}}`);
    expect(answer.status).toBe(400);
    expect(codesOf(answer.json)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.json.errors![0]!.message).toMatch(/tokens/i);
  });

  it('a bulk mutation of 200,000 codes written into the document is one field: it is answered', async () => {
    const codes = Array.from({ length: 200_000 }, (_, i) => JSON.stringify(`bukan-kode-${i}`)).join(',');
    const answer = await query(`mutation { activate(codes: [${codes}]) { accepted } }`, {}, tokens.industri);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data).toEqual({ activate: { accepted: 0 } });
  }, 120_000);
});

describe('the schema is kept to development', () => {
  const INTROSPECTION = `{ __schema { queryType { name } types { name } } }`;

  it('introspection is refused outside development', async () => {
    for (const text of [INTROSPECTION, `{ __type(name: "Pack") { fields { name } } }`]) {
      const answer = await query(text, {}, tokens.bpom);
      expect(answer.status).toBe(400);
      expect(answer.json.data).toBeUndefined();
      expect(codesOf(answer.json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(answer.json.errors![0]!.message).toMatch(/introspection/i);
    }
    // __typename is no introspection: Apollo Client asks it everywhere.
    expect((await query('{ __typename }')).json.data).toEqual({ __typename: 'Query' });
  });

  it('validation errors suggest no field, argument or enum value outside development', async () => {
    const misspelt = [
      query(`{ facilitiez { id } }`, {}, tokens.bpom),
      query(`{ facilities(serch: "a") { id } }`, {}, tokens.bpom),
      query(`{ facilities { nmae } }`, {}, tokens.bpom),
      query(`query($t: FacilityType) { facilities(type: $t) { id } }`, { t: 'PHARMACYY' }, tokens.bpom),
    ];
    for (const answer of await Promise.all(misspelt)) {
      expect(answer.json.errors?.length).toBeGreaterThan(0);
      for (const error of answer.json.errors!) {
        expect(error.message).not.toMatch(/did you mean/i);
        expect(error.message).not.toMatch(/"(facilities|search|name|PHARMACY)"/);
      }
    }
  });

  it('with NODE_ENV=development, introspection and suggestions are there', async () => {
    const development = await startTestServer({ NODE_ENV: 'development' });
    try {
      const schema = await post(development.url, { query: INTROSPECTION });
      expect(schema.json.errors).toBeUndefined();
      expect(schema.json.data!.__schema.queryType.name).toBe('Query');
      const misspelt = await post(development.url, { query: '{ facilitiez { id } }' });
      expect(misspelt.json.errors![0]!.message).toMatch(/Did you mean "facilities"\?/);
    } finally {
      await development.close();
    }
  });
});

describe('text arguments', () => {
  it('a NUL character in a search is bad input naming the field, not a server error', async () => {
    const facilities = await query(`query($s: String) { facilities(search: $s) { id } }`, { s: '\u0000x' }, tokens.pbf);
    expect(codesOf(facilities.json)).toEqual(['BAD_USER_INPUT']);
    expect(facilities.json.errors![0]!.extensions!.field).toBe('search');
    expect(facilities.json.errors![0]!.message).toMatch(/search/);
  });

  it('every text argument that reaches SQL refuses NUL the same way', async () => {
    const nul = 'A\u0000B';
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['products', `query($s: String) { products(search: $s) { nie } }`, { s: nul }, tokens.industri],
      ['product', `query($n: String!) { product(nie: $n) { nie } }`, { n: nul }, tokens.industri],
      ['pack', `query($c: String!) { pack(code: $c) { code } }`, { c: `(90)DKL1234567890A1(21)${nul}` }, tokens.industri],
      ['trace', `query($c: String!) { trace(code: $c) { pack { code } } }`, { c: nul }, tokens.bpom],
      ['recallBatch', `mutation($r: String!) { recallBatch(nie: "DKL1234567890A1", batch: "B1", reason: $r) { id } }`, { r: nul }, tokens.bpom],
      ['realisation', `query($f: ReportFilter) { realisation(groupBy: PRODUCT, filter: $f) { key } }`, { f: { province: nul } }, tokens.bpom],
      ['realisation', `query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { key } }`, { f: { nie: 'DKL1234567890A1', batch: nul } }, tokens.bpom],
      ['codeRequest', `query($a: String) { codeRequests(first: 1) { codes(first: 1, after: $a) { totalCount } } }`, { a: nul }, tokens.industri],
      ['parseBarcode', `query($t: String!) { parseBarcode(text: $t) { valid } }`, { t: nul }, tokens.industri],
    ];
    for (const [what, text, variables, token] of cases) {
      const answer = await query(text, variables, token);
      const codes = codesOf(answer.json);
      expect(codes, `${what}: ${JSON.stringify(answer.json.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });
});

describe('code requests of more codes than any batch needs', () => {
  const REQUEST = `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id quantity } }`;
  let nie: string;

  beforeAll(async () => {
    nie = freshNie();
    const created = await query(`mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie, name: `Produk ${nie}`, form: 'Tablet', packaging: 'Dus' } }, tokens.industri);
    expect(created.json.errors).toBeUndefined();
  });

  const request = (quantity: number, unitsPerCase?: number, casesPerPallet?: number) =>
    query(REQUEST, { i: { nie, batch: `C${quantity}`.slice(0, 20), expiry: '2029-08-31', quantity, unitsPerCase, casesPerPallet } }, tokens.industri);

  it('10,000,000 units, one a case and one case a pallet (30 million codes), is refused naming the cap', async () => {
    const answer = await request(10_000_000, 1, 1);
    expect(codesOf(answer.json)).toEqual(['BAD_USER_INPUT']);
    expect(answer.json.errors![0]!.extensions!.field).toBe('quantity');
    expect(answer.json.errors![0]!.message).toMatch(/2,000,000/);
  });

  it('units within the cap whose cases and pallets take the codes past it are refused naming the total', async () => {
    const answer = await request(2_000_000, 1, 1);
    expect(codesOf(answer.json)).toEqual(['BAD_USER_INPUT']);
    expect(answer.json.errors![0]!.message).toMatch(/6,000,000 codes/);
    expect(answer.json.errors![0]!.message).toMatch(/2,500,000/);
  });

  it('the benchmark batch (1,000,000 units, 100 a case, 100 cases a pallet) is still taken', async () => {
    const answer = await request(1_000_000, 100, 100);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data!.requestCodes.quantity).toBe(1_000_000);
  });

  it('uploaded serials are capped the same way', async () => {
    const serials = Array.from({ length: 2_000_001 }, (_, i) => `S${i}`);
    const answer = await query(`mutation($i: SerialUploadInput!) { uploadSerials(input: $i) { accepted } }`, { i: { nie, batch: 'UPLOADCAP', expiry: '2029-08-31', serials } }, tokens.industri);
    expect(codesOf(answer.json)).toEqual(['BAD_USER_INPUT']);
    expect(answer.json.errors![0]!.extensions!.field).toBe('serials');
    expect(answer.json.errors![0]!.message).toMatch(/2,000,000/);
  }, 120_000);
});
