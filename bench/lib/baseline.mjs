// Raw PostgreSQL baselines, measured on the same server and database as the API figures.
import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { median } from './util.mjs';

const ROWS_PER_CHUNK = 2_000;

/**
 * `count` rows shaped like issued units (product_id, batch_id, code_request_id, level, serial),
 * as COPY text chunks, made before the clock starts.
 */
export function packRowsForCopy(count, { productId = randomUUID(), batchId = '1', requestId = randomUUID() } = {}) {
  const chunks = [];
  for (let done = 0; done < count; done += ROWS_PER_CHUNK) {
    const n = Math.min(ROWS_PER_CHUNK, count - done);
    const hex = randomBytes(8 * n).toString('hex').toUpperCase();
    let text = '';
    for (let i = 0; i < n; i++) text += `${productId}\t${batchId}\t${requestId}\tUNIT\t${hex.slice(16 * i, 16 * i + 15)}\n`;
    chunks.push(Buffer.from(text));
  }
  return chunks;
}

async function copyTimed(pool, sql, chunks) {
  const client = await pool.connect();
  try {
    const start = performance.now();
    await client.query('begin');
    await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
    await client.query('commit');
    return performance.now() - start;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** COPY of issued-unit rows into a fresh table `like pack including all`; ms from the first byte to commit. */
export async function copyPackRows(pool, count) {
  const chunks = packRowsForCopy(count);
  await pool.query('drop table if exists bench_copy_pack');
  await pool.query('create table bench_copy_pack (like pack including all)');
  try {
    return await copyTimed(pool, 'copy bench_copy_pack (product_id, batch_id, code_request_id, level, serial) from stdin', chunks);
  } finally {
    await pool.query('drop table if exists bench_copy_pack');
  }
}

/**
 * COPY of `count` rows of (product int, serial text, batch int, status int, primary key
 * (product, serial)) into a fresh table: the bare work of issuing codes. ms from the first byte
 * to commit.
 */
export async function copyNarrowRows(pool, count) {
  const chunks = [];
  for (let done = 0; done < count; done += ROWS_PER_CHUNK) {
    const n = Math.min(ROWS_PER_CHUNK, count - done);
    const hex = randomBytes(8 * n).toString('hex').toUpperCase();
    let text = '';
    for (let i = 0; i < n; i++) text += `1\t${hex.slice(16 * i, 16 * i + 15)}\t1\t0\n`;
    chunks.push(Buffer.from(text));
  }
  await pool.query('drop table if exists bench_copy_narrow');
  await pool.query('create table bench_copy_narrow (product int, serial text, batch int, status int, primary key (product, serial))');
  try {
    return await copyTimed(pool, 'copy bench_copy_narrow (product, serial, batch, status) from stdin', chunks);
  } finally {
    await pool.query('drop table if exists bench_copy_narrow');
  }
}

/**
 * What the API could reach by COPYing its serials: the same rows COPYed into `pack` itself
 * (its foreign keys and all its indexes), rolled back. ms from the first byte to the end of COPY.
 */
export async function copyIntoPackRolledBack(pool, count, ids) {
  const chunks = packRowsForCopy(count, ids);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const start = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom('copy pack (product_id, batch_id, code_request_id, level, serial) from stdin')));
    return performance.now() - start;
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

/** COPY of the same CSV text into a table of 13 text columns; ms from the first byte to commit. */
export async function copyCsv(pool, csvText, { delimiter = ';', columns = 13 } = {}) {
  const names = Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(', ');
  await pool.query('drop table if exists bench_copy_csv');
  await pool.query(`create table bench_copy_csv (${names})`);
  const buffer = Buffer.from(csvText);
  const chunks = [];
  for (let at = 0; at < buffer.length; at += 64 * 1024) chunks.push(buffer.subarray(at, at + 64 * 1024));
  try {
    return await copyTimed(pool, `copy bench_copy_csv from stdin with (format csv, delimiter '${delimiter}', header true)`, chunks);
  } finally {
    await pool.query('drop table if exists bench_copy_csv');
  }
}

/**
 * One set-based status update of the given packs, rolled back: ms from begin to rollback.
 * `column` is the facility column set with the status (destination_id for a shipment,
 * custodian_id for an activation or a receipt).
 */
export async function updateRolledBack(pool, ids, status, facilityId, column = 'destination_id') {
  const client = await pool.connect();
  try {
    const start = performance.now();
    await client.query('begin');
    const result = await client.query(
      `update pack set status = $2::pack_status, ${column} = $3 where id = any($1::bigint[])`,
      [ids, status, facilityId],
    );
    await client.query('rollback');
    const ms = performance.now() - start;
    if (result.rowCount !== ids.length) throw new Error(`baseline update touched ${result.rowCount} of ${ids.length} packs`);
    return ms;
  } finally {
    client.release();
  }
}

/** The median of a prepared `select … from pack where product_id = $1 and serial = $2`, one call per unit. */
export async function selectBySerial(pool, units) {
  const client = await pool.connect();
  try {
    const times = [];
    const query = { name: 'bench_pack_by_serial', text: 'select id, status, custodian_id, batch_id, parent_id from pack where product_id = $1 and serial = $2' };
    for (const unit of units.slice(0, 5)) await client.query({ ...query, values: [unit.productId, unit.serial] });
    for (const unit of units) {
      const start = performance.now();
      const { rowCount } = await client.query({ ...query, values: [unit.productId, unit.serial] });
      times.push(performance.now() - start);
      if (rowCount !== 1) throw new Error(`no pack ${unit.serial} of product ${unit.productId}`);
    }
    return { median: median(times), times };
  } finally {
    client.release();
  }
}

/** The columns and joins the API's movement rules read for every pack (apps/api/src/modules/packs/pack-rows.ts). */
const PACK_ROW = `
  p.id::text as id, p.xmin::text as xmin, p.level, p.status, p.product_id as "productId",
  pr.registrant_id as "registrantId", p.batch_id::text as "batchId", b.lot,
  to_char(b.expiry, 'YYYY-MM-DD') as expiry, coalesce(b.expiry < current_date, false) as expired,
  b.recalled_at is not null as recalled, p.custodian_id as "custodianId",
  p.destination_id as "destinationId", p.parent_id::text as "parentId",
  p.status_by_id as "statusById", p.status_at as "statusAt", p.milestones
  from pack p left join batch b on b.id = p.batch_id left join product pr on pr.id = p.product_id`;

/**
 * Everything inside a case or pallet read one level at a time (`parent_id = any($1)`, one
 * query per level: two for a pallet), the same rows the API reads before moving them.
 */
export async function contentsLevelByLevel(pool, rootId) {
  const client = await pool.connect();
  try {
    const start = performance.now();
    let frontier = [rootId];
    let count = 0;
    while (frontier.length) {
      const { rows } = await client.query(`select ${PACK_ROW} where p.parent_id = any($1::bigint[])`, [frontier]);
      count += rows.length;
      frontier = rows.filter((row) => row.level !== 'UNIT').map((row) => row.id);
    }
    return { ms: performance.now() - start, count };
  } finally {
    client.release();
  }
}

/**
 * The bare set-based SQL of an activation of `count` codes, on the same server: COPY of the
 * codes into a temporary table, one UPDATE … FROM of a pack-like table (product, serial, status,
 * custodian, time; unique on product and serial; pack's fill factor) and one INSERT … SELECT of
 * a row per code into an event-like table. The table is filled beforehand, untimed; ms from
 * begin to commit.
 */
export async function activationBaseline(pool, count) {
  await pool.query('drop table if exists bench_act_pack, bench_act_event');
  await pool.query(`create table bench_act_pack (id bigint generated always as identity primary key, product int not null, serial text not null,
                    status int not null default 0, custodian int, at timestamptz, unique (product, serial)) with (fillfactor = 70)`);
  await pool.query('create table bench_act_event (pack_id bigint not null, event_id bigint not null)');
  await pool.query(`insert into bench_act_pack (product, serial) select 1, 'S' || lpad(i::text, 12, '0') from generate_series(1, $1) as i`, [count]);
  await pool.query('vacuum analyze bench_act_pack');
  const chunks = [];
  for (let done = 0; done < count; done += ROWS_PER_CHUNK) {
    let text = '';
    for (let i = done + 1; i <= Math.min(count, done + ROWS_PER_CHUNK); i++) text += `1\tS${String(i).padStart(12, '0')}\n`;
    chunks.push(Buffer.from(text));
  }
  const client = await pool.connect();
  try {
    const start = performance.now();
    await client.query('begin');
    await client.query('create temporary table bench_act_codes (product int, serial text) on commit drop');
    await pipeline(Readable.from(chunks), client.query(copyFrom('copy bench_act_codes from stdin')));
    const updated = await client.query(
      `update bench_act_pack p set status = 1, custodian = 1, at = now() from bench_act_codes c where p.product = c.product and p.serial = c.serial`,
    );
    await client.query(`insert into bench_act_event (pack_id, event_id) select p.id, 1 from bench_act_pack p join bench_act_codes c using (product, serial)`);
    await client.query('commit');
    const ms = performance.now() - start;
    if (updated.rowCount !== count) throw new Error(`the baseline activated ${updated.rowCount} of ${count} rows`);
    return ms;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.query('drop table if exists bench_act_pack, bench_act_event');
  }
}
