import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type GraphQLResponse, type TestServer } from './harness.js';
import { BULK, demoTokens, facilityId, issueCodes, op, packOf, type Tokens } from './lifecycle-helpers.js';

/**
 * The database goes away under the API (a restart, a failover, an administrator ending every
 * session): no call fails on a dead pooled connection. Reads and transactions cut before their
 * commit run again on a fresh connection; what cannot be run again answers UNAVAILABLE (HTTP 503,
 * Retry-After); nothing answers INTERNAL_SERVER_ERROR; the record stays whole (the harness's
 * reconcile and ledger check at the end).
 */

let server: TestServer;
let tokens: Tokens;
let admin: pg.Client;
let pbf: string;

/** Ends every session the server holds on its database, as a restart or failover does. */
async function cutConnections(): Promise<number> {
  const { rows } = await admin.query<{ cut: number }>(
    `select count(*)::int as cut from (select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend') t`,
  );
  return rows[0]!.cut;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: GraphQLResponse;
}

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as GraphQLResponse };
}

async function verify(code: string): Promise<Answer> {
  const response = await fetch(`${server.url}/api/verify?code=${encodeURIComponent(code)}`);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as GraphQLResponse };
}

const TRACE = `query($c: String!) { trace(code: $c) { events { type } } }`;
const ACTIVATE = `mutation($c: [String!]!) { activate(codes: $c) { ${BULK} } }`;
const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

/** Uses every pooled connection, so that each of them is cut. */
async function warmUp(code: string) {
  await Promise.all(Array.from({ length: 12 }, () => post(TRACE, { c: code }, tokens.bpom)));
  await Promise.all(Array.from({ length: 12 }, () => verify(code)));
}

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  pbf = await facilityId(server, tokens.industri, 'Nusantara');
});
afterAll(async () => {
  await admin?.end();
  await server?.close();
});

describe('when every database connection is cut', () => {
  it('answers the reads that come right after', async () => {
    const { units } = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, units);
    await warmUp(units[0]!);
    expect(await cutConnections()).toBeGreaterThan(1);
    const [trace, checked] = await Promise.all([post(TRACE, { c: units[0] }, tokens.bpom), verify(units[1]!)]);
    expect(trace.status).toBe(200);
    expect(trace.body.errors).toBeUndefined();
    expect(trace.body.data.trace.events.map((event: { type: string }) => event.type)).toEqual(['ACTIVATED']);
    expect(checked.status).toBe(200);
    expect((checked.body as unknown as { verdict: string }).verdict).toBe('GENUINE');
  });

  it('applies a movement sent right after, once', async () => {
    const { units } = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, units);
    await warmUp(units[0]!);
    await cutConnections();
    const ship = () => post(`mutation($c: [String!]!, $to: ID!) { ship(codes: $c, to: $to) { ${BULK} } }`, { c: units, to: pbf }, tokens.industri);
    let shipped = await ship();
    if (shipped.status !== 200) {
      // Caught in the cut: a named, retryable refusal, and sent again it lands (or had landed).
      expect(shipped.status).toBe(503);
      expect(codesOf(shipped)).toContain('UNAVAILABLE');
      expect(shipped.retryAfter).toBe('1');
      shipped = await ship();
      expect(shipped.status).toBe(200);
      expect(shipped.body.data.ship.accepted + shipped.body.data.ship.rejected.length).toBe(1);
    } else {
      expect(shipped.body.data.ship).toMatchObject({ accepted: 1, rejected: [] });
    }
    const trace = await post(TRACE, { c: units[0] }, tokens.bpom);
    expect(trace.body.data.trace.events.map((event: { type: string }) => event.type)).toEqual(['ACTIVATED', 'SHIPPED']);
  });

  it('answers UNAVAILABLE with 503 and Retry-After, never INTERNAL_SERVER_ERROR, under repeated cuts; what was written stays whole', async () => {
    const { units } = await issueCodes(server, tokens, { quantity: 120 });
    await op.activate(server, tokens.industri, units.slice(0, 2));
    const outcomes: Answer[] = [];
    const activated = new Map<string, Answer>();
    let stop = false;
    const reader = async () => {
      while (!stop) {
        outcomes.push(await post(TRACE, { c: units[0] }, tokens.bpom));
        outcomes.push(await verify(units[1]!));
      }
    };
    let next = 2;
    const writer = async () => {
      while (!stop && next < units.length) {
        const code = units[next++]!;
        const answer = await post(ACTIVATE, { c: [code] }, tokens.industri);
        activated.set(code, answer);
        outcomes.push(answer);
      }
    };
    const running = [reader(), reader(), writer(), writer()];
    // Eight cuts at least, and on until more than twenty calls have been answered among them,
    // however fast this machine answers (a hundred cuts at most).
    for (let cut = 0; (cut < 8 || outcomes.length <= 20) && cut < 100; cut++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await cutConnections();
    }
    stop = true;
    await Promise.all(running);

    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes.flatMap(codesOf)).not.toContain('INTERNAL_SERVER_ERROR');
    for (const answer of outcomes) {
      if (answer.status === 200) continue;
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.retryAfter).toBe('1');
      expect(codesOf(answer)).toContain('UNAVAILABLE');
      expect(answer.body.errors![0]!.extensions!.retryAfterSeconds).toBe(1);
    }
    // Each activation answered as applied is applied; one answered UNAVAILABLE may have landed
    // or not, and sending it again settles it either way.
    for (const [code, answer] of activated) {
      const pack = await packOf(server, tokens.industri, code);
      if (answer.status === 200) expect(pack.status, code).toBe('ACTIVE');
      else {
        const again = await op.activate(server, tokens.industri, [code]);
        expect(again.accepted + again.rejected.length).toBe(1);
        expect((await packOf(server, tokens.industri, code)).status).toBe('ACTIVE');
      }
    }
    // And once the database is back, the next calls succeed.
    expect((await post(TRACE, { c: units[0] }, tokens.bpom)).status).toBe(200);
    expect((await verify(units[1]!)).status).toBe(200);
  });

  it('answers UNAVAILABLE with 503 and Retry-After while the database refuses connections, and the first call after it is back succeeds', async () => {
    const { units } = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, units.slice(0, 1));
    const database = (await admin.query<{ name: string }>('select current_database() as name')).rows[0]!.name;
    // Only from another database may a database be closed to new sessions.
    const postgres = new pg.Client({ connectionString: Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString() });
    await postgres.connect();
    await postgres.query(`alter database "${database}" allow_connections false`);
    try {
      await cutConnections();
      const answers = [await post(TRACE, { c: units[0] }, tokens.bpom), await post(ACTIVATE, { c: [units[1]] }, tokens.industri), await verify(units[0]!)];
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(503);
        expect(answer.retryAfter).toBe('1');
        expect(codesOf(answer)).toEqual(['UNAVAILABLE']);
        expect(answer.body.errors![0]!.message).toMatch(/database connection was lost/);
      }
    } finally {
      await postgres.query(`alter database "${database}" allow_connections true`);
      await postgres.end();
    }
    const activated = await post(ACTIVATE, { c: [units[1]] }, tokens.industri);
    expect(activated.body.data.activate).toMatchObject({ accepted: 1, rejected: [] });
    expect((await post(TRACE, { c: units[0] }, tokens.bpom)).status).toBe(200);
  });

  it('does not take data that names UNAVAILABLE for a lost connection', async () => {
    const answer = await post(`{ parseBarcode(text: "(10)UNAVAILABLE") { elements { code: value } } }`, {});
    expect(answer.status).toBe(200);
    expect(answer.retryAfter).toBeNull();
    expect(answer.body.errors).toBeUndefined();
  });
});
