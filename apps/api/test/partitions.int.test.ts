import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../src/db/embedded.js';
import { ensureHistoryPartitions, MONTHS_AHEAD } from '../src/db/partitions.js';
import { reconcile } from '../src/modules/reports/rebuild.js';
import { startTestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op } from './lifecycle-helpers.js';

/**
 * The event log partitioned by month (the partitioned_history migration): a database of the
 * previous layout moved over without losing a row, a month's query reading one month, a pack's
 * events one partition of each table, and the append-only guard on every partition.
 */

const serverUrl = Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const name = `${new URL(inject('databaseUrl')).pathname.slice(1)}_partitions`;
const MIGRATION = 'Migration20261129110000_partitioned_history';
const TRACE = `query($c: String!) { trace(code: $c) { pack { status custodian { name } } events { id type at recordedAt facility { name } } } }`;

afterAll(async () => {
  await dropDatabase(serverUrl, name).catch(() => undefined);
});

/** `work` with a pool on the scenario's database (made by the first test). */
async function withDatabase(work: (db: pg.Pool) => Promise<void>) {
  const db = new pg.Pool({ connectionString: await ensureDatabase(serverUrl, name), max: 2 });
  try {
    await work(db);
  } finally {
    await db.end();
  }
}

/** Every row of the event log, as text, in a fixed order: equal before and after means nothing was lost or changed. */
async function contents(db: pg.Pool) {
  const { rows } = await db.query<{ events: string; packs: string; count: number; pack_rows: number }>(`
    select (select md5(string_agg(e::text, '|' order by e.id)) from event e) as events,
           (select md5(string_agg(ep.pack_id || ':' || ep.event_id, '|' order by ep.pack_id, ep.event_id)) from event_pack ep) as packs,
           (select count(*)::int from event) as count, (select count(*)::int from event_pack) as pack_rows`);
  return rows[0]!;
}

/**
 * Takes the database back to the layout the previous release left (one `event` and one
 * `event_pack` table, statement triggers, the migration not yet applied), with one more event
 * recorded 14 months ago, as an older database holds.
 */
async function toPreviousLayout(db: pg.Pool, facility: string): Promise<string> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query(`
      create table event_previous (
        id bigint generated always as identity primary key,
        type event_type not null,
        at timestamptz not null default now(),
        recorded_at timestamptz not null default now(),
        facility_id uuid not null references facility (id),
        counterparty_id uuid references facility (id),
        user_id uuid references app_user (id),
        api_key_id uuid references api_key (id),
        source text not null check (source in ('SCAN','CSV','API','EPCIS')),
        latitude double precision,
        longitude double precision,
        reason text,
        parent_id bigint references pack (id),
        units integer not null,
        shipment_id uuid
      )`);
    await client.query(`insert into event_previous overriding system value select * from event`);
    await client.query(`create table event_pack_previous (pack_id bigint not null, event_id bigint not null, primary key (pack_id, event_id))`);
    await client.query(`insert into event_pack_previous select pack_id, event_id from event_pack`);
    await client.query(`select setval(pg_get_serial_sequence('event_previous', 'id'), (select max(id) from event_previous))`);
    const { rows } = await client.query<{ id: string }>(
      `insert into event_previous (type, at, recorded_at, facility_id, source, units)
       values ('AGGREGATED', now() - interval '14 months', now() - interval '14 months', $1, 'API', 0) returning id::text as id`,
      [facility],
    );
    await client.query(`insert into event_pack_previous select id, $1 from pack order by id limit 1`, [rows[0]!.id]);
    await client.query(`drop table event_pack`);
    await client.query(`drop table event`);
    await client.query(`drop function ensure_history_partitions(date, integer)`);
    await client.query(`alter table event_previous rename to event`);
    await client.query(`alter index event_previous_pkey rename to event_pkey`);
    await client.query(`alter sequence event_previous_id_seq rename to event_id_seq`);
    await client.query(`alter table event_pack_previous rename to event_pack`);
    await client.query(`alter index event_pack_previous_pkey rename to event_pack_pkey`);
    await client.query(`create index event_pack_event_brin on event_pack using brin (event_id)`);
    await client.query(`create trigger event_append_only before update or delete on event for each statement execute function refuse_change()`);
    await client.query(`create trigger event_pack_append_only before update or delete on event_pack for each statement execute function refuse_change()`);
    await client.query(`delete from mikro_orm_migrations where name = $1`, [MIGRATION]);
    await client.query('commit');
    return rows[0]!.id;
  } finally {
    client.release();
  }
}

const partitionsOf = async (db: pg.Pool, table: string) =>
  (
    await db.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = $1::regclass order by 1`,
      [table],
    )
  ).rows.map((row) => row.name);

const monthName = (table: string, monthsFromNow: number) => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsFromNow, 1));
  return `${table}_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
};

describe('the event log, partitioned by month', () => {
  it('moves a database of the previous layout over without losing a row; trace, summaries and ledger answer as before', async () => {
    await dropDatabase(serverUrl, name).catch(() => undefined);
    const url = await ensureDatabase(serverUrl, name);
    let server = await startTestServer({}, url);
    const tokens = await demoTokens(server);
    const issued = await issueCodes(server, tokens, { quantity: 12 });
    await op.activate(server, tokens.industri, issued.units);
    const pbf = await facilityId(server, tokens.industri, 'Nusantara');
    await op.ship(server, tokens.industri, issued.units.slice(0, 8), pbf);
    await op.receive(server, tokens.pbf, issued.units.slice(0, 4));
    const code = issued.units[0]!;
    const traced = await server.gql(TRACE, { c: code }, tokens.bpom);
    expect(traced.errors).toBeUndefined();
    expect(traced.data.trace.events.length).toBeGreaterThanOrEqual(3);
    await server.stop();

    const db = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const { rows: facilities } = await db.query(`select id from facility order by name limit 1`);
      const old = await toPreviousLayout(db, facilities[0].id);
      const before = await contents(db);
      expect(await partitionsOf(db, 'event')).toEqual([]);

      server = await startTestServer({}, url);
      try {
        expect(await contents(db)).toEqual(before);
        // The month of the oldest event, and every month from it to MONTHS_AHEAD ahead.
        const months = await partitionsOf(db, 'event');
        expect(months[0]).toBe(monthName('event', -14));
        expect(months.at(-1)).toBe(monthName('event', MONTHS_AHEAD));
        expect(months).toHaveLength(14 + MONTHS_AHEAD + 1);
        expect(await partitionsOf(db, 'event_pack')).toEqual(months.map((month) => month.replace(/^event_/, 'event_pack_')));
        const { rows: placed } = await db.query(`select tableoid::regclass::text as month from event where id = $1`, [old]);
        expect(placed[0].month).toBe(monthName('event', -14));
        const { rows: packPlaced } = await db.query(`select tableoid::regclass::text as month from event_pack where event_id = $1`, [old]);
        expect(packPlaced[0].month).toBe(monthName('event_pack', -14));

        // The same trace; new events continue the ids and land in the current month.
        const again = await server.gql(TRACE, { c: code }, await server.login('bpom@demo.test'));
        expect(again.data).toEqual(traced.data);
        await op.receive(server, await server.login('pbf@demo.test'), issued.units.slice(4, 8));
        const { rows: newest } = await db.query(`select e.id::text, e.tableoid::regclass::text as month from event e order by e.id desc limit 1`);
        expect(BigInt(newest[0].id)).toBeGreaterThan(BigInt(old));
        expect(newest[0].month).toBe(monthName('event', 0));
        expect(await reconcile(server.pool, server.services.clock.timeZone)).toEqual([]);
        // The ledger recomputed over every event: it names the lowest event id with a problem, and
        // names the one of 14 months ago, written around it, the newest of all: nothing else is wrong.
        const ledger = await server.services.ledger.check(server.pool, {});
        expect(ledger).toMatchObject({ ok: false, firstBadEventId: old });
        expect(ledger.problem).toMatch(/never sealed/);
      } finally {
        await server.stop();
      }
    } finally {
      await db.end();
    }
  });

  it('reads one month for a month’s events and one partition of each table for a pack’s events', () =>
    withDatabase(async (db) => {
      const month = monthName('event', 0);
      const { rows: plan } = await db.query(
        `explain (format json) select count(*) from event where recorded_at >= date_trunc('month', now()) and recorded_at < date_trunc('month', now()) + interval '1 month'`,
      );
      const scanned = JSON.stringify(plan[0]['QUERY PLAN']).match(/"Relation Name":"([^"]+)"/g) ?? [];
      expect(scanned.map((found) => found.split(':')[1]!.replace(/"/g, ''))).toEqual([month]);

      // A pack's events as the trace joins them: each event row is found in its own month only.
      const { rows: pack } = await db.query(`select pack_id from event_pack order by pack_id limit 1`);
      const { rows: analysed } = await db.query(
        `explain (analyze, format json) select e.id from event_pack ep join event e on e.id = ep.event_id and e.recorded_at = ep.recorded_at where ep.pack_id = $1`,
        [pack[0].pack_id],
      );
      const text = JSON.stringify(analysed[0]['QUERY PLAN']);
      // Run-time pruning: partitions of event never reached for this pack are reported as removed or never executed.
      expect(text).toMatch(/"Subplans Removed":\d+|"Actual Loops":0/);
    }));

  it('refuses to change any month’s rows, and makes the months ahead once', () =>
    withDatabase(async (db) => {
      const month = monthName('event', 0);
      await expect(db.query(`update ${month} set reason = 'changed'`)).rejects.toThrow(/never updated or deleted/);
      await expect(db.query(`delete from ${month.replace(/^event_/, 'event_pack_')}`)).rejects.toThrow(/never updated or deleted/);
      await expect(db.query(`update event set reason = 'changed'`)).rejects.toThrow(/never updated or deleted/);
      expect(await ensureHistoryPartitions(db)).toBe(0);
      await db.query(`drop table ${monthName('event_pack', MONTHS_AHEAD)}, ${monthName('event', MONTHS_AHEAD)}`);
      expect(await ensureHistoryPartitions(db)).toBe(2);
      expect(await ensureHistoryPartitions(db)).toBe(0);
    }));
});
