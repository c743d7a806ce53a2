// Disk bytes per pack and per event, measured on a database filled in bulk after the API's
// migrations: SIZES_PACKS packs (bench/lib/fill.mjs), then SIZES_EVENTS events of one pack each
// with their ledger entries, as a pharmacy's dispenses are written. Each table with its indexes
// and TOAST (a partitioned table: all its partitions), divided by its rows.
// Run: node bench/sizes.mjs (build first).
import { cleanup, installCleanupHandlers } from './lib/cleanup.mjs';
import { openDatabase } from './lib/db.mjs';
import { fillPacks } from './lib/fill.mjs';
import { startApi } from './lib/api.mjs';
import { envInt, fmtInt, say } from './lib/util.mjs';

const PACKS = envInt('SIZES_PACKS', 1_000_000);
const EVENTS = envInt('SIZES_EVENTS', 1_000_000);
const TABLES = ['pack', 'event', 'event_pack', 'ledger_entry'];
installCleanupHandlers();
try {
  process.env.LOG_LEVEL ??= 'error';
  const db = await openDatabase();
  await startApi(db.databaseUrl); // migrations and demo data
  await fillPacks(db.pool, PACKS);
  await fillEvents(db.pool, EVENTS);
  await db.pool.query('vacuum analyze');
  const { rows } = await db.pool.query(
    `select t.name as table, sum(c.reltuples)::bigint as rows, sum(pg_relation_size(c.oid))::bigint as heap,
            sum(pg_indexes_size(c.oid))::bigint as indexes, sum(pg_total_relation_size(c.oid))::bigint as total
       from unnest($1::text[]) as t(name)
      cross join lateral (select relid from pg_partition_tree(t.name::regclass) where isleaf
                          union all select t.name::regclass where not exists (select 1 from pg_partition_tree(t.name::regclass))) as p
       join pg_class c on c.oid = p.relid
      group by t.name order by t.name`,
    [TABLES],
  );
  const by = Object.fromEntries(rows.map((r) => [r.table, r]));
  const perRow = (r) => Number(r.total) / Math.max(1, Number(r.rows));
  for (const r of rows) {
    say(`${r.table.padEnd(13)} ${fmtInt(Number(r.rows)).padStart(12)} rows  heap ${fmtInt(r.heap / 1048576)} MB  indexes ${fmtInt(r.indexes / 1048576)} MB  ` +
      `${fmtInt(perRow(r))} bytes a row with its indexes`);
  }
  const packs = Number(by.pack.rows);
  const links = Number(by.event_pack.rows);
  say(`per pack: ${fmtInt(perRow(by.pack))} bytes in pack; ${(links / packs).toFixed(1)} event rows a pack, ${fmtInt(perRow(by.event_pack))} bytes each`);
  say(`per event: ${fmtInt(perRow(by.event))} bytes in event and ${fmtInt(perRow(by.ledger_entry))} in its ledger entry, ` +
    `${fmtInt(perRow(by.event) + perRow(by.ledger_entry))} in all, besides an event_pack row for each of its packs`);
} finally {
  await cleanup();
}

/**
 * `count` events of one pack each (a dispense at a pharmacy, by a user, with a position), each
 * with its `event_pack` row and a ledger entry of the same shape as a sealed one (its digest made
 * from the id: the ledger is not checked here).
 */
async function fillEvents(pool, count) {
  const { rows } = await pool.query(
    `select (select id from facility order by id limit 1) as facility, (select id from app_user order by id limit 1) as "user",
            (select min(id) from pack) as pack`,
  );
  const { facility, user, pack } = rows[0];
  const CHUNK = 250_000;
  for (let done = 0; done < count; done += CHUNK) {
    const n = Math.min(CHUNK, count - done);
    await pool.query(
      `with e as (
         insert into event (type, at, facility_id, user_id, source, units, latitude, longitude)
         select 'DISPENSED', now() - interval '1 day', $1, $2, 'API', 1, -6.9 - g / 1e7, 107.6 from generate_series(1, $3::int) g
         returning id, recorded_at
       ), linked as (
         insert into event_pack (pack_id, event_id, recorded_at) select $4 + (e.id % 1000), e.id, e.recorded_at from e
       )
       insert into ledger_entry (event_id, chain, seq, sealed_at, digest, previous_event_id)
       select e.id, (e.id % 16)::smallint, e.id, e.recorded_at, sha256(e.id::text::bytea), e.id - 16 from e`,
      [facility, user, n, pack],
    );
    say(`   events: ${fmtInt(done + n)} of ${fmtInt(count)}`);
  }
}
