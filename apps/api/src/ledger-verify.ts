import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { AlertService } from './modules/alerts/alert.service.js';
import { LedgerService } from './modules/ledger/ledger.service.js';
import { SESSION_OPTIONS } from './shared/db.js';
import { startupSentence } from './startup-error.js';

/**
 * `npm run ledger:verify [-- --from YYYY-MM-DD] [-- --to YYYY-MM-DD]`: recomputes the ledger's
 * chains and published roots from the tables, as `verifyLedger` does, prints the result, and
 * exits 1 naming the first event that does not match. Uses DATABASE_URL, or the embedded
 * PostgreSQL under DATA_DIR (stop `npm start` first).
 */
const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? '') : null;
};
async function open() {
  const config = loadConfig();
  return { config, database: await openDatabase(config) };
}
const { config, database } = await open().catch((error: unknown) => {
  process.stderr.write(`${startupSentence(error)}\n`);
  process.exit(2);
});
const pool = new pg.Pool({ connectionString: database.url, max: 4, options: SESSION_OPTIONS });
let exitCode = 0;
try {
  const ledger = new LedgerService(new AlertService(), config.ledgerKeyFile, config.demo);
  await ledger.useKey(pool);
  const result = await ledger.check(pool, { from: option('from'), to: option('to') });
  const span = `${result.from ?? 'the start'} to ${result.to ?? 'today'} (UTC)`;
  if (result.ok) {
    process.stdout.write(`The ledger matches the event log: ${result.checkedEvents} events checked, ${span}.\n`);
  } else {
    process.stdout.write(`The ledger does not match the event log (${span}, ${result.checkedEvents} events checked): ${result.problem}\n`);
    process.stdout.write(`First event that does not match: ${result.firstBadEventId}\n`);
    exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`${startupSentence(error)}\n`);
  exitCode = 2;
} finally {
  await pool.end();
  await database.embedded?.stop();
}
process.exit(exitCode);
