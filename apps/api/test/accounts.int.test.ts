import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  // Loopback is a trusted proxy here, so each test can speak from an address of its own.
  server = await startTestServer({ TRUSTED_PROXIES: 'loopback' });
});
afterAll(async () => {
  await server?.close();
});

/** GraphQL from `address` (X-Forwarded-For); no answer may ever be an INTERNAL_SERVER_ERROR. */
async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string, address?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Jejak accounts test',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  expect(codesOf(body), JSON.stringify(body.errors)).not.toContain('INTERNAL_SERVER_ERROR');
  return body;
}

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token mustChangePassword user { email } } }`;
const ME = `{ me { email mustChangePassword } }`;
const PASSWORD = 'kuda-laut-biru-7';
/** A fresh client address per call, so that failures in one test never throttle another. */
let lastOctet = 0;
const freshAddress = () => `10.${++lastOctet >> 8}.${lastOctet & 255}.1`;

async function logIn(email: string, password = PASSWORD, address = freshAddress()): Promise<string> {
  const result = await gql(LOGIN, { e: email, p: password }, undefined, address);
  if (!result.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

/** A new user of the admin's organisation (or `organizationId`), with PASSWORD. */
async function newUser(adminToken: string, role = 'OPERATOR', organizationId?: string): Promise<{ id: string; email: string }> {
  const email = `user-${randomBytes(4).toString('hex')}@accounts.test`;
  const result = await gql(
    `mutation($input: UserInput!) { createUser(input: $input) { id email active mustChangePassword } }`,
    { input: { email, name: 'Pengguna Uji', password: PASSWORD, role, organizationId } },
    adminToken,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.createUser).toMatchObject({ email, active: true, mustChangePassword: false });
  return result.data.createUser;
}

const DISABLE = `mutation($id: ID!) { disableUser(id: $id) { id active disabledAt } }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) { id active disabledAt } }`;
const RESET = `mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword expiresAt user { id mustChangePassword } } }`;
const CHANGE = `mutation($c: String, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { sessionsEnded user { mustChangePassword } } }`;
const SESSIONS = `{ mySessions { id createdAt lastUsedAt expiresAt userAgent address current } }`;

/** The audit events an admin reads, newest first. */
async function auditOf(token: string, args = ''): Promise<any[]> {
  const result = await gql(
    `{ auditEvents${args} { edges { node { action actorEmail targetType targetId targetLabel address sessionsEnded expiresAt organization { name } } } } }`,
    {},
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data.auditEvents.edges.map((edge: { node: unknown }) => edge.node);
}

describe('the password policy', () => {
  const CREATE = `mutation($input: UserInput!) { createUser(input: $input) { id } }`;
  it.each([
    ['shorter than 10 characters', 'aaaaaaaa', 'TOO_SHORT'],
    ['the demo password, 9 characters', 'demo12345', 'TOO_SHORT'],
    ['over 256 characters', 'x1'.repeat(129), 'TOO_LONG'],
    ['one character repeated', 'aaaaaaaaaa', 'REPETITIVE'],
    ['a common password', 'password123', 'COMMON'],
    ['a common password in capitals', 'QWERTYUIOP', 'COMMON'],
    ['the email', 'baru.pengguna@accounts.test', 'LIKE_ACCOUNT'],
    ['the name', 'Baru Pengguna', 'LIKE_ACCOUNT'],
  ])('refuses a new user whose password is %s, naming the field and the reason', async (_what, password, reason) => {
    const admin = await logIn('apotek@demo.test', 'demo12345');
    const result = await gql(CREATE, { input: { email: 'baru.pengguna@accounts.test', name: 'Baru Pengguna', password, role: 'VIEWER' } }, admin);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions).toMatchObject({ field: 'password', reason });
    expect(result.errors![0]!.message).toMatch(/^password /);
  });

  it('still lets the demo accounts log in with demo12345: logging in never checks the policy', async () => {
    await expect(logIn('pbf@demo.test', 'demo12345')).resolves.toMatch(/^jjs_/);
  });

  it('applies to a changed password too, and refuses the current one again', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const user = await newUser(admin);
    const token = await logIn(user.email);
    for (const [password, reason] of [['short1', 'TOO_SHORT'], ['1234567890', 'COMMON'], [user.email, 'LIKE_ACCOUNT'], [PASSWORD, 'SAME_AS_CURRENT']]) {
      const result = await gql(CHANGE, { c: PASSWORD, n: password }, token);
      expect(codesOf(result), password).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions).toMatchObject({ field: 'newPassword', reason });
    }
  });
});

describe('disabling and enabling a user', () => {
  it('ends the user’s logins at once and refuses new ones; enabling lets them log in again', async () => {
    const admin = await logIn('pbf@demo.test', 'demo12345');
    const user = await newUser(admin);
    const [first, second] = [await logIn(user.email), await logIn(user.email)];
    expect((await gql(ME, {}, first)).data.me.email).toBe(user.email);

    const disabled = await gql(DISABLE, { id: user.id }, admin);
    expect(disabled.data.disableUser).toMatchObject({ id: user.id, active: false, disabledAt: expect.any(String) });
    for (const token of [first, second]) expect(codesOf(await gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
    const refused = await gql(LOGIN, { e: user.email, p: PASSWORD }, undefined, freshAddress());
    expect(codesOf(refused)).toEqual(['INVALID_CREDENTIALS']);
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'ACCOUNT_DISABLED' });
    // A wrong password says nothing about the account being disabled.
    const wrong = await gql(LOGIN, { e: user.email, p: 'salah-sandi-99' }, undefined, freshAddress());
    expect(wrong.errors![0]!.extensions).toEqual({ code: 'INVALID_CREDENTIALS' });
    // Disabling twice changes nothing more.
    expect((await gql(DISABLE, { id: user.id }, admin)).data.disableUser.active).toBe(false);

    const enabled = await gql(ENABLE, { id: user.id }, admin);
    expect(enabled.data.enableUser).toEqual({ id: user.id, active: true, disabledAt: null });
    // The logins that ended stay ended; a new one works.
    expect(codesOf(await gql(ME, {}, first))).toEqual(['UNAUTHENTICATED']);
    expect((await gql(ME, {}, await logIn(user.email))).data.me.email).toBe(user.email);

    const users = await gql(`{ users { id active } }`, {}, admin);
    expect(users.data.users.find((row: { id: string }) => row.id === user.id)).toEqual({ id: user.id, active: true });
    const events = await auditOf(admin, '(first: 5)');
    expect(events.slice(0, 2)).toMatchObject([
      { action: 'USER_ENABLED', actorEmail: 'pbf@demo.test', targetType: 'USER', targetId: user.id, targetLabel: user.email },
      { action: 'USER_DISABLED', actorEmail: 'pbf@demo.test', targetId: user.id, sessionsEnded: 2, organization: { name: 'PT Nusantara Distribusi Farma' } },
    ]);
  });

  it('refuses an admin disabling or resetting their own account, and a non-admin', async () => {
    const admin = await logIn('apotek@demo.test', 'demo12345');
    const { data } = await gql(`{ me { id } }`, {}, admin);
    for (const mutation of [DISABLE, RESET]) {
      const result = await gql(mutation, { id: data.me.id }, admin);
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe('id');
      expect(result.errors![0]!.message).toMatch(/your own/);
    }
    const operator = await newUser(admin);
    const asOperator = await logIn(operator.email);
    expect(codesOf(await gql(DISABLE, { id: operator.id }, asOperator))).toEqual(['FORBIDDEN']);
    expect(codesOf(await gql(DISABLE, { id: 'not-an-id' }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses another organisation’s admin; a BPOM administrator manages any organisation', async () => {
    const apotek = await logIn('apotek@demo.test', 'demo12345');
    const user = await newUser(apotek);
    const industri = await logIn('industri@demo.test', 'demo12345');
    for (const mutation of [DISABLE, ENABLE, RESET]) {
      const result = await gql(mutation, { id: user.id }, industri);
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
      expect(result.errors![0]!.message).toMatch(/in your organisation/);
    }
    const bpomAdmin = await logIn('admin@demo.test', 'demo12345');
    expect((await gql(DISABLE, { id: user.id }, bpomAdmin)).data.disableUser.active).toBe(false);
    expect((await gql(ENABLE, { id: user.id }, bpomAdmin)).data.enableUser.active).toBe(true);
    // The pharmacy's administrators see what BPOM did to their user.
    const events = await auditOf(apotek, '(first: 2)');
    expect(events).toMatchObject([
      { action: 'USER_ENABLED', actorEmail: 'admin@demo.test', targetId: user.id },
      { action: 'USER_DISABLED', actorEmail: 'admin@demo.test', targetId: user.id },
    ]);
  });
});

describe('a password reset', () => {
  it('gives a temporary password that logs in once, must be changed first, and ends the user’s logins', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const user = await newUser(admin);
    const before = await logIn(user.email);

    const reset = await gql(RESET, { id: user.id }, admin);
    expect(reset.errors).toBeUndefined();
    const { temporaryPassword, expiresAt } = reset.data.resetPassword;
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);
    expect(reset.data.resetPassword.user).toEqual({ id: user.id, mustChangePassword: true });
    expect(codesOf(await gql(ME, {}, before))).toEqual(['UNAUTHENTICATED']);
    // The old password no longer works.
    expect(codesOf(await gql(LOGIN, { e: user.email, p: PASSWORD }, undefined, freshAddress()))).toEqual(['INVALID_CREDENTIALS']);

    const login = await gql(LOGIN, { e: user.email, p: temporaryPassword }, undefined, freshAddress());
    expect(login.data.login).toMatchObject({ mustChangePassword: true, user: { email: user.email } });
    const temporary = login.data.login.token;
    // Once: a second login with it is refused, and says why.
    const again = await gql(LOGIN, { e: user.email, p: temporaryPassword }, undefined, freshAddress());
    expect(codesOf(again)).toEqual(['INVALID_CREDENTIALS']);
    expect(again.errors![0]!.extensions).toMatchObject({ reason: 'TEMPORARY_PASSWORD_USED' });

    // Until it is changed, the login may read who it is and change the password, nothing else.
    expect((await gql(ME, {}, temporary)).data.me).toEqual({ email: user.email, mustChangePassword: true });
    for (const query of [`{ facilities { id } }`, SESSIONS, `{ auditEvents { edges { cursor } } }`]) {
      const refused = await gql(query, {}, temporary);
      expect(codesOf(refused), query).toEqual(['FORBIDDEN']);
      expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const csv = await fetch(`${server.url}/api/csv/movements`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${temporary}` },
      body: 'code,event,to,time\n',
    });
    expect(csv.status).toBe(403);
    expect(await csv.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' } }] });

    // No current password is asked in this login; the temporary one cannot be kept.
    const same = await gql(CHANGE, { n: temporaryPassword }, temporary);
    expect(same.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'SAME_AS_CURRENT' });
    const changed = await gql(CHANGE, { n: 'obat-aman-2026' }, temporary);
    expect(changed.data.changePassword).toEqual({ sessionsEnded: 0, user: { mustChangePassword: false } });
    expect((await gql(`{ facilities(type: MANUFACTURER) { id } }`, {}, temporary)).errors).toBeUndefined();
    expect((await gql(LOGIN, { e: user.email, p: 'obat-aman-2026' }, undefined, freshAddress())).data.login.mustChangePassword).toBe(false);

    const events = await auditOf(admin, '(first: 3)');
    expect(events.map((event) => event.action)).toEqual(['PASSWORD_CHANGED', 'PASSWORD_RESET', 'USER_CREATED']);
    expect(events[0]).toMatchObject({ actorEmail: user.email, targetId: user.id });
    expect(events[1]).toMatchObject({ actorEmail: 'industri@demo.test', targetId: user.id, sessionsEnded: 1 });
  });

  it('refuses a temporary password once it has expired', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const user = await newUser(admin);
    const { data } = await gql(RESET, { id: user.id }, admin);
    await server.pool.query(`update app_user set temporary_password_expires_at = now() - interval '1 minute' where id = $1`, [user.id]);
    const result = await gql(LOGIN, { e: user.email, p: data.resetPassword.temporaryPassword }, undefined, freshAddress());
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'INVALID_CREDENTIALS', reason: 'TEMPORARY_PASSWORD_USED' });
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, ends the other logins and keeps this one', async () => {
    const admin = await logIn('pbf@demo.test', 'demo12345');
    const user = await newUser(admin, 'VIEWER');
    const [other, another, current] = [await logIn(user.email), await logIn(user.email), await logIn(user.email)];

    const missing = await gql(CHANGE, { n: 'gudang-timur-42' }, current);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const wrong = await gql(CHANGE, { c: 'bukan-sandinya', n: 'gudang-timur-42' }, current);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword', reason: 'WRONG_PASSWORD' });

    const changed = await gql(CHANGE, { c: PASSWORD, n: 'gudang-timur-42' }, current);
    expect(changed.data.changePassword).toEqual({ sessionsEnded: 2, user: { mustChangePassword: false } });
    for (const token of [other, another]) expect(codesOf(await gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
    expect((await gql(ME, {}, current)).data.me.email).toBe(user.email);
    expect(codesOf(await gql(LOGIN, { e: user.email, p: PASSWORD }, undefined, freshAddress()))).toEqual(['INVALID_CREDENTIALS']);
    await expect(logIn(user.email, 'gudang-timur-42')).resolves.toMatch(/^jjs_/);
  });

  it('is not for an API key', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const { data } = await gql(`mutation { createApiKey(name: "ERP") { secret } }`, {}, admin);
    const result = await gql(CHANGE, { c: 'apa-saja-123', n: 'apa-saja-456' }, data.createApiKey.secret);
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    expect(codesOf(await gql(SESSIONS, {}, data.createApiKey.secret))).toEqual(['FORBIDDEN']);
  });
});

describe('one’s own logins', () => {
  it('are listed with where they came from, and end one by one or all but this one', async () => {
    const admin = await logIn('apotek@demo.test', 'demo12345');
    const user = await newUser(admin);
    const tokens = [await logIn(user.email, PASSWORD, '203.0.113.9'), await logIn(user.email), await logIn(user.email)];
    const current = tokens[2]!;

    const listed = await gql(SESSIONS, {}, current);
    expect(listed.errors).toBeUndefined();
    const sessions = listed.data.mySessions;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ current: true, userAgent: 'Jejak accounts test', lastUsedAt: expect.any(String) });
    expect(sessions.at(-1)).toMatchObject({ current: false, address: '203.0.113.9' });

    const first = sessions.at(-1).id;
    expect((await gql(`mutation($id: ID!) { endSession(id: $id) }`, { id: first }, current)).data).toEqual({ endSession: true });
    expect(codesOf(await gql(ME, {}, tokens[0]))).toEqual(['UNAUTHENTICATED']);
    // Ended already, or someone else's: not found.
    expect(codesOf(await gql(`mutation($id: ID!) { endSession(id: $id) }`, { id: first }, current))).toEqual(['NOT_FOUND']);
    const someoneElse = await gql(SESSIONS, {}, admin);
    expect(codesOf(await gql(`mutation($id: ID!) { endSession(id: $id) }`, { id: someoneElse.data.mySessions[0].id }, current))).toEqual(['NOT_FOUND']);

    expect((await gql(`mutation { endOtherSessions }`, {}, current)).data).toEqual({ endOtherSessions: 1 });
    expect(codesOf(await gql(ME, {}, tokens[1]))).toEqual(['UNAUTHENTICATED']);
    expect((await gql(SESSIONS, {}, current)).data.mySessions.map((session: { current: boolean }) => session.current)).toEqual([true]);
    expect((await gql(`mutation { endOtherSessions }`, {}, current)).data).toEqual({ endOtherSessions: 0 });

    const events = (await auditOf(admin, '(action: SESSIONS_ENDED, first: 2)')).filter((event) => event.targetId === user.id);
    expect(events.map((event) => event.sessionsEnded)).toEqual([1, 1]);
  });
});

describe('API keys with an expiry', () => {
  const CREATE = `mutation($n: String!, $x: DateTimeISO) { createApiKey(name: $n, expiresAt: $x) { secret apiKey { id expiresAt } } }`;

  it('work until they expire, then are refused with their own message', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await gql(CREATE, { n: 'WMS gudang', x: expiresAt }, admin);
    expect(created.data.createApiKey.apiKey.expiresAt).toBe(expiresAt);
    const { secret, apiKey } = created.data.createApiKey;
    expect((await gql(`{ facilities(type: DISTRIBUTOR) { id } }`, {}, secret)).errors).toBeUndefined();
    const listed = await gql(`{ apiKeys { id expiresAt } }`, {}, admin);
    expect(listed.data.apiKeys.find((key: { id: string }) => key.id === apiKey.id)).toEqual({ id: apiKey.id, expiresAt });

    await server.pool.query(`update api_key set expires_at = now() - interval '1 second' where id = $1`, [apiKey.id]);
    const refused = await gql(`{ facilities { id } }`, {}, secret);
    expect(codesOf(refused)).toEqual(['TOKEN_EXPIRED']);
    expect(refused.errors![0]!.message).toMatch(/^This API key expired at /);

    const events = await auditOf(admin, '(action: API_KEY_CREATED, first: 1)');
    expect(events[0]).toMatchObject({ targetType: 'API_KEY', targetId: apiKey.id, targetLabel: 'WMS gudang', expiresAt });
  });

  it('without an expiry work until revoked, and revoking is audited', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const created = await gql(CREATE, { n: 'Tanpa batas' }, admin);
    expect(created.data.createApiKey.apiKey.expiresAt).toBeNull();
    const id = created.data.createApiKey.apiKey.id;
    await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }, admin);
    await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }, admin);
    const events = (await auditOf(admin, '(action: API_KEY_REVOKED)')).filter((event) => event.targetId === id);
    expect(events).toHaveLength(1);
  });

  it.each([
    ['in the past', -60_000, /not in the future/],
    ['more than 3 years ahead', 3 * 366 * 86_400_000 + 86_400_000, /more than 3 years ahead/],
  ])('refuses an expiry %s', async (_what, offset, message) => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    const result = await gql(CREATE, { n: 'Kunci', x: new Date(Date.now() + offset).toISOString() }, admin);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('expiresAt');
    expect(result.errors![0]!.message).toMatch(message);
  });

  it('refuses an expiry that is not a date', async () => {
    const admin = await logIn('industri@demo.test', 'demo12345');
    expect(codesOf(await gql(CREATE, { n: 'Kunci', x: 'besok' }, admin))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the audit log', () => {
  it('is scoped: an organisation’s administrators read their own; BPOM administrators read all or one', async () => {
    const pbf = await logIn('pbf@demo.test', 'demo12345');
    const created = await newUser(pbf, 'VIEWER');
    const bpomAdmin = await logIn('admin@demo.test', 'demo12345');
    const { data } = await gql(`{ me { organization { id } } }`, {}, pbf);
    const pbfId = data.me.organization.id;

    const own = await auditOf(pbf, '(first: 200)');
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((event) => event.organization?.name))).toEqual(new Set(['PT Nusantara Distribusi Farma']));
    expect(own.find((event) => event.action === 'USER_CREATED' && event.targetId === created.id)).toMatchObject({
      actorEmail: 'pbf@demo.test',
      targetLabel: created.email,
      address: expect.any(String),
    });

    const all = await auditOf(bpomAdmin, '(first: 200)');
    expect(new Set(all.map((event) => event.organization?.name)).size).toBeGreaterThan(1);
    const one = await auditOf(bpomAdmin, `(first: 200, organizationId: "${pbfId}")`);
    expect(one).toEqual(own);

    const industri = await logIn('industri@demo.test', 'demo12345');
    const foreign = await gql(`query($o: ID) { auditEvents(organizationId: $o) { edges { cursor } } }`, { o: pbfId }, industri);
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);
    const supervisor = await logIn('bpom@demo.test', 'demo12345');
    expect(codesOf(await gql(`{ auditEvents { edges { cursor } } }`, {}, supervisor))).toEqual(['FORBIDDEN']);
  });

  it('pages newest first with a cursor', async () => {
    const bpomAdmin = await logIn('admin@demo.test', 'demo12345');
    const PAGE = `query($after: String) { auditEvents(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await gql(PAGE, {}, bpomAdmin)).data.auditEvents;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await gql(PAGE, { after: first.pageInfo.endCursor }, bpomAdmin)).data.auditEvents;
    const ids = [...first.edges, ...second.edges].map((edge: { node: { id: string } }) => Number(edge.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
    expect(codesOf(await gql(PAGE, { after: 'not-a-cursor' }, bpomAdmin))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await gql(`{ auditEvents(first: 1000) { edges { cursor } } }`, {}, bpomAdmin))).toEqual(['BAD_USER_INPUT']);
  });

  it('is append-only: the database refuses to change or delete an event', async () => {
    await expect(server.pool.query(`update audit_event set action = 'USER_CREATED'`)).rejects.toThrow(/append-only/);
    await expect(server.pool.query(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(server.pool.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
  });
});
