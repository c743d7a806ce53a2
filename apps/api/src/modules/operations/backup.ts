import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * A backup of a running Jejak: every table of one consistent snapshot (a read-only repeatable-read
 * transaction, so movements go on meanwhile), as gzip'd text. Line 1 is a JSON header (format,
 * time, the migrations applied, the tables); each table follows as a JSON line naming it and its
 * columns, its rows in COPY's text format, and the line `\.`. It holds everything a restored
 * system needs (accounts and their password hashes included), so it is for BPOM's administrators.
 */
export const BACKUP_FORMAT = 'jejak-backup/1';
const END = '\\.';
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables and their stored columns, parents before the tables whose foreign keys name them. */
async function tablesOf(client: PoolClient): Promise<Array<{ table: string; columns: string[] }>> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `select c.table_name as table, array_agg(c.column_name::text order by c.ordinal_position) as columns
       from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> $1 and c.is_generated = 'NEVER'
      group by c.table_name order by c.table_name`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
      where contype = 'f' and connamespace = 'public'::regnamespace and conrelid <> confrelid`,
  );
  const ordered: typeof rows = [];
  const placed = new Set<string>();
  const parentsOf = (table: string) => edges.filter((edge) => edge.child === table || edge.child === ident(table)).map((edge) => edge.parent.replace(/^"|"$/g, ''));
  while (ordered.length < rows.length) {
    const ready = rows.filter((row) => !placed.has(row.table) && parentsOf(row.table).every((parent) => placed.has(parent) || !rows.some((r) => r.table === parent)));
    // A cycle of foreign keys (none today) would leave tables unplaced: take them in name order.
    for (const row of ready.length ? ready : rows.filter((r) => !placed.has(r.table))) {
      ordered.push(row);
      placed.add(row.table);
    }
  }
  return ordered;
}

/** Writes a backup of the database to `out` (gzip'd); resolves once it is all written. */
export async function writeBackup(pool: Pool, out: Writable): Promise<BackupSummary> {
  const client = await pool.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  let rows = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = (await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`)).rows.map((row) => row.name);
    const tables = await tablesOf(client);
    const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables: tables.map((t) => t.table) };
    const write = async (text: string) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const { table, columns } of tables) {
      await write(`${JSON.stringify({ table, columns })}\n`);
      const copy = client.query(copyTo(`copy ${ident(table)} (${columns.map(ident).join(', ')}) to stdout`));
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 10) rows++;
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      await write(`${END}\n`);
    }
    await client.query('commit');
    gzip.end();
    await written;
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy(error as Error);
    await written.catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export class BackupError extends Error {}

/** Reads a backup's lines: the header first, then each table with its rows. */
async function* sections(
  input: Readable,
): AsyncGenerator<{ header: BackupHeader } | { table: string; columns: string[]; lines: AsyncIterable<string>; whole: () => boolean }> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async () => {
    const item = await lines.next();
    return item.done ? null : item.value;
  };
  const first = await next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first ?? '') as BackupHeader;
  } catch {
    throw new BackupError('this is not a Jejak backup: its first line is not the header');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError(`this is not a ${BACKUP_FORMAT} backup (it says ${String(header.format).slice(0, 40)})`);
  yield { header };
  for (let line = await next(); line !== null; line = await next()) {
    const { table, columns } = JSON.parse(line) as { table: string; columns: string[] };
    let ended = false;
    async function* rows() {
      for (let row = await next(); row !== null; row = await next()) {
        if (row === END) {
          ended = true;
          return;
        }
        yield row;
      }
    }
    yield { table, columns, lines: rows(), whole: () => ended };
    if (!ended) throw new BackupError(`the backup ends inside table ${table}: it is cut short`);
  }
}

/**
 * Loads a backup into a database whose schema is at the backup's migrations and which holds no
 * data yet (`migrate` brings it there), in one transaction: all of it or, on any problem, none.
 * Tables are loaded parents first; identity columns continue after the largest value loaded.
 */
export async function restoreBackup(pool: Pool, input: Readable, migrate: (migrations: string[]) => Promise<void>): Promise<BackupSummary> {
  const iterator = sections(input);
  const first = await iterator.next();
  if (first.done || !('header' in first.value)) throw new BackupError('the backup has no header');
  const { header } = first.value;
  await migrate(header.migrations);
  const client = await pool.connect();
  let rows = 0;
  let tables = 0;
  try {
    await client.query('begin');
    if ((await client.query(`select 1 from organization limit 1`)).rows.length) {
      throw new BackupError('the database already holds data: restore into a new, empty database');
    }
    const present = new Set((await tablesOf(client)).map((t) => t.table));
    const missing = header.tables.filter((table) => !present.has(table));
    if (missing.length) throw new BackupError(`the database has no table ${missing.join(', ')}: it is not at the backup's migrations`);
    // Rows the migrations themselves wrote (the ledger's genesis heads) make way for the backup's.
    const filled = [];
    for (const table of header.tables) if ((await client.query(`select 1 from ${ident(table)} limit 1`)).rows.length) filled.push(table);
    if (filled.length) await client.query(`truncate ${filled.map(ident).join(', ')}`);
    // The backup lists parents first: each foreign key finds its row already loaded.
    for (let section = await iterator.next(); !section.done; section = await iterator.next()) {
      if ('header' in section.value) throw new BackupError('the backup has a second header');
      const { table, columns, lines, whole } = section.value;
      if (!present.has(table)) throw new BackupError(`the backup has a table ${table} this database does not`);
      const copy = client.query(copyFrom(`copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      let batch = '';
      for await (const line of lines) {
        batch += `${line}\n`;
        rows++;
        if (batch.length > 1 << 20) {
          if (!copy.write(batch)) await once(copy, 'drain');
          batch = '';
        }
      }
      if (!whole()) {
        copy.destroy();
        await done.catch(() => undefined);
        throw new BackupError(`the backup ends inside table ${table}: it is cut short`);
      }
      copy.end(batch);
      await done.catch((error: Error) => {
        throw new BackupError(`the backup's rows of ${table} cannot be loaded (${error.message}): it is damaged`);
      });
      tables++;
    }
    await client.query(`
      do $$ declare r record; begin
        for r in select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
                   from information_schema.columns c
                  where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null loop
          execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', r.seq, r.column_name, r.table_name);
        end loop;
      end $$`);
    await client.query('commit');
    return { tables, rows };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
