import 'reflect-metadata';
import { runCommand } from './db/command.js';
import { AlertService } from './modules/alerts/alert.service.js';
import { LedgerService } from './modules/ledger/ledger.service.js';

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
await runCommand(async (pool, config) => {
  const ledger = new LedgerService(new AlertService(), config.ledgerKeyFile, config.demo);
  await ledger.useKey(pool);
  const result = await ledger.check(pool, { from: option('from'), to: option('to') });
  const span = `${result.from ?? 'the start'} to ${result.to ?? 'today'} (UTC)`;
  if (result.ok) {
    process.stdout.write(`The ledger matches the event log: ${result.checkedEvents} events checked, ${span}.\n`);
    return 0;
  }
  process.stdout.write(`The ledger does not match the event log (${span}, ${result.checkedEvents} events checked): ${result.problem}\n`);
  process.stdout.write(`First event that does not match: ${result.firstBadEventId}\n`);
  return 1;
});
