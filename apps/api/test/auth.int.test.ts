import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ME = `{ me { email role organization { id name type } facilities { id name type } } }`;

describe('login and me', () => {
  it.each([
    ['bpom@demo.test', 'SUPERVISOR', 'REGULATOR'],
    ['industri@demo.test', 'ADMIN', 'MANUFACTURER'],
    ['pbf@demo.test', 'ADMIN', 'DISTRIBUTOR'],
    ['apotek@demo.test', 'ADMIN', 'PHARMACY'],
  ])('%s logs in and me answers', async (email, role, type) => {
    const token = await server.login(email);
    const { data, errors } = await server.gql(ME, {}, token);
    expect(errors).toBeUndefined();
    expect(data.me).toMatchObject({ email, role, organization: { type } });
    expect(data.me.facilities.length).toBeGreaterThan(0);
    expect(data.me.facilities.every((f: { type: string }) => f.type === type)).toBe(true);
  });

  it('accepts the email in any case and with spaces around it', async () => {
    await expect(server.login('  BPOM@Demo.Test ')).resolves.toMatch(/^jjs_/);
  });

  const LOGIN = `mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }`;
  it.each([
    ['a wrong password', 'bpom@demo.test', 'wrong-password', 'INVALID_CREDENTIALS'],
    ['an unknown email', 'nobody@demo.test', 'demo12345', 'INVALID_CREDENTIALS'],
    ['an empty email', '', 'demo12345', 'BAD_USER_INPUT'],
    ['an empty password', 'bpom@demo.test', '', 'BAD_USER_INPUT'],
    ['an over-long email', 'x'.repeat(300) + '@demo.test', 'demo12345', 'BAD_USER_INPUT'],
    ['an over-long password', 'bpom@demo.test', 'p'.repeat(10_000), 'BAD_USER_INPUT'],
    ['something that is not an email', 'not-an-email', 'demo12345', 'BAD_USER_INPUT'],
  ])('refuses %s', async (_what, email, password, code) => {
    const result = await server.gql(LOGIN, { e: email, p: password });
    expect(codesOf(result)).toEqual([code]);
    expect(result.data).toBeNull();
  });

  it('refuses a login with a missing argument as a validation error', async () => {
    const result = await server.gql(`mutation { login(email: "bpom@demo.test") { token } }`);
    expect(codesOf(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('tokens', () => {
  it.each([
    ['no token', undefined, 'UNAUTHENTICATED'],
    ['a malformed token', 'not-a-token', 'UNAUTHENTICATED'],
    ['a well-formed but unknown token', 'jjs_' + 'A'.repeat(43), 'UNAUTHENTICATED'],
    ['an unknown API key', 'jjk_' + 'B'.repeat(43), 'UNAUTHENTICATED'],
  ])('me with %s is refused', async (_what, token, code) => {
    expect(codesOf(await server.gql(ME, {}, token))).toEqual([code]);
  });

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const token = await server.login('pbf@demo.test');
    await server.pool.query(
      `update session set expires_at = now() - interval '1 minute'
        where token_hash = sha256(convert_to($1, 'UTF8'))`,
      [token],
    );
    const result = await server.gql(ME, {}, token);
    expect(codesOf(result)).toEqual(['TOKEN_EXPIRED']);
    expect(result.errors![0]!.message).toMatch(/expired/);
  });

  it('ends a login on logout', async () => {
    const token = await server.login('apotek@demo.test');
    expect((await server.gql(`mutation { logout }`, {}, token)).data).toEqual({ logout: true });
    expect(codesOf(await server.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('still answers public and malformed requests with their own codes', async () => {
    expect(codesOf(await server.gql(`{ me { email `))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codesOf(await server.gql(`{ noSuchField }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/not valid JSON/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a GraphQL body over 50 MB from its declared length, before reading it', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ errors: [{ message: 'The request body is over 50 MB', extensions: { code: 'BAD_REQUEST' } }] });
  });

  /** A raw POST /graphql: `chunks` are written one by one (chunked, no declared length). */
  function post(headers: Record<string, string>, chunks: Buffer[]) {
    return new Promise<{ status: number; body: any }>((resolve, reject) => {
      const request = http.request(`${server.url}/graphql`, { method: 'POST', headers });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      request.on('error', reject);
      for (const chunk of chunks) request.write(chunk);
      request.end();
    });
  }
  const PING = JSON.stringify({ query: '{ __typename }' });

  it('reads a streamed body to its end before refusing it as too large', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    const { status, body } = await post({ 'content-type': 'application/json' }, Array.from({ length: 51 }, () => megabyte));
    expect(status).toBe(413);
    expect(body.errors[0].message).toBe('The request body is over 50 MB');
  });

  it('takes gzip, deflate and br bodies and a UTF-8 byte-order mark; refuses other charsets and encodings by name', async () => {
    for (const [encoding, pack] of [['gzip', zlib.gzipSync], ['deflate', zlib.deflateSync], ['br', zlib.brotliCompressSync]] as const) {
      const answer = await post({ 'content-type': 'application/json', 'content-encoding': encoding }, [pack(Buffer.from(PING))]);
      expect(answer, encoding).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    }
    expect(await post({ 'content-type': 'application/json; charset=utf-8' }, [Buffer.from('\ufeff' + PING)])).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    const latin1 = await post({ 'content-type': 'application/json; charset=latin1' }, [Buffer.from(PING)]);
    expect(latin1.status).toBe(415);
    expect(latin1.body.errors[0].message).toBe('The body must be UTF-8, not latin1');
    const zip = await post({ 'content-type': 'application/json', 'content-encoding': 'zip' }, [Buffer.from(PING)]);
    expect(zip.status).toBe(415);
    expect(zip.body.errors[0].message).toMatch(/Content-Encoding "zip" is not taken/);
    const broken = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, [Buffer.from('not gzip at all')]);
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].message).toMatch(/could not be read/);
  });
});

describe('API keys', () => {
  it('work until revoked, then are refused', async () => {
    const admin = await server.login('industri@demo.test');
    const created = await server.gql(
      `mutation { createApiKey(name: "ERP pabrik") { secret apiKey { id name prefix revokedAt } } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret).toMatch(/^jjk_/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const asKey = await server.gql(`{ me { email } facilities(type: DISTRIBUTOR) { name } }`, {}, secret);
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data.me).toBeNull();
    expect(asKey.data.facilities.length).toBeGreaterThanOrEqual(2);

    const listed = await server.gql(`{ apiKeys { id lastUsedAt } }`, {}, admin);
    expect(listed.data.apiKeys.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt).not.toBeNull();

    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, admin);
    expect(revoked.data.revokeApiKey.revokedAt).not.toBeNull();
    const after = await server.gql(`{ facilities { name } }`, {}, secret);
    expect(codesOf(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.errors![0]!.message).toMatch(/revoked/);
  });

  it('cannot be revoked by another organisation', async () => {
    const industry = await server.login('industri@demo.test');
    const { data } = await server.gql(`mutation { createApiKey(name: "WMS") { apiKey { id } } }`, {}, industry);
    const pbf = await server.login('pbf@demo.test');
    const result = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: data.createApiKey.apiKey.id }, pbf);
    expect(codesOf(result)).toEqual(['NOT_FOUND']);
  });

  it('refuses an empty or over-long name', async () => {
    const admin = await server.login('industri@demo.test');
    for (const name of ['', '   ', 'k'.repeat(101)]) {
      const result = await server.gql(`mutation($n: String!) { createApiKey(name: $n) { secret } }`, { n: name }, admin);
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('organisations and users', () => {
  it('lets a BPOM admin create an organisation, a facility and a user who can log in', async () => {
    const admin = await server.login('admin@demo.test');
    const org = await server.gql(
      `mutation($input: OrganizationInput!) { createOrganization(input: $input) { id name type } }`,
      {
        input: {
          name: 'RSUD Kota Bogor',
          type: 'HOSPITAL',
          facility: { name: 'Instalasi Farmasi RSUD Kota Bogor', province: 'Jawa Barat', regency: 'Kota Bogor', latitude: -6.58, longitude: 106.79 },
        },
      },
      admin,
    );
    expect(org.errors).toBeUndefined();
    const user = await server.gql(
      `mutation($input: UserInput!) { createUser(input: $input) { email role } }`,
      { input: { email: 'farmasi@rsud-bogor.test', name: 'Apt. Lina', password: 'rahasia-123', role: 'ADMIN', organizationId: org.data.createOrganization.id } },
      admin,
    );
    expect(user.data.createUser).toEqual({ email: 'farmasi@rsud-bogor.test', role: 'ADMIN' });
    const token = await server.login('farmasi@rsud-bogor.test', 'rahasia-123');
    const me = await server.gql(ME, {}, token);
    expect(me.data.me.organization.type).toBe('HOSPITAL');
    expect(me.data.me.facilities.map((f: { name: string }) => f.name)).toEqual(['Instalasi Farmasi RSUD Kota Bogor']);
  });

  it('refuses a duplicate organisation name and a duplicate email with CONFLICT', async () => {
    const admin = await server.login('admin@demo.test');
    const org = await server.gql(
      `mutation { createOrganization(input: { name: "apotek sehat sentosa", type: PHARMACY }) { id } }`,
      {},
      admin,
    );
    expect(codesOf(org)).toEqual(['CONFLICT']);
    const user = await server.gql(
      `mutation { createUser(input: { email: "PBF@demo.test", name: "X", password: "long-enough", role: VIEWER }) { id } }`,
      {},
      admin,
    );
    expect(codesOf(user)).toEqual(['CONFLICT']);
  });

  it('forbids what a role may not do', async () => {
    const pbf = await server.login('pbf@demo.test');
    const supervisor = await server.login('bpom@demo.test');
    const bpomAdmin = await server.login('admin@demo.test');
    const orgs = await server.gql(`{ organizations { id } }`, {}, pbf);
    expect(codesOf(orgs)).toEqual(['FORBIDDEN']);
    expect(orgs.errors![0]!.message).toMatch(/BPOM/);
    const create = await server.gql(`mutation { createOrganization(input: { name: "PT Baru", type: DISTRIBUTOR }) { id } }`, {}, supervisor);
    expect(codesOf(create)).toEqual(['FORBIDDEN']);
    const { data } = await server.gql(`{ organizations(type: MANUFACTURER) { id } }`, {}, bpomAdmin);
    const foreign = await server.gql(
      `mutation($id: ID!) { createUser(input: { email: "x@y.test", name: "X", password: "long-enough", role: ADMIN, organizationId: $id }) { id } }`,
      { id: data.organizations[0].id },
      pbf,
    );
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);
    const product = await server.gql(`mutation { createProduct(input: { nie: "DKL9999999999A1", name: "X" }) { id } }`, {}, pbf);
    expect(codesOf(product)).toEqual(['FORBIDDEN']);
  });

  it('refuses a pharmacy user with a BPOM-only role, a short password and a malformed id', async () => {
    const admin = await server.login('apotek@demo.test');
    const add = (input: string) => server.gql(`mutation { createUser(input: { ${input} }) { id } }`, {}, admin);
    expect(codesOf(await add(`email: "a@b.test", name: "A", password: "long-enough", role: INSPECTOR`))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await add(`email: "a@b.test", name: "A", password: "short", role: OPERATOR`))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await add(`email: "a@b.test", name: "A", password: "long-enough", role: OPERATOR, organizationId: "1; drop table"`))).toEqual(['BAD_USER_INPUT']);
  });

  it('finds facilities by type and search', async () => {
    const token = await server.login('pbf@demo.test');
    const { data } = await server.gql(`{ facilities(type: PHARMACY, search: "makassar") { name regency province } }`, {}, token);
    expect(data.facilities).toEqual([{ name: 'Apotek Kimia Sejahtera Makassar', regency: 'Kota Makassar', province: 'Sulawesi Selatan' }]);
    const wild = await server.gql(`{ facilities(search: "%") { name } }`, {}, token);
    expect(wild.data.facilities).toEqual([]);
  });
});

describe('health', () => {
  it('answers 200 with JSON once the database is reachable', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
