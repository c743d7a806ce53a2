// Disk bytes per pack and per event row, measured on a database filled in bulk (bench/lib/fill.mjs)
// to SIZES_PACKS packs after the API's migrations: each table with its indexes and TOAST, divided
// by its rows. Run: node bench/sizes.mjs (build first).
import { cleanup, installCleanupHandlers } from './lib/cleanup.mjs';
import { openDatabase } from './lib/db.mjs';
import { fillPacks } from './lib/fill.mjs';
import { startApi } from './lib/api.mjs';
import { envInt, fmtInt, say } from './lib/util.mjs';

const PACKS = envInt('SIZES_PACKS', 1_000_000);
installCleanupHandlers();
try {
  process.env.LOG_LEVEL ??= 'error';
  const db = await openDatabase();
  await startApi(db.databaseUrl); // migrations and demo data
  await fillPacks(db.pool, PACKS);
  await db.pool.query('vacuum analyze');
  const { rows } = await db.pool.query(`
    select c.relname as table, c.reltuples::bigint as rows, pg_relation_size(c.oid) as heap, pg_indexes_size(c.oid) as indexes,
           pg_total_relation_size(c.oid) as total
      from pg_class c where c.relname in ('pack', 'event', 'event_pack', 'ledger_entry') order by c.relname`);
  const by = Object.fromEntries(rows.map((r) => [r.table, r]));
  for (const r of rows) {
    say(`${r.table.padEnd(13)} ${fmtInt(Number(r.rows)).padStart(12)} rows  heap ${fmtInt(r.heap / 1048576)} MB  indexes ${fmtInt(r.indexes / 1048576)} MB  ` +
      `${fmtInt(Number(r.total) / Math.max(1, Number(r.rows)))} bytes a row with its indexes`);
  }
  const packs = Number(by.pack.rows);
  const links = Number(by.event_pack.rows);
  say(`per pack: ${fmtInt(Number(by.pack.total) / packs)} bytes in pack; ${(links / packs).toFixed(1)} event rows a pack, ` +
    `${fmtInt(Number(by.event_pack.total) / links)} bytes each; events themselves ${fmtInt(Number(by.event.total) / packs)} bytes a pack`);
} finally {
  await cleanup();
}
