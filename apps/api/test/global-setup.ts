import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { RunningDatabase } from '../src/db/embedded.js';

/** The zone the test database's sessions default to. */
export const DATABASE_TIME_ZONE = 'Pacific/Kiritimati';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The ledger's signing key, one for every server of the run. */
    ledgerKeyFile: string;
  }
}

/**
 * A fresh database for this run: on TEST_DATABASE_URL's server when given, else on an
 * embedded PostgreSQL started for the run. Dropped afterwards.
 */
export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= 'warn';
  // Imported here, after LOG_LEVEL is set, since the logger reads it when it is created.
  const { dropDatabase, ensureDatabase, setDatabaseTimeZone, startEmbeddedPostgres } = await import('../src/db/embedded.js');
  let embedded: RunningDatabase | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-test-pg-'));
    embedded = await startEmbeddedPostgres(dataDir);
    serverUrl = embedded.serverUrl;
  }
  const name = `jejak_test_${project.name.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(serverUrl, name);
  // The database speaks in a zone far from both UTC and the reporting zone (UTC+14): a session
  // that does not set UTC, or a day taken from the session's clock, shows up as a wrong date.
  await setDatabaseTimeZone(serverUrl, name, DATABASE_TIME_ZONE);
  project.provide('databaseUrl', databaseUrl);
  const keyDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-test-ledger-'));
  project.provide('ledgerKeyFile', path.join(keyDir, 'ledger-key.pem'));

  return async () => {
    await dropDatabase(serverUrl, name);
    await rm(keyDir, { recursive: true, force: true });
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
