import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { ensureHistoryPartitions } from '../../db/partitions.js';

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
  /** When the oldest event was recorded: the restore makes the event log's months from then on. */
  historyFrom?: string | null;
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables and their stored columns, parents before the tables whose foreign keys name them.
 * A partitioned table counts once, as a whole: its partitions are where its rows are kept.
 */
async function tablesOf(client: PoolClient): Promise<Array<{ table: string; columns: string[] }>> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `select c.table_name as table, array_agg(c.column_name::text order by c.ordinal_position) as columns
       from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> $1 and c.is_generated = 'NEVER' and not k.relispartition
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
  // Fails as soon as `out` does (a client that leaves mid-download): every wait below races it.
  const written = pipeline(gzip, out);
  written.catch(() => undefined);
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), written]);
  };
  let rows = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = (await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`)).rows.map((row) => row.name);
    const tables = await tablesOf(client);
    const { rows: oldest } = await client.query<{ at: Date | null }>(`select min(recorded_at) as at from event`);
    const historyFrom = oldest[0]?.at?.toISOString() ?? null;
    const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables: tables.map((t) => t.table), historyFrom };
    await write(`${JSON.stringify(header)}\n`);
    for (const { table, columns } of tables) {
      await write(`${JSON.stringify({ table, columns })}\n`);
      // A query, which a partitioned table needs and every table takes.
      const copy = client.query(copyTo(`copy (select ${columns.map(ident).join(', ')} from ${ident(table)}) to stdout`));
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 10) rows++;
        await write(chunk);
      }
      await write(`${END}\n`);
    }
    // The last line says the backup is whole: a file cut at a table's end is still refused.
    await write(`${JSON.stringify({ end: BACKUP_FORMAT, tables: tables.length, rows })}\n`);
    await client.query('commit');
    gzip.end();
    await written;
    client.release();
    return { tables: tables.length, rows };
  } catch (error) {
    // The connection is closed, not reused: a COPY cut halfway leaves it mid-protocol, and the
    // server ends the read-only transaction with it.
    client.release(error as Error);
    gzip.destroy();
    throw error;
  }
}

export class BackupError extends Error {}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function readJsonLine<T>(line: string | null, what: string, valid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw new BackupError(`${what} is not readable: the file is damaged or not a Jejak backup`);
  }
  if (!valid(value)) throw new BackupError(`${what} is not as a ${BACKUP_FORMAT} backup writes it`);
  return value;
}

const isHeader = (value: unknown): value is BackupHeader => {
  const header = value as BackupHeader | null;
  return (
    !!header &&
    typeof header === 'object' &&
    header.format === BACKUP_FORMAT &&
    isStrings(header.migrations) &&
    isStrings(header.tables) &&
    (header.historyFrom == null || (typeof header.historyFrom === 'string' && !Number.isNaN(Date.parse(header.historyFrom))))
  );
};
const isTableLine = (value: unknown): value is { table: string; columns: string[] } | { end: string; tables: number; rows: number } => {
  const line = value as Record<string, unknown> | null;
  return !!line && typeof line === 'object' && ((typeof line.table === 'string' && isStrings(line.columns)) || line.end === BACKUP_FORMAT);
};

/** Reads a backup's lines: the header first, then each table with its rows, then its end. */
async function* sections(
  input: Readable,
): AsyncGenerator<{ header: BackupHeader } | { table: string; columns: string[]; lines: AsyncIterable<string>; whole: () => boolean }> {
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  // A file that is not gzip, or whose gzip is cut or damaged, fails the reading of its lines.
  let broken: Error | null = null;
  gunzip.on('error', (error) => (broken = error));
  input.on('error', (error) => (broken = error));
  const next = async () => {
    const item = await lines.next().catch((error: Error) => {
      throw new BackupError(`the file cannot be read (${error.message}): it is damaged, cut short or not a Jejak backup`);
    });
    if (broken) throw new BackupError(`the file cannot be read (${(broken as Error).message}): it is damaged, cut short or not a Jejak backup`);
    return item.done ? null : item.value;
  };
  const header = readJsonLine(await next(), 'its first line', isHeader);
  yield { header };
  const seen: string[] = [];
  for (let line = await next(); line !== null; line = await next()) {
    const section = readJsonLine(line, `the line after table ${seen.at(-1) ?? '(none)'}`, isTableLine);
    if ('end' in section) {
      if (seen.join() !== header.tables.join() || (await next()) !== null) throw new BackupError('its tables are not those its header lists: the file is damaged');
      return;
    }
    const { table, columns } = section;
    seen.push(table);
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
  throw new BackupError(`the backup ends after ${seen.length} of its ${header.tables.length} tables: it is cut short`);
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
  // Checked before anything is migrated: a database in use is left exactly as it is.
  const { rows: used } = await pool.query<{ used: boolean }>(
    `select to_regclass('public.organization') is not null and exists (select 1 from organization) as used`,
  ).catch(async () => pool.query<{ used: boolean }>(`select to_regclass('public.organization') is not null as used`));
  if (used[0]?.used) throw new BackupError('the database already holds data: restore into a new, empty database');
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
    // The event log's months, from the backup's oldest event on, for its rows to land in (a
    // backup from before the log was partitioned restores into the layout it had).
    const { rows: partitioned } = await client.query<{ yes: boolean }>(`select to_regproc('public.ensure_history_partitions') is not null as yes`);
    if (partitioned[0]!.yes) {
      await ensureHistoryPartitions(client, header.historyFrom ?? null);
    }
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
      done.catch(() => undefined); // awaited below; a failure before then is not unhandled
      let batch = '';
      for await (const line of lines) {
        batch += `${line}\n`;
        rows++;
        if (batch.length > 1 << 20) {
          if (!copy.write(batch)) await Promise.race([once(copy, 'drain'), done]);
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
                   from information_schema.columns c join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
                  where c.table_schema = 'public' and not k.relispartition
                    and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null loop
          execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', r.seq, r.column_name, r.table_name);
        end loop;
      end $$`);
    await client.query('commit');
    client.release();
    return { tables, rows };
  } catch (error) {
    // The connection is closed, not rolled back over: a COPY cut halfway leaves it mid-protocol.
    // The server rolls the transaction back as the connection ends.
    client.release(error as Error);
    throw error;
  }
}
