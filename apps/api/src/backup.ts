import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { runCommand } from './db/command.js';
import { writeBackup } from './modules/operations/backup.js';

/**
 * `npm run backup [-- --out <file>]`: a backup of the database at DATABASE_URL (or of the embedded
 * PostgreSQL under DATA_DIR, with `npm start` stopped) into `<file>` (default
 * `jejak-<time>.backup.gz` here). A running system gives the same at `GET /api/backup`.
 */
const at = process.argv.indexOf('--out');
const out = at >= 0 ? process.argv[at + 1] : `jejak-${new Date().toISOString().replace(/[:.]/g, '-')}.backup.gz`;
await runCommand(async (pool) => {
  if (!out) throw new Error('--out needs a file name');
  const { tables, rows } = await writeBackup(pool, createWriteStream(out, { flags: 'wx' }));
  process.stdout.write(`Backed up ${rows} rows of ${tables} tables to ${out}.\n`);
  return 0;
});
