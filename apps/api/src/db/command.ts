import pg from 'pg';
import { loadConfig, type Config } from '../config.js';
import { createPool } from '../shared/db.js';
import { startupSentence } from '../startup-error.js';
import { openDatabase } from './connect.js';

/**
 * The database for a command run beside the server (`npm run reconcile`, `npm run
 * ledger:verify`): DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (stop `npm start`
 * first). Runs `work` with a small pool, then stops what it started and exits with `work`'s
 * code; a failure to open ends with one sentence and exit code 2.
 */
export async function runCommand(work: (pool: pg.Pool, config: Config, databaseUrl: string) => Promise<number>): Promise<never> {
  let opened;
  try {
    const config = loadConfig();
    opened = { config, database: await openDatabase(config) };
  } catch (error) {
    process.stderr.write(`${startupSentence(error)}\n`);
    process.exit(2);
  }
  const pool = createPool(opened.database.url, 4);
  let exitCode = 0;
  try {
    exitCode = await work(pool, opened.config, opened.database.url);
  } catch (error) {
    process.stderr.write(`${startupSentence(error)}\n`);
    exitCode = 2;
  } finally {
    await pool.end();
    await opened.database.embedded?.stop();
  }
  process.exit(exitCode);
}
