import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { reconcile } from './modules/reports/rebuild.js';
import { SESSION_OPTIONS } from './shared/db.js';
import { startupSentence } from './startup-error.js';

/**
 * `npm run reconcile [-- --fix]`: compares every summary table the reports read with the event
 * log, prints each difference, and exits 1 when there is one. With --fix the tables are rebuilt
 * from the log. Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (stop `npm start` first).
 */
const fix = process.argv.includes('--fix');
async function open() {
  const config = loadConfig();
  return { config, database: await openDatabase(config) };
}
const { config, database } = await open().catch((error: unknown) => {
  process.stderr.write(`${startupSentence(error)}\n`);
  process.exit(2);
});
const pool = new pg.Pool({ connectionString: database.url, max: 2, options: SESSION_OPTIONS });
let exitCode = 0;
try {
  const differences = await reconcile(pool, config.reportTimeZone, { fix });
  if (differences.length === 0) process.stdout.write(`Every summary table agrees with the event log (days in ${config.reportTimeZone}).\n`);
  for (const difference of differences) {
    process.stdout.write(`${difference.table}: ${difference.rows} row(s) differ from the event log\n`);
    for (const sample of difference.samples) {
      process.stdout.write(`  ${JSON.stringify(sample.key)} stored ${JSON.stringify(sample.stored)}, the log says ${JSON.stringify(sample.expected)}\n`);
    }
  }
  if (differences.length && fix) process.stdout.write('The summary tables were rebuilt from the event log.\n');
  else if (differences.length) exitCode = 1;
} finally {
  await pool.end();
  await database.embedded?.stop();
}
process.exit(exitCode);
