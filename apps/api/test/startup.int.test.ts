import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase, freePort } from '../src/db/embedded.js';
import { MAIN, runningAt, startMain, type Ended, type Started } from './main-process.js';

// The built server, as `npm start` runs it: start-up failures end with one sentence, signals quietly.
/** Ctrl-C: a terminal sends SIGINT to every process of the command's group. */
const ctrlC = (started: Started) => process.kill(-started.child.pid!, 'SIGINT');

/** Log lines at level error or above (pino writes JSON lines to stdout). */
const errorLines = (stdout: string) => stdout.split('\n').filter((line) => /^\{.*"level":(5\d|60)\b/.test(line));

/** The ending of a start-up failure: code 1 and one sentence on stderr, no stack. */
function expectOneSentence(ended: Ended, says: RegExp) {
  expect(ended.code, ended.stderr).toBe(1);
  const text = ended.stderr.trimEnd();
  expect(text).not.toContain('\n');
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).toMatch(/^[A-Z].*\.$/);
  expect(text).toMatch(says);
}

/** The modes of `dir` and every directory above it. */
async function modesFrom(dir: string): Promise<string[]> {
  const modes: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    modes.push(`${current} ${((await stat(current)).mode & 0o7777).toString(8)}`);
    if (current === path.dirname(current)) return modes;
  }
}

const serverUrl = () => Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const suffix = randomBytes(4).toString('hex');
const names = { ok: `jejak_startup_${suffix}`, conflict: `jejak_startup_conflict_${suffix}` };
const urls = { ok: '', conflict: '' };
let scratch = '';

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} does not exist: build first (npx turbo run build)`);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'jejak-startup-'));
  urls.ok = await ensureDatabase(serverUrl(), names.ok);
  urls.conflict = await ensureDatabase(serverUrl(), names.conflict);
  // A table the first migration creates: that migration fails.
  const client = new pg.Client({ connectionString: urls.conflict });
  await client.connect();
  await client.query('create table if not exists organization (id int)');
  await client.end();
});

afterAll(async () => {
  for (const name of Object.values(names)) await dropDatabase(serverUrl(), name);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a start-up failure ends with one sentence on stderr and exit code 1', () => {
  it('a PORT that is no port', async () => {
    expectOneSentence(await startMain({ PORT: 'abc' }).ended, /^PORT must be a port number.*"abc"/);
  });

  it('a REPORT_TIME_ZONE that is no time zone', async () => {
    expectOneSentence(await startMain({ REPORT_TIME_ZONE: 'Mars/Base' }).ended, /^REPORT_TIME_ZONE must be a time zone.*"Mars\/Base"/);
  });

  it('a DATABASE_URL nobody answers on', async () => {
    const ended = await startMain({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/jejak` }).ended;
    expectOneSentence(ended, /cannot connect to the database at DATABASE_URL \(127\.0\.0\.1:\d+\/jejak\)/);
  });

  it('a DATA_DIR that cannot be written', async () => {
    const file = path.join(scratch, 'a-file');
    await writeFile(file, '');
    expectOneSentence(await startMain({ DATA_DIR: path.join(file, 'data') }).ended, /^DATA_DIR .*a-file\/data cannot be used/);
  });

  it('an embedded PostgreSQL that cannot start', async () => {
    const dataDir = path.join(scratch, 'broken');
    await mkdir(path.join(dataDir, 'pg'), { recursive: true, mode: 0o700 });
    await writeFile(path.join(dataDir, 'pg', 'PG_VERSION'), '9\n');
    await writeFile(path.join(dataDir, 'pg-password'), 'x\n');
    expectOneSentence(await startMain({ DATA_DIR: dataDir }).ended, /^The embedded PostgreSQL in .*broken\/pg did not start/);
  });

  it('a PORT already in use', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      expectOneSentence(await startMain({ DATABASE_URL: urls.ok, PORT: String(port) }).ended, new RegExp(`^Port ${port} is already in use`));
    } finally {
      taken.close();
    }
  });

  it('a migration that fails', async () => {
    expectOneSentence(await startMain({ DATABASE_URL: urls.conflict }).ended, /^A database migration failed, so nothing was changed \(Migration\w+: relation "organization" already exists\)/);
  });
});

describe('a signal ends the server quietly, with exit code 0', () => {
  /** Asks for a page and the database, so that the pools hold connections when the signal comes. */
  async function use(url: string) {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);
  }

  function expectQuietEnd(ended: Ended) {
    expect(ended.code, ended.stderr + ended.stdout).toBe(0);
    expect(ended.stderr).toBe('');
    expect(errorLines(ended.stdout)).toEqual([]);
    expect(ended.stdout).toContain('"msg":"stopped"');
  }

  it('Ctrl-C on DATABASE_URL', async () => {
    const started = startMain({ DATABASE_URL: urls.ok });
    await use(await runningAt(started));
    ctrlC(started);
    expectQuietEnd(await started.ended);
  });

  it('Ctrl-C on the embedded PostgreSQL, which stops after the API, and no directory above DATA_DIR changes', async () => {
    const closed = await mkdtemp(path.join(scratch, 'closed-'));
    const dataDir = path.join(closed, 'data');
    const before = await modesFrom(closed);
    const started = startMain({ DATA_DIR: dataDir });
    await use(await runningAt(started));
    const pid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    ctrlC(started);
    expectQuietEnd(await started.ended);
    expect(existsSync(`/proc/${pid}`), 'the embedded PostgreSQL has stopped').toBe(false);
    expect(await modesFrom(closed)).toEqual(before);
  });

  it('SIGTERM', async () => {
    const started = startMain({ DATABASE_URL: urls.ok });
    await use(await runningAt(started));
    started.child.kill('SIGTERM');
    expectQuietEnd(await started.ended);
  });
});
