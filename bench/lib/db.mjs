// The benchmark's own database: on BENCH_DATABASE_URL's server when set, else on an embedded
// PostgreSQL started in a temporary directory. Dropped (and the server stopped) on cleanup.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onCleanup } from './cleanup.mjs';
import { distModule } from './paths.mjs';
import { say } from './util.mjs';

export async function openDatabase() {
  const { startEmbeddedPostgres, ensureDatabase, dropDatabase } = await import(distModule('db/embedded.js'));
  const { ofRequestSql } = await import(distModule('modules/packs/ranges.js'));
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let kind = 'BENCH_DATABASE_URL';
  if (!serverUrl) {
    kind = 'embedded';
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-bench-pg-'));
    onCleanup('remove the embedded data directory', () => rm(dataDir, { recursive: true, force: true }));
    say(`starting an embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres(dataDir);
    onCleanup('stop the embedded PostgreSQL', () => embedded.stop());
    serverUrl = embedded.serverUrl;
  }
  const name = `jejak_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(serverUrl, name);
  onCleanup(`drop database ${name}`, () => dropDatabase(serverUrl, name));

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  onCleanup('close the benchmark pool', () => pool.end());
  const { rows } = await pool.query(`select current_setting('server_version') as version,
    current_setting('shared_buffers') as shared_buffers, current_setting('max_wal_size') as max_wal_size,
    current_setting('work_mem') as work_mem, current_setting('synchronous_commit') as synchronous_commit`);
  const settings = rows[0];
  const host = new URL(serverUrl);
  const where = kind === 'embedded' ? `embedded PostgreSQL ${settings.version}` : `PostgreSQL ${settings.version} at ${host.host} (BENCH_DATABASE_URL)`;
  // requestPacks: the condition that pack `p` is one of request $1's, as the API reads them.
  return { kind, name, serverUrl, databaseUrl, pool, where, settings, requestPacks: ofRequestSql('p', '$1') };
}
