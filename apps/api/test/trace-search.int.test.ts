import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Issued, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let at: Record<'pbf' | 'apotek', string>;
let shipped: Issued;
let kept: Issued;

const SEARCH = `query($f: TraceSearchInput!, $first: Int, $after: String) {
  traceSearch(filter: $f, first: $first, after: $after) { edges { cursor node { code batch status product { nie } custodian { id } } } pageInfo { hasNextPage endCursor } } }`;

async function all(filter: Record<string, unknown>, token = tokens.bpom, first = 2): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const result: any = await server.gql(SEARCH, { f: filter, first, after }, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    nodes.push(...result.data.traceSearch.edges.map((edge: any) => edge.node));
    if (!result.data.traceSearch.pageInfo.hasNextPage) break;
    after = result.data.traceSearch.pageInfo.endCursor;
  }
  expect(new Set(nodes.map((node) => node.code)).size).toBe(nodes.length);
  return nodes;
}

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  at = { pbf: await facilityId(server, tokens.industri, 'Nusantara'), apotek: await facilityId(server, tokens.industri, 'Sentosa') };
  shipped = await issueCodes(server, tokens, { quantity: 5 });
  await op.activate(server, tokens.industri, shipped.units);
  await op.ship(server, tokens.industri, shipped.units.slice(0, 3), at.pbf);
  await op.receive(server, tokens.pbf, shipped.units.slice(0, 3));
  kept = await issueCodes(server, tokens, { quantity: 2, nie: shipped.nie });
  await op.activate(server, tokens.industri, kept.units);
});
afterAll(async () => {
  await server?.close();
});

describe('trace search', () => {
  it('finds packs by product, batch and facility, paged, in issue order', async () => {
    const product = (await server.gql(`query($n: String!) { product(nie: $n) { id } }`, { n: shipped.nie }, tokens.industri)).data.product.id;
    expect((await all({ productId: product })).length).toBe(7);
    expect((await all({ batch: shipped.batch })).map((node) => node.batch)).toEqual(Array(5).fill(shipped.batch));
    expect((await all({ productId: product, batch: kept.batch })).length).toBe(2);
    const atDistributor = await all({ productId: product, facilityId: at.pbf });
    expect(atDistributor.length).toBe(3);
    expect(atDistributor.every((node) => node.custodian.id === at.pbf)).toBe(true);
    expect(await all({ productId: product, facilityId: at.apotek })).toEqual([]);
  });

  it('narrows by the days of the events', async () => {
    // Days are the reporting time zone's (Asia/Jakarta by default), not UTC's.
    const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + offset * 86_400_000));
    expect((await all({ batch: shipped.batch, from: day(0), to: day(0) })).length).toBe(5);
    expect(await all({ batch: shipped.batch, from: day(1), to: day(1) })).toEqual([]);
    expect(await all({ batch: shipped.batch, from: '2020-01-01', to: '2020-12-31' })).toEqual([]);
    expect((await all({ batch: shipped.batch, facilityId: at.pbf, from: day(-1), to: day(1) })).length).toBe(3);
  });

  it('shows each organisation only what it may see', async () => {
    // The distributor handled three of the packs; the pharmacy none.
    expect((await all({ batch: shipped.batch }, tokens.pbf)).length).toBe(3);
    expect(await all({ batch: shipped.batch }, tokens.apotek)).toEqual([]);
    expect((await all({ batch: shipped.batch }, tokens.industri)).length).toBe(5);
  });

  it('names what is wrong with a search', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ f: {} }, /Name a product, a batch or a facility/],
      [{ f: { batch: shipped.batch, from: '2026-13-01' } }, /from .* is not a date/],
      [{ f: { batch: shipped.batch, from: '2026-03-02', to: '2026-03-01' } }, /from 2026-03-02 is after to 2026-03-01/],
      [{ f: { facilityId: 'x' } }, /facilityId "x" is not a valid id/],
      [{ f: { batch: shipped.batch }, after: 'bm9wZQ' }, /is not a cursor from traceSearch/],
      [{ f: { batch: shipped.batch }, first: 500 }, /first must be 1 to 200/],
    ];
    for (const [variables, message] of cases) {
      const result = await server.gql(SEARCH, variables, tokens.bpom);
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('who did what and when', () => {
  it('names who reported each event to BPOM and to the organisation that reported it, to no one else', async () => {
    const TRACE = `query($c: String!) { trace(code: $c) { events { type facility { id } recordedBy { kind name } } } }`;
    const code = shipped.units[0]!;
    const bpom = (await server.gql(TRACE, { c: code }, tokens.bpom)).data.trace.events;
    expect(bpom.map((e: any) => e.type)).toEqual(['ACTIVATED', 'SHIPPED', 'RECEIVED']);
    expect(bpom.every((e: any) => e.recordedBy?.kind === 'USER' && /@demo\.test\)$/.test(e.recordedBy.name))).toBe(true);
    const distributor = (await server.gql(TRACE, { c: code }, tokens.pbf)).data.trace.events;
    expect(distributor.map((e: any) => (e.recordedBy ? e.type : null))).toEqual([null, null, 'RECEIVED']);
  });
});
