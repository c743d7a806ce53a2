import { chown, cp, mkdir, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, freePort, startEmbeddedPostgres, type RunningDatabase } from '../src/db/embedded.js';
import { launch, launcherFor, outcome, releaseLauncher, type Launcher } from '../src/db/postgres-process.js';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Tokens } from './lifecycle-helpers.js';

/**
 * Reads from a real streaming replica: a primary and a hot standby started here from the embedded
 * PostgreSQL's own binaries (a base backup with pg_backup_start/stop and a file copy). Public
 * checks, reports and trace read from the replica, a caller reads its own writes, a replica
 * lagging past REPLICA_MAX_LAG_SECONDS or killed is left for the primary, and no call fails.
 */

let dir: string;
let primary: RunningDatabase;
let replica: { child: ChildProcess; url: string; launcher: Launcher } | null = null;
let server: TestServer;
let tokens: Tokens;
let primaryAdmin: pg.Client;
let replicaAdmin: pg.Client;

/** A hot standby of `primary`, from a base backup taken while it runs. */
async function startReplica(primaryCluster: string, primaryUrl: string) {
  const launcher = await launcherFor();
  const cluster = path.join(dir, 'replica');
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    await client.query(`select pg_backup_start('jejak-test-replica', true)`);
    await cp(primaryCluster, cluster, { recursive: true, filter: (source) => !/(postmaster\.(pid|opts)|[/]pg_wal[/].+)$/.test(source) });
    const { rows } = await client.query<{ labelfile: string }>(`select labelfile from pg_backup_stop(false)`);
    await writeFile(path.join(cluster, 'backup_label'), rows[0]!.labelfile);
  } finally {
    await client.end();
  }
  // The WAL written during the copy, for the standby to reach a consistent state.
  await mkdir(path.join(cluster, 'pg_wal', 'archive_status'), { recursive: true });
  for (const file of await readdir(path.join(primaryCluster, 'pg_wal'))) {
    if (/^[0-9A-F]{24}$/.test(file)) await cp(path.join(primaryCluster, 'pg_wal', file), path.join(cluster, 'pg_wal', file));
  }
  const { hostname, port, password, username } = new URL(primaryUrl);
  await writeFile(path.join(cluster, 'standby.signal'), '');
  await appendFile(
    path.join(cluster, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=${hostname} port=${port} user=${username} password=${decodeURIComponent(password)}'\nhot_standby = on\n`,
  );
  if (launcher.user) {
    const own = async (target: string) => {
      await chown(target, launcher.user!.uid, launcher.user!.gid);
      for (const entry of await readdir(target, { withFileTypes: true })) {
        const child = path.join(target, entry.name);
        if (entry.isDirectory()) await own(child);
        else await chown(child, launcher.user!.uid, launcher.user!.gid);
      }
    };
    await own(cluster);
  }
  const replicaPort = await freePort();
  const args = (pgdata: string) => ['-D', pgdata, '-p', String(replicaPort), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  const child = launch(launcher, 'postgres', args, cluster);
  const { ok, lines } = await outcome(child, (line) => line.includes('ready to accept read-only connections'));
  if (!ok) throw new Error(`the replica did not start:\n${lines.join('\n')}`);
  const url = Object.assign(new URL(primaryUrl), { port: String(replicaPort) }).toString();
  return { child, url, launcher };
}

const TRACE = `query($c: String!) { trace(code: $c) { events { type } } }`;
const eventsOf = async (token: string, code: string) =>
  ((await server.gql(TRACE, { c: code }, token)).data?.trace.events as Array<{ type: string }>).map((event) => event.type);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jejak-replica-'));
  primary = await startEmbeddedPostgres(path.join(dir, 'primary'));
  const databaseUrl = await ensureDatabase(primary.serverUrl, 'jejak');
  replica = await startReplica(path.join(dir, 'primary', 'pg'), primary.serverUrl);
  const replicaUrl = Object.assign(new URL(replica.url), { pathname: '/jejak' }).toString();
  primaryAdmin = new pg.Client({ connectionString: databaseUrl });
  replicaAdmin = new pg.Client({ connectionString: replicaUrl });
  await primaryAdmin.connect();
  await replicaAdmin.connect();
  primaryAdmin.on('error', () => undefined);
  replicaAdmin.on('error', () => undefined);
  server = await startTestServer({ DATABASE_REPLICA_URLS: replicaUrl, REPLICA_MAX_LAG_SECONDS: '3' }, databaseUrl);
  tokens = await demoTokens(server);
}, 180_000);

afterAll(async () => {
  await primaryAdmin?.end().catch(() => undefined);
  await replicaAdmin?.end().catch(() => undefined);
  await server?.close();
  if (replica) {
    replica.child.kill('SIGINT');
    await releaseLauncher(replica.launcher);
  }
  await primary?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Reads served by the replica since `since`: its own count of committed read transactions on jejak. */
const replicaReads = async () => Number((await replicaAdmin.query(`select xact_commit from pg_stat_database where datname = 'jejak'`)).rows[0].xact_commit);

describe('reads from a streaming replica', () => {
  it('serves public checks, reports and trace from the replica, and a writer its own writes at once', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 4 });
    await op.activate(server, tokens.industri, issued.units);
    await sleep(1500); // the replica replays the activation, and the activating session's window passes
    const before = await replicaReads();
    const checked = await fetch(`${server.url}/api/verify?code=${encodeURIComponent(issued.units[0]!)}`);
    expect(((await checked.json()) as { verdict: string }).verdict).toBe('GENUINE');
    expect(await eventsOf(tokens.bpom, issued.units[0]!)).toEqual(['ACTIVATED']);
    await server.gql(`query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { activated } }`, { f: { nie: issued.nie } }, tokens.bpom);
    await sleep(600); // pg_stat_database is updated when a backend's statistics are flushed
    expect(await replicaReads()).toBeGreaterThan(before);

    // Replay is held on the replica: another caller sees the replica's past, the writer its own writes.
    await replicaAdmin.query('select pg_wal_replay_pause()');
    try {
      const pbf = await facilityId(server, tokens.industri, 'Nusantara');
      await op.ship(server, tokens.industri, [issued.units[1]!], pbf);
      expect(await eventsOf(tokens.bpom, issued.units[1]!)).toEqual(['ACTIVATED']);
      const { data } = await server.gql(`query($c: String!) { trace(code: $c) { events { type } } }`, { c: issued.units[1] }, tokens.industri);
      expect(data?.trace.events.map((event: { type: string }) => event.type)).toEqual(['ACTIVATED', 'SHIPPED']);
      // Past REPLICA_MAX_LAG_SECONDS (3 s) the replica is left for the primary.
      await sleep(4000);
      expect(await eventsOf(tokens.bpom, issued.units[1]!)).toEqual(['ACTIVATED', 'SHIPPED']);
    } finally {
      await replicaAdmin.query('select pg_wal_replay_resume()');
    }
    await sleep(1500);
    const again = await replicaReads();
    expect(await eventsOf(tokens.bpom, issued.units[1]!)).toEqual(['ACTIVATED', 'SHIPPED']);
    await sleep(600);
    expect(await replicaReads()).toBeGreaterThan(again);
  });

  it('leaves a replica killed mid-run for the primary, and no call fails', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await sleep(1500);
    const answers: number[] = [];
    let stop = false;
    const reader = async () => {
      while (!stop) {
        const trace = await server.gql(TRACE, { c: issued.units[0] }, tokens.bpom);
        answers.push(trace.errors ? 500 : 200);
        const report = await server.gql(`query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { activated } }`, { f: { nie: issued.nie } }, tokens.bpom);
        answers.push(report.errors ? 500 : 200);
      }
    };
    const readers = [reader(), reader()];
    await sleep(300);
    replica!.child.kill('SIGKILL');
    await sleep(1500);
    stop = true;
    await Promise.all(readers);
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    const checked = await fetch(`${server.url}/api/verify?code=${encodeURIComponent(issued.units[1]!)}`);
    expect(((await checked.json()) as { verdict: string }).verdict).toBe('GENUINE');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/jejak_db_replica_lag_seconds\{replica="[^"]+"\} \+Inf/);
  });
});
