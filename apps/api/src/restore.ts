import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { runCommand } from './db/command.js';
import { openOrm } from './db/orm.js';
import { migrations } from './migrations/index.js';
import { BackupError, restoreBackup } from './modules/operations/backup.js';

/**
 * `npm run restore -- <file>`: loads a backup (`npm run backup`, `GET /api/backup`) into the
 * database at DATABASE_URL (or the embedded one under DATA_DIR), which must be new and empty:
 * its schema is brought to the backup's migrations, the rows loaded in one transaction, and the
 * next `npm start` applies any newer migrations. Exit 1 with the reason when it cannot.
 */
const file = process.argv[2];
await runCommand(async (pool, _config, databaseUrl) => {
  if (!file) {
    process.stderr.write('usage: npm run restore -- <backup file>\n');
    return 2;
  }
  try {
    const { tables, rows } = await restoreBackup(pool, createReadStream(file), async (names) => {
      const unknown = names.filter((name) => !migrations.some((migration) => migration.name === name));
      if (unknown.length) throw new BackupError(`the backup was made by a newer Jejak (migration ${unknown[0]}): restore it with that version`);
      const orm = await openOrm(databaseUrl, migrations.filter((migration) => names.includes(migration.name)));
      await orm.close();
    });
    process.stdout.write(`Restored ${rows} rows of ${tables} tables from ${file}.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    process.stdout.write(`Not restored: ${(error as Error).message}\n`);
    return 1;
  }
});
