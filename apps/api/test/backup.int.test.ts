import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../src/db/embedded.js';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Tokens } from './lifecycle-helpers.js';
import { MAIN } from './main-process.js';

/**
 * A backup of the running system (`GET /api/backup`), restored with `npm run restore` into a new
 * database, answers the same trace and realisation; its ledger and summaries check out (the
 * harness's close). A restore that cannot be done whole is not done at all.
 */

const RESTORE = path.join(path.dirname(MAIN), 'restore.js');
const serverUrl = Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const base = new URL(inject('databaseUrl')).pathname.slice(1);
const created: string[] = [];
let server: TestServer;
let tokens: Tokens;
let admin: string;
let dir: string;

async function newDatabase(suffix: string): Promise<string> {
  const name = `${base}_${suffix}`;
  await dropDatabase(serverUrl, name).catch(() => undefined);
  created.push(name);
  return ensureDatabase(serverUrl, name);
}

/** `npm run restore -- <file>` against `databaseUrl`: its exit code and what it said. */
async function restore(file: string, databaseUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [RESTORE, file], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
  }
}

const backup = (token?: string) => fetch(`${server.url}/api/backup`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const TRACE = `query($c: String!) { trace(code: $c) { pack { status custodian { name } } events { id type at facility { name } counterparty { name } } } }`;
const REALISATION = `query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { issued activated shippedToDistributor dispensed } }`;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  admin = await server.login('admin@demo.test');
  dir = await mkdtemp(path.join(os.tmpdir(), 'jejak-backup-'));
});
afterAll(async () => {
  await server?.close();
  for (const name of created) await dropDatabase(serverUrl, name).catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('is for BPOM administrators only', async () => {
    expect((await backup()).status).toBe(401);
    for (const who of [tokens.bpom, tokens.industri]) {
      const refused = await backup(who);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('restores a backup of the running system, taken while it works, into a new database that answers the same', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 40 });
    await op.activate(server, tokens.industri, issued.units);
    const pbf = await facilityId(server, tokens.industri, 'Nusantara');
    await op.ship(server, tokens.industri, issued.units.slice(0, 20), pbf);
    await op.receive(server, tokens.pbf, issued.units.slice(0, 10));
    // Movements go on while the backup is read.
    const during = Promise.all(issued.units.slice(20, 30).map((code) => op.ship(server, tokens.industri, [code], pbf)));
    const answer = await backup(admin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/gzip');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="jejak-.+\.backup\.gz"$/);
    const audited = await server.gql(`{ auditEvents(first: 1, action: BACKUP_TAKEN) { edges { node { action targetType } } } }`, {}, admin);
    expect(audited.data.auditEvents.edges[0].node).toEqual({ action: 'BACKUP_TAKEN', targetType: 'DATABASE' });
    const file = path.join(dir, 'running.backup.gz');
    await writeFile(file, Buffer.from(await answer.arrayBuffer()));
    await during;
    const header = JSON.parse(gunzipSync(await readFile(file)).toString('utf8').split('\n', 1)[0]!) as { format: string; tables: string[] };
    expect(header.format).toBe('jejak-backup/1');
    expect(header.tables).toEqual(expect.arrayContaining(['pack', 'event', 'event_pack', 'ledger_entry', 'app_user']));

    const target = await newDatabase('restored');
    const restored = await restore(file, target);
    expect(restored, restored.stdout).toMatchObject({ code: 0 });
    expect(restored.stdout).toMatch(/^Restored \d+ rows of \d+ tables/);

    // The restored system is a copy as of the backup's snapshot: the unit received before it
    // answers the same trace, the batch the same realisation, and it keeps working.
    const copy = await startTestServer({}, target);
    try {
      const code = issued.units[0]!;
      const original = await server.gql(TRACE, { c: code }, tokens.bpom);
      const again = await copy.gql(TRACE, { c: code }, await copy.login('bpom@demo.test'));
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(original.data);
      const filter = { f: { nie: issued.nie } };
      const before = await server.gql(REALISATION, filter, tokens.bpom);
      const after = await copy.gql(REALISATION, filter, await copy.login('bpom@demo.test'));
      expect(after.data.realisation[0]).toMatchObject({ issued: 40, activated: 40 });
      expect(after.data.realisation[0].shippedToDistributor).toBeGreaterThanOrEqual(20);
      expect(after.data.realisation[0].shippedToDistributor).toBeLessThanOrEqual(before.data.realisation[0].shippedToDistributor);
      const more = await op.receive(copy, await copy.login('pbf@demo.test'), issued.units.slice(10, 20));
      expect(more.accepted).toBe(10);
    } finally {
      await copy.close();
    }

    // Into a database that holds data already: refused, nothing changed.
    const twice = await restore(file, target);
    expect(twice.code).toBe(1);
    expect(twice.stdout).toMatch(/already holds data: restore into a new, empty database/);
  });

  it('restores nothing from a backup cut short, missing tables, damaged, or from a file that is none', async () => {
    const gzipped = Buffer.from(await (await backup(admin)).arrayBuffer());
    const whole = gunzipSync(gzipped).toString('utf8');
    const target = await newDatabase('cut');
    const cases: Array<[string, Buffer, RegExp]> = [
      ['mid-table', gzipSync(whole.slice(0, Math.floor(whole.length * 0.6))), /cut short/],
      // At a table's end: the file still lacks its closing line.
      ['at a table end', gzipSync(whole.slice(0, whole.indexOf('\n{"table":"facility"') + 1)), /cut short/],
      ['a table left out', gzipSync(whole.replace(/\{"table":"ledger_check".*?\n\\\.\n/s, '')), /not those its header lists/],
      ['gzip cut', gzipped.subarray(0, Math.floor(gzipped.length / 2)), /cannot be read .*damaged, cut short or not a Jejak backup/],
      ['not gzip', Buffer.from('name,age\nx,1\n'), /cannot be read/],
      ['no header', gzipSync('name,age\nx,1\n'), /first line is not readable/],
    ];
    for (const [name, bytes, says] of cases) {
      const file = path.join(dir, `${name.replace(/\W/g, '-')}.gz`);
      await writeFile(file, bytes);
      const answer = await restore(file, target);
      expect(answer, name).toMatchObject({ code: 1 });
      expect(answer.stdout, name).toMatch(says);
    }
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      expect((await client.query('select count(*)::int as n from organization')).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
    // And the same database then takes the whole backup.
    const file = path.join(dir, 'whole.gz');
    await writeFile(file, gzipped);
    expect(await restore(file, target)).toMatchObject({ code: 0 });
  });

  it('keeps serving when a client leaves in the middle of a backup', async () => {
    const leaving = new AbortController();
    const answer = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${admin}` }, signal: leaving.signal });
    const reader = answer.body!.getReader();
    await reader.read();
    leaving.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);
    expect((await backup(admin)).status).toBe(200);
  });
});
