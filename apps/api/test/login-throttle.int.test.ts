import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  // Loopback is a trusted proxy here, so each test can speak from addresses of its own.
  server = await startTestServer({ TRUSTED_PROXIES: 'loopback' });
});
afterEach(() => server.setTime(null));
afterAll(async () => {
  await server?.close();
});

async function gql<T = any>(query: string, variables: Record<string, unknown>, address: string, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  expect(codesOf(body), JSON.stringify(body.errors)).not.toContain('INTERNAL_SERVER_ERROR');
  return body;
}

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const login = (email: string, password: string, address: string) => gql(LOGIN, { e: email, p: password }, address);
const wrong = () => `salah-${randomBytes(4).toString('hex')}`;
/** Moves the server's clock `seconds` ahead of now. */
const later = (seconds: number) => server.setTime(new Date(Date.now() + seconds * 1000));

/** Each error's alias, code and wait. */
const result = (answer: GraphQLResponse) =>
  (answer.errors ?? []).map((error) => [(error as { path?: string[] }).path?.[0], error.extensions?.code, error.extensions?.retryAfterSeconds]);

let network = 0;
/** Addresses in a /24 of their own per test: host `n` of it. */
function freshNetwork() {
  const prefix = `172.16.${++network}`;
  return (host: number) => `${prefix}.${host}`;
}

describe('the login throttle', () => {
  it('per account: after 10 failures it waits, refusing even the right password, from any address; the wait grows', async () => {
    const at = freshNetwork();
    const email = 'pbf@demo.test';
    for (let i = 1; i <= 10; i++) expect(codesOf(await login(email, wrong(), at(i)))).toEqual(['INVALID_CREDENTIALS']);
    const throttled = await login(email, 'demo12345', at(100));
    expect(codesOf(throttled)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(throttled.errors![0]!.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 30 });
    expect(throttled.errors![0]!.message).toMatch(/try again in 30 s/);

    // After the wait one more try; failing again, the wait doubles.
    later(31);
    expect(codesOf(await login(email, wrong(), at(101)))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login(email, 'demo12345', at(102))).errors![0]!.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 60 });

    // A success once the wait is over starts the account's count again.
    later(31 + 61);
    expect((await login(email, 'demo12345', at(103))).data?.login.token).toMatch(/^jjs_/);
    for (let i = 0; i < 9; i++) expect(codesOf(await login(email, wrong(), at(110 + i)))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login(email, 'demo12345', at(120))).data?.login.token).toMatch(/^jjs_/);
  });

  it('per account, the same for an email no one has: nothing tells whether it exists', async () => {
    const at = freshNetwork();
    for (let i = 1; i <= 10; i++) expect(codesOf(await login('tidak.ada@demo.test', wrong(), at(i)))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login('tidak.ada@demo.test', wrong(), at(50))).errors![0]!.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 30 });
  });

  it('per address: 10 failures over many accounts make that address wait, not the accounts nor the neighbours', async () => {
    const at = freshNetwork();
    for (let i = 1; i <= 10; i++) expect(codesOf(await login(`tebakan${i}@demo.test`, wrong(), at(1)))).toEqual(['INVALID_CREDENTIALS']);
    const throttled = await login('apotek@demo.test', 'demo12345', at(1));
    expect(throttled.errors![0]!.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 30 });
    // The account itself and the rest of the network are not held back.
    expect((await login('apotek@demo.test', 'demo12345', at(2))).data?.login.token).toMatch(/^jjs_/);
    // A success from the address does not clear its count: only the wait ends.
    later(31);
    expect((await login('apotek@demo.test', 'demo12345', at(1))).data?.login.token).toMatch(/^jjs_/);
    expect(codesOf(await login('tebakan11@demo.test', wrong(), at(1)))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login('apotek@demo.test', 'demo12345', at(1))).errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('per network (/24): a higher threshold, 50 failures from its addresses', async () => {
    const at = freshNetwork();
    for (let host = 1; host <= 50; host++) {
      expect(codesOf(await login(`jaringan${host}@demo.test`, wrong(), at(host)))).toEqual(['INVALID_CREDENTIALS']);
    }
    const throttled = await login('industri@demo.test', 'demo12345', at(200));
    expect(throttled.errors![0]!.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 30 });
    expect((await login('industri@demo.test', 'demo12345', '172.31.0.1')).data?.login.token).toMatch(/^jjs_/);
  });

  it('per IPv6 network (/64)', async () => {
    for (let host = 1; host <= 50; host++) await login(`v6-${host}@demo.test`, wrong(), `2001:db8:77:1::${host.toString(16)}`);
    const throttled = await login('industri@demo.test', 'demo12345', '2001:db8:77:1:ffff::1');
    expect(codesOf(throttled)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect((await login('industri@demo.test', 'demo12345', '2001:db8:77:2::1')).data?.login.token).toMatch(/^jjs_/);
  });

  it('counts every login alias of a request that runs: a wrong password stops the request there', async () => {
    const at = freshNetwork();
    const guesses = () => Array.from({ length: 12 }, (_, i) => `a${i}: login(email: "inspektur@demo.test", password: "${wrong()}") { token }`).join('\n');
    // Mutations run one after another, and a failed login (non-null) ends the request: each
    // request of 12 guesses tries one password, and that one counts.
    for (let i = 1; i <= 10; i++) {
      const result = await gql(`mutation { ${guesses()} }`, {}, at(i));
      expect(result.data).toBeNull();
      expect(result.errors!.map((error) => [(error as { path?: string[] }).path?.[0], error.extensions?.code])).toEqual([['a0', 'INVALID_CREDENTIALS']]);
    }
    const throttled = await gql(`mutation { ${guesses()} }`, {}, at(11));
    expect(result(throttled)).toEqual([['a0', 'TOO_MANY_ATTEMPTS', 30]]);
    // Logins that succeed run on, each counted: the aliases of one request pass the
    // threshold of an address as separate requests would.
    const other = freshNetwork();
    for (let i = 1; i <= 9; i++) await login(`alamat${i}@demo.test`, wrong(), other(1));
    const mixed = await gql(
      `mutation { ok: login(email: "pbf@demo.test", password: "demo12345") { token } bad: login(email: "x@demo.test", password: "${wrong()}") { token } after: login(email: "pbf@demo.test", password: "demo12345") { token } }`,
      {},
      other(1),
    );
    expect(result(mixed)).toEqual([['bad', 'INVALID_CREDENTIALS', undefined]]);
    const right = await gql(`mutation { a: login(email: "pbf@demo.test", password: "demo12345") { token } }`, {}, other(1));
    expect(result(right)).toEqual([['a', 'TOO_MANY_ATTEMPTS', 30]]);
  });

  it('counts the current password of changePassword as a login would', async () => {
    const at = freshNetwork();
    const bpomAdmin = (await login('admin@demo.test', 'demo12345', at(1))).data!.login.token as string;
    const email = `ganti-${randomBytes(3).toString('hex')}@accounts.test`;
    const created = await gql(
      `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
      { i: { email, name: 'Ganti Sandi', password: 'kuda-laut-biru-7', role: 'OPERATOR' } },
      at(1),
      bpomAdmin,
    );
    expect(created.errors).toBeUndefined();
    const token = (await login(email, 'kuda-laut-biru-7', at(2))).data!.login.token as string;
    const CHANGE = `mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "gudang-timur-42") { sessionsEnded } }`;
    for (let i = 0; i < 10; i++) expect(codesOf(await gql(CHANGE, { c: wrong() }, at(10 + i), token))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await gql(CHANGE, { c: 'kuda-laut-biru-7' }, at(30), token))).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(codesOf(await login(email, 'kuda-laut-biru-7', at(31)))).toEqual(['TOO_MANY_ATTEMPTS']);
  });

  it('writes LOGIN_THROTTLED to the audit log: the account’s for its organisation, addresses for BPOM only', async () => {
    const at = freshNetwork();
    for (let i = 1; i <= 10; i++) await login('industri@demo.test', wrong(), at(1));
    const EVENTS = `{ auditEvents(action: LOGIN_THROTTLED, first: 200) { edges { node { targetType targetLabel failures retryAfterSeconds address organization { name } } } } }`;
    later(31);
    const industri = (await login('industri@demo.test', 'demo12345', '172.30.0.1')).data!.login.token as string;
    const own = (await gql(EVENTS, {}, '172.30.0.1', industri)).data.auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(own).toContainEqual({
      targetType: 'ACCOUNT',
      targetLabel: 'industri@demo.test',
      failures: 10,
      retryAfterSeconds: 30,
      address: at(1),
      organization: { name: 'PT Sehat Farma Indonesia' },
    });
    expect(own.every((event: { targetType: string }) => event.targetType === 'ACCOUNT')).toBe(true);
    const bpomAdmin = (await login('admin@demo.test', 'demo12345', '172.30.0.2')).data!.login.token as string;
    const all = (await gql(EVENTS, {}, '172.30.0.2', bpomAdmin)).data.auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(all).toContainEqual({ targetType: 'ADDRESS', targetLabel: at(1), failures: 10, retryAfterSeconds: 30, address: at(1), organization: null });
  });
});
