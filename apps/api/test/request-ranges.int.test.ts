import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../src/db/embedded.js';
import { batchUnitsSql, ofRequestSql } from '../src/modules/packs/ranges.js';
import { startTestServer, type TestServer } from './harness.js';
import { allCodes, demoTokens, issueCodes, op, type Tokens } from './lifecycle-helpers.js';

/**
 * A request's packs found through the range of ids it recorded when issued (the request_ranges
 * migration), a batch's through its requests: requests issued at the same moment, a database of
 * the previous layout moved over, and look-ups that read pack by its primary key.
 */

const serverUrl = Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const name = `${new URL(inject('databaseUrl')).pathname.slice(1)}_ranges`;
const MIGRATION = 'Migration20261130000000_request_ranges';
const PROGRESS = `query($id: ID!) { recall(id: $id) { progress { totalUnits byStatus { status units } } } }`;

afterAll(async () => {
  await dropDatabase(serverUrl, name).catch(() => undefined);
});

const codesByRequest = async (server: TestServer, tokens: Tokens, ids: string[]) =>
  Promise.all(ids.map(async (id) => (await allCodes(server, tokens.industri, id)).map((code) => code.text)));

/** Each request's packs as the table holds them, by `code_request_id`. */
async function packsByRequest(db: pg.Pool, ids: string[]) {
  const { rows } = await db.query<{ request: string; texts: string[] }>(
    `select code_request_id::text as request, array_agg(coalesce(serial, sscc) order by id) as texts
       from pack where code_request_id = any($1::uuid[]) group by 1`,
    [ids],
  );
  return ids.map((id) => rows.find((row) => row.request === id)?.texts ?? []);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/**
 * How the plan of `sql` reads pack, with sequential scans priced out: each scan of pack, its
 * index and the condition bounding it (none when the whole table or index is read).
 */
async function packScans(db: pg.Pool, sql: string) {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query('set local enable_seqscan = off');
    const { rows } = await client.query(`explain (format json) ${sql}`);
    const scans: Array<{ index: string | null; bound: string | null }> = [];
    const walk = (node: PlanNode) => {
      // A bitmap scan names its index, and what bounds it, on the node below it.
      const read = node['Node Type'] === 'Bitmap Heap Scan' ? node.Plans![0]! : node;
      if (node['Relation Name'] === 'pack') scans.push({ index: read['Index Name'] ?? null, bound: read['Index Cond'] ?? null });
      node.Plans?.forEach(walk);
    };
    walk(rows[0]['QUERY PLAN'][0].Plan);
    return scans;
  } finally {
    await client.query('rollback');
    client.release();
  }
}

describe('a request’s packs, by the range of ids it was issued in', () => {
  it('finds each request’s codes and each batch’s units when requests are issued at once; a database of the previous layout moves over', async () => {
    await dropDatabase(serverUrl, name).catch(() => undefined);
    const url = await ensureDatabase(serverUrl, name);
    let server = await startTestServer({}, url);
    const tokens = await demoTokens(server);
    const first = await issueCodes(server, tokens, { quantity: 40, unitsPerCase: 8, casesPerPallet: 2 });
    // Three more requests of the same batch, approved at the same moment.
    const requested = await Promise.all(
      [300, 300, 7].map(async (quantity) => {
        const { data } = await server.gql(
          `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`,
          { i: { nie: first.nie, batch: first.batch, expiry: '2029-08-31', quantity, unitsPerCase: quantity === 7 ? 7 : null } },
          tokens.industri,
        );
        return data.requestCodes.id as string;
      }),
    );
    const approved = await Promise.all(
      requested.map((id) => server.gql(`mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id }, tokens.bpom)),
    );
    expect(approved.map((answer) => answer.data?.approveCodeRequest.status)).toEqual(['ISSUED', 'ISSUED', 'ISSUED']);
    const ids = [first.requestId, ...requested];
    const db = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const expected = await packsByRequest(db, ids);
      expect(expected.map((texts) => texts.length)).toEqual([40 + 5 + 3, 300, 300, 7 + 1]);
      const codes = await codesByRequest(server, tokens, ids);
      expect(codes.map((texts) => texts.length)).toEqual(expected.map((texts) => texts.length));
      for (const [i, texts] of codes.entries()) for (const [j, text] of texts.entries()) expect(text).toContain(expected[i]![j]!);

      // The batch's units, through the four requests: a recall counts every one of them.
      await op.activate(server, tokens.industri, first.units.slice(0, 10));
      const { data } = await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "uji rentang") { id } }`, { n: first.nie, b: first.batch }, tokens.bpom);
      const progress = async () => (await server.gql(PROGRESS, { id: data.recallBatch.id }, tokens.bpom)).data.recall.progress;
      const before = await progress();
      expect(before.totalUnits).toBe(40 + 300 + 300 + 7);
      expect(before.byStatus).toEqual([
        { status: 'ISSUED', units: 40 + 300 + 300 + 7 - 10 },
        { status: 'ACTIVE', units: 10 },
      ]);
      // Requests issued at the same moment have ranges that overlap, as if each range held all four:
      // each request still reads its own codes, and the batch counts each unit once.
      await db.query(
        `update code_request set first_pack_id = r.first_id, last_pack_id = r.last_id
           from (select min(first_pack_id) as first_id, max(last_pack_id) as last_id from code_request where id = any($1::uuid[])) r
          where id = any($1::uuid[])`,
        [ids],
      );
      expect(await codesByRequest(server, tokens, ids)).toEqual(codes);
      expect(await progress()).toEqual(before);
      await server.stop();

      // The layout before the migration: no ranges, the two indexes on pack.
      await db.query(`
        alter table code_request drop column first_pack_id, drop column last_pack_id;
        drop index code_request_batch_index;
        create index pack_code_request_index on pack (code_request_id, id);
        create index pack_batch_index on pack (batch_id);
        delete from mikro_orm_migrations where name = '${MIGRATION}';`);

      server = await startTestServer({}, url);
      const { rows: ranges } = await db.query(
        `select cr.id::text, cr.first_pack_id = min(p.id) and cr.last_pack_id = max(p.id) as exact
           from code_request cr join pack p on p.code_request_id = cr.id where cr.id = any($1::uuid[]) group by cr.id`,
        [ids],
      );
      expect(ranges).toHaveLength(4);
      expect(ranges.every((range) => range.exact)).toBe(true);
      const { rows: indexes } = await db.query(`select indexname from pg_indexes where tablename = 'pack' and indexname in ('pack_code_request_index', 'pack_batch_index')`);
      expect(indexes).toEqual([]);
      expect(await codesByRequest(server, tokens, ids)).toEqual(codes);
      expect(await progress()).toEqual(before);

      // Both look-ups read pack by a range of its primary key; without the ranges nothing bounds the read.
      const request = await packScans(db, `select p.id from pack p where ${ofRequestSql('p', `'${first.requestId}'::uuid`)} order by p.id limit 10`);
      expect(request).toEqual([{ index: 'pack_pkey', bound: expect.stringMatching(/^\(\(id >= .+\) AND \(id <= .+\)\)$/) }]);
      const { rows: batch } = await db.query(`select batch_id::text from code_request where id = $1`, [first.requestId]);
      const units = await packScans(db, `select count(*) from ${batchUnitsSql(`${batch[0].batch_id}::bigint`)} p`);
      expect(units).toEqual([{ index: 'pack_pkey', bound: expect.stringMatching(/id >= cr\.first_pack_id\) AND \(id <= cr\.last_pack_id/) }]);
      const unranged = await packScans(db, `select count(*) from pack p where p.code_request_id = '${first.requestId}'::uuid`);
      expect(unranged.map((scan) => scan.bound)).toEqual([null]);
    } finally {
      await server.stop();
      await db.end();
    }
  });
});
