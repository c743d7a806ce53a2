import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Issued, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let admin: string;
let at: Record<'pbf' | 'apotek', string>;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  admin = await server.login('admin@demo.test');
  at = { pbf: await facilityId(server, tokens.industri, 'Nusantara'), apotek: await facilityId(server, tokens.industri, 'Sentosa') };
});
afterAll(async () => {
  await server?.close();
});

const NODE = `id reason severity status resolution code occurrences batch product { nie } facility { id name } assignee { email }
  evidence { kind observation params { name value } code facility }`;
const PAGE = `query($first: Int, $after: String, $filter: AlertFilterInput) {
  alertConnection(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { ${NODE} } } pageInfo { hasNextPage endCursor } } }`;
const ASSIGN = `mutation($ids: [ID!]!, $u: ID) { assignAlerts(ids: $ids, userId: $u) { updated { id status assignee { email } } skipped { id reason } } }`;
const CLOSE = `mutation($ids: [ID!]!, $r: AlertResolution!, $c: String) { closeAlerts(ids: $ids, resolution: $r, comment: $c) { updated { id status resolution } skipped { id reason } } }`;

async function ok(query: string, variables: Record<string, unknown>, token: string) {
  const result = await server.gql(query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

/** Every alert matching `filter`, page by page; checks the pages join up. */
async function allPages(filter: Record<string, unknown>, token = tokens.bpom, first = 2) {
  const nodes: any[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 100; page++) {
    const data: any = await ok(PAGE, { first, after, filter }, token);
    const connection = data.alertConnection;
    total = connection.totalCount;
    expect(connection.edges.length).toBeLessThanOrEqual(first);
    nodes.push(...connection.edges.map((edge: any) => edge.node));
    if (!connection.pageInfo.hasNextPage) break;
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
    after = connection.pageInfo.endCursor;
  }
  expect(nodes.length).toBe(total);
  expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  return nodes;
}

/** `count` codes in transit to the distributor, which the pharmacy then tries to receive: refused, NOT_SHIPPED_TO_YOU. */
async function mistakenReceipt(count: number): Promise<Issued> {
  const issued = await issueCodes(server, tokens, { quantity: count });
  await op.activate(server, tokens.industri, issued.units);
  await op.ship(server, tokens.industri, issued.units, at.pbf);
  const refused = await op.receive(server, tokens.apotek, issued.units);
  expect(refused.rejected.map((r: any) => r.reason)).toEqual(issued.units.map(() => 'NOT_SHIPPED_TO_YOU'));
  return issued;
}

const byBatch = (batch: string) => allPages({ batch });

describe('one alert per refusing movement', () => {
  it('gathers the five codes of one mistaken receipt into one alert, with each code as evidence', async () => {
    const issued = await mistakenReceipt(5);
    const [alert, ...more] = await byBatch(issued.batch);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      reason: 'NOT_SHIPPED_TO_YOU',
      severity: 'MEDIUM',
      status: 'OPEN',
      occurrences: 5,
      batch: issued.batch,
      product: { nie: issued.nie },
      facility: { id: at.apotek },
    });
    expect(alert.evidence).toHaveLength(5);
    expect(alert.evidence.every((e: any) => e.kind === 'MOVEMENT' && e.observation === 'RECEIVED_NOT_SHIPPED')).toBe(true);
    const { data } = await server.gql(`query($c: String!) { pack(code: $c) { code } }`, { c: issued.units[0] }, tokens.bpom);
    expect(alert.code).toBe(data.pack.code);
    expect(new Set(alert.evidence.map((e: any) => e.code)).size).toBe(5);

    // A second mistaken receipt of the same codes is a second movement: a second alert.
    await op.receive(server, tokens.apotek, issued.units.slice(0, 2));
    const again = await byBatch(issued.batch);
    expect(again.map((a) => a.occurrences).sort()).toEqual([2, 5]);
  });

  it('words a shipment’s discrepancy as a code with its figures, not as prose', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    await op.activate(server, tokens.industri, issued.units);
    const { data } = await server.gql(
      `mutation($c: [String!]!, $to: ID!) { ship(codes: $c, to: $to) { shipment { id number } } }`,
      { c: issued.units, to: at.pbf },
      tokens.industri,
    );
    const shipment = data.ship.shipment;
    await ok(`mutation($id: ID!, $c: [String!]) { receiveShipment(id: $id, codes: $c) { accepted } }`, { id: shipment.id, c: issued.units.slice(0, 1) }, tokens.pbf);
    const alerts = await allPages({ reasons: ['SHIPMENT_DISCREPANCY'], facilityId: at.pbf });
    const alert = alerts.find((a) => a.code === shipment.number);
    expect(alert?.evidence[0]).toMatchObject({
      observation: 'SHIPMENT_MISMATCH',
      params: expect.arrayContaining([{ name: 'missingUnits', value: '2' }, { name: 'extraCodes', value: '0' }]),
    });
  });
});

describe('evidence stored before observation codes', () => {
  it('is worded from its reason and detail like new evidence', async () => {
    await server.pool.query(
      `insert into alert (id, reason, code, group_key, evidence)
       values (gen_random_uuid(), 'SHIPMENT_DISCREPANCY', 'SJ-LAMA-1', 'shipment:lama-1',
               '[{"at": "2026-11-01T00:00:00Z", "kind": "MOVEMENT", "detail": "4 units missing, 0 codes extra", "facility": "Gudang"}]')`,
    );
    const alerts = await allPages({ reasons: ['SHIPMENT_DISCREPANCY'] }, tokens.bpom, 50);
    expect(alerts.find((a) => a.code === 'SJ-LAMA-1')?.evidence).toEqual([
      {
        kind: 'MOVEMENT',
        observation: 'SHIPMENT_MISMATCH',
        params: [
          { name: 'missingUnits', value: '4' },
          { name: 'extraCodes', value: '0' },
        ],
        code: null,
        facility: 'Gudang',
      },
    ]);
  });
});

describe('the inbox a page at a time', () => {
  let issued: Issued[];
  beforeAll(async () => {
    issued = [];
    for (let i = 0; i < 3; i++) issued.push(await mistakenReceipt(1 + i));
  });

  it('pages through every alert once, newest first, and counts them all', async () => {
    const everything = await allPages({}, tokens.bpom, 3);
    expect(everything.length).toBeGreaterThanOrEqual(3);
    const ours = everything.filter((a) => issued.some((i) => i.batch === a.batch)).map((a) => a.batch);
    // Raised in order, read newest first.
    expect(ours).toEqual(issued.map((i) => i.batch).reverse());
  });

  it('filters by reason, severity, facility, product, batch, status and days', async () => {
    const batch = issued[1]!.batch;
    const product = (await ok(`query($n: String!) { product(nie: $n) { id } }`, { n: issued[1]!.nie }, tokens.industri)).product.id;
    expect((await allPages({ productId: product })).map((a) => a.batch)).toEqual([batch]);
    expect((await allPages({ batch, reasons: ['NOT_SHIPPED_TO_YOU'], severity: 'MEDIUM', status: 'OPEN', facilityId: at.apotek })).length).toBe(1);
    expect(await allPages({ batch, reasons: ['CLONE_SUSPECTED'] })).toEqual([]);
    expect(await allPages({ batch, severity: 'HIGH' })).toEqual([]);
    expect(await allPages({ batch, facilityId: at.pbf })).toEqual([]);
    expect(await allPages({ batch, status: 'CLOSED' })).toEqual([]);
    // Days are the reporting time zone's (Asia/Jakarta by default), not UTC's.
    const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + offset * 86_400_000));
    expect((await allPages({ batch, from: day(0), to: day(0) })).length).toBe(1);
    expect((await allPages({ batch, from: day(-1), to: day(1) })).length).toBe(1);
    expect(await allPages({ batch, from: '2020-01-01', to: '2020-01-31' })).toEqual([]);
    expect(await allPages({ batch, from: day(1), to: day(1) })).toEqual([]);
    expect(await allPages({ batch, from: day(-1), to: day(-1) })).toEqual([]);
  });

  it('names what is wrong with a filter or a cursor', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ filter: { from: '2026-02-30' } }, /from .* is not a date/],
      [{ filter: { from: '2026-03-02', to: '2026-03-01' } }, /from 2026-03-02 is after to 2026-03-01/],
      [{ filter: { facilityId: 'nope' } }, /facilityId "nope" is not a valid id/],
      [{ after: 'bm9wZQ' }, /is not a cursor from this list/],
      [{ first: 0 }, /first must be 1 to 200/],
    ];
    for (const [variables, message] of cases) {
      const result = await server.gql(PAGE, variables, tokens.bpom);
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const unknown = await server.gql(PAGE, { filter: { reasons: ['BOGUS'] } }, tokens.bpom);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/BOGUS/);
  });

  it('keeps the old list query working', async () => {
    const { alerts } = await ok(`{ alerts(status: OPEN) { id reason code } }`, {}, tokens.bpom);
    expect(alerts.some((a: any) => a.reason === 'NOT_SHIPPED_TO_YOU')).toBe(true);
  });
});

describe('bulk assignment and closing', () => {
  it('assigns and closes many alerts at once, skipping the closed and the unknown', async () => {
    const first = await mistakenReceipt(2);
    const second = await mistakenReceipt(2);
    const ids = [...(await byBatch(first.batch)), ...(await byBatch(second.batch))].map((a) => a.id);
    expect(ids).toHaveLength(2);
    const unknown = '00000000-0000-4000-8000-000000000000';

    const assigned = (await ok(ASSIGN, { ids: [...ids, unknown] }, tokens.bpom)).assignAlerts;
    expect(assigned.updated.map((a: any) => [a.status, a.assignee.email])).toEqual([
      ['ASSIGNED', 'bpom@demo.test'],
      ['ASSIGNED', 'bpom@demo.test'],
    ]);
    expect(assigned.skipped).toEqual([{ id: unknown, reason: 'NOT_FOUND' }]);

    const closed = (await ok(CLOSE, { ids: [ids[0]], r: 'DIVERTED', c: 'Salah kirim, sudah dikembalikan' }, tokens.bpom)).closeAlerts;
    expect(closed.updated).toEqual([{ id: ids[0], status: 'CLOSED', resolution: 'DIVERTED' }]);
    const rest = (await ok(CLOSE, { ids, r: 'FALSE_ALARM' }, admin)).closeAlerts;
    expect(rest.updated.map((a: any) => a.id)).toEqual([ids[1]]);
    expect(rest.skipped).toEqual([{ id: ids[0], reason: 'CLOSED' }]);
    const { alert } = await ok(`query($id: ID!) { alert(id: $id) { status resolution comments { text } } }`, { id: ids[0] }, tokens.bpom);
    expect(alert).toEqual({ status: 'CLOSED', resolution: 'DIVERTED', comments: [{ text: 'Salah kirim, sudah dikembalikan' }] });

    const late = await server.gql(ASSIGN, { ids }, tokens.bpom);
    expect(late.data.assignAlerts).toEqual({ updated: [], skipped: ids.map((id) => ({ id, reason: 'CLOSED' })) });
  });

  it('refuses an empty list, a bad id, too many ids and a user outside BPOM, and changes nothing', async () => {
    const issued = await mistakenReceipt(1);
    const [alert] = await byBatch(issued.batch);
    const pbfUser = (await ok(`{ me { id } }`, {}, tokens.pbf)).me.id;
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [ASSIGN, { ids: [] }, /ids is empty/],
      [ASSIGN, { ids: [alert.id, 'x'] }, /ids "x" is not a valid id/],
      [ASSIGN, { ids: Array.from({ length: 501 }, () => crypto.randomUUID()) }, /at most 500/],
      [ASSIGN, { ids: [alert.id], u: pbfUser }, /is not a BPOM user/],
      [CLOSE, { ids: [alert.id], r: 'FALSE_ALARM', c: ' ' }, /comment/],
    ];
    for (const [query, variables, message] of cases) {
      const result = await server.gql(query, variables, tokens.bpom);
      expect(result.errors?.[0]?.message, JSON.stringify(variables).slice(0, 80)).toMatch(message);
    }
    expect((await byBatch(issued.batch))[0]).toMatchObject({ status: 'OPEN', assignee: null });
  });
});

describe('another organisation’s token', () => {
  it('sees only the alerts about its own products, and may not assign or close any', async () => {
    const issued = await mistakenReceipt(1);
    const [alert] = await byBatch(issued.batch);

    // A second manufacturer, with nothing of its own in the inbox.
    const name = `Pabrik Lain ${randomBytes(3).toString('hex')}`;
    const org = await ok(`mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`, { i: { name, type: 'MANUFACTURER' } }, admin);
    const email = `lain-${randomBytes(4).toString('hex')}@alerts.test`;
    await ok(
      `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
      { i: { email, name: 'Pengguna Lain', password: 'demo12345-lain', role: 'ADMIN', organizationId: org.createOrganization.id } },
      admin,
    );
    const other = await server.login(email, 'demo12345-lain');
    expect((await ok(PAGE, { filter: {} }, other)).alertConnection).toMatchObject({ totalCount: 0, edges: [] });
    expect((await ok(PAGE, { filter: { batch: issued.batch } }, tokens.industri)).alertConnection.totalCount).toBe(1);
    // The industry sees no alert without a product of its own (an unknown code, the ledger).
    const mine = await allPages({}, tokens.industri, 50);
    expect(mine.every((a) => a.product !== null)).toBe(true);

    for (const token of [tokens.industri, tokens.pbf, other]) {
      for (const [query, variables] of [
        [ASSIGN, { ids: [alert.id] }],
        [CLOSE, { ids: [alert.id], r: 'FALSE_ALARM' }],
      ] as const) {
        const result = await server.gql(query, variables, token);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    const distributor = await server.gql(PAGE, {}, tokens.pbf);
    expect(distributor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // BPOM's inspector works alerts, but assigning and closing stays with supervisors and administrators.
    const inspector = await server.login('inspektur@demo.test');
    expect((await server.gql(CLOSE, { ids: [alert.id], r: 'FALSE_ALARM' }, inspector)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await byBatch(issued.batch))[0].status).toBe('OPEN');
  });
});
