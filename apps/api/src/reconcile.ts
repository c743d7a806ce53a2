import 'reflect-metadata';
import { runCommand } from './db/command.js';
import { reconcile } from './modules/reports/rebuild.js';

/**
 * `npm run reconcile [-- --fix]`: compares every summary table the reports read with the event
 * log, prints each difference, and exits 1 when there is one. With --fix the tables are rebuilt
 * from the log. Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (stop `npm start` first).
 */
const fix = process.argv.includes('--fix');
await runCommand(async (pool, config) => {
  const differences = await reconcile(pool, config.reportTimeZone, { fix });
  if (differences.length === 0) process.stdout.write(`Every summary table agrees with the event log (days in ${config.reportTimeZone}).\n`);
  for (const difference of differences) {
    process.stdout.write(`${difference.table}: ${difference.rows} row(s) differ from the event log\n`);
    for (const sample of difference.samples) {
      process.stdout.write(`  ${JSON.stringify(sample.key)} stored ${JSON.stringify(sample.stored)}, the log says ${JSON.stringify(sample.expected)}\n`);
    }
  }
  if (differences.length && fix) process.stdout.write('The summary tables were rebuilt from the event log.\n');
  return differences.length && !fix ? 1 : 0;
});
