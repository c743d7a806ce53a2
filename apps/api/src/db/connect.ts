import type { Config } from '../config.js';
import { ensureDatabase, startEmbeddedPostgres, type RunningDatabase } from './embedded.js';

export interface Database {
  url: string;
  /** The embedded PostgreSQL started for it, if any. */
  embedded: RunningDatabase | null;
}

/** The configured PostgreSQL server, or (without DATABASE_URL) the embedded one under DATA_DIR. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(config.dataDir);
  try {
    return { url: await ensureDatabase(embedded.serverUrl, 'jejak'), embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
