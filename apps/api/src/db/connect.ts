import pg from 'pg';
import type { Config } from '../config.js';
import { StartupError, reasonOf } from '../startup-error.js';
import { ensureDatabase, startEmbeddedPostgres, type RunningDatabase } from './embedded.js';

export interface Database {
  url: string;
  /** The embedded PostgreSQL started for it, if any. */
  embedded: RunningDatabase | null;
}

/** The configured PostgreSQL server, or (without DATABASE_URL) the embedded one under DATA_DIR. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  try {
    return { url: await ensureDatabase(embedded.serverUrl, 'jejak'), embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** Refuses, in words, a DATABASE_URL whose server does not answer or lets nobody in. */
async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    throw new StartupError(
      `Jejak cannot connect to the database at DATABASE_URL (${hostname}:${port || 5432}${pathname}): ${reasonOf(error)}; check DATABASE_URL and that its server is running.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
