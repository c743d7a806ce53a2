import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../src/db/embedded.js';
import { entriesBetween, type Entry } from '../src/modules/ledger/entries.js';
import { LedgerBroken, utcDay } from '../src/modules/ledger/ledger.service.js';
import { BLOCK_LEAVES, MerkleRoot, MerkleTree } from '../src/modules/ledger/merkle.js';
import { pathByBlock } from '../src/modules/ledger/proofs.js';
import { codesOf, startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Tokens } from './lifecycle-helpers.js';

// Tampering needs a database of its own: the other files' servers share the run's.
const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const VERIFIER = path.resolve(here, '../../../scripts/verify-ledger-proof.mjs');
const CLI = path.resolve(here, '../dist/ledger-verify.js');
const serverUrl = () => Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const name = `jejak_ledger_${randomBytes(4).toString('hex')}`;

let server: TestServer;
let tokens: Tokens;
let url: string;
let raw: pg.Client;
let dir: string;
let warehouse: string;
const today = utcDay(new Date());

const check = async (token = tokens.bpom, args = '') => {
  const result = await server.gql(`{ verifyLedger${args} { ok checkedEvents firstBadEventId problem from to } }`, {}, token);
  return result;
};
const verifyLedger = async (args = '') => {
  const result = await check(tokens.bpom, args);
  expect(result.errors).toBeUndefined();
  return result.data.verifyLedger as { ok: boolean; checkedEvents: number; firstBadEventId: string | null; problem: string | null };
};

/** Runs `work` on the raw connection with the append-only triggers off, as someone with database rights could. */
async function tamper(work: (db: pg.Client) => Promise<unknown>) {
  await raw.query(`set session_replication_role = replica`);
  try {
    await work(raw);
  } finally {
    await raw.query(`set session_replication_role = origin`);
  }
}

const eventCount = async () => Number((await raw.query('select count(*) from event')).rows[0].count);

/** An event of `type` that touched more than one pack. */
async function eventWithPacks(type: string) {
  const { rows } = await raw.query(
    `select e.id::text as id from event e where e.type = $1 and (select count(*) from event_pack ep where ep.event_id = e.id) > 1 order by e.id desc limit 1`,
    [type],
  );
  expect(rows[0], `an ${type} event with packs`).toBeDefined();
  return rows[0].id as string;
}

beforeAll(async () => {
  url = await ensureDatabase(serverUrl(), name);
  server = await startTestServer({}, url);
  tokens = await demoTokens(server);
  raw = new pg.Client({ connectionString: url });
  await raw.connect();
  dir = await mkdtemp(path.join(os.tmpdir(), 'jejak-ledger-'));
  warehouse = await facilityId(server, tokens.industri, 'Gudang PBF Nusantara Jakarta Timur');
});

afterAll(async () => {
  await raw?.end();
  await server?.close(); // checks the ledger once more: every tampering below is undone
  await dropDatabase(serverUrl(), name);
  await rm(dir, { recursive: true, force: true });
});

describe('sealing', () => {
  it('gives every event written an entry, and the check recomputes them all', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 12, unitsPerCase: 6 });
    expect((await op.activate(server, tokens.industri, issued.units)).accepted).toBe(12);
    expect((await op.aggregate(server, tokens.industri, issued.cases[0]!, issued.units.slice(0, 6))).accepted).toBe(6);
    expect((await op.ship(server, tokens.industri, [issued.cases[0]!, issued.units[6]!], warehouse)).accepted).toBe(2);
    expect((await op.receive(server, tokens.pbf, [issued.cases[0]!, issued.units[6]!])).accepted).toBe(2);
    const { rows } = await raw.query(`select (select count(*) from event)::int as events, (select count(*) from ledger_entry)::int as entries`);
    expect(rows[0].entries).toBe(rows[0].events);
    const result = await verifyLedger();
    expect(result).toMatchObject({ ok: true, firstBadEventId: null, problem: null });
    expect(result.checkedEvents).toBe(rows[0].events);
  });

  it('keeps one unbroken chain per head when movements run at once', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 40 });
    expect((await op.activate(server, tokens.industri, issued.units)).accepted).toBe(40);
    const before = await eventCount();
    const pairs = Array.from({ length: 20 }, (_, i) => issued.units.slice(2 * i, 2 * i + 2));
    const results = await Promise.all(pairs.map((pair) => op.ship(server, tokens.industri, pair, warehouse)));
    expect(results.map((r) => r.accepted)).toEqual(pairs.map(() => 2));
    expect(await eventCount()).toBe(before + 20);
    // Within each chain: numbered 1, 2, 3, … without a gap or a repeat, each naming the one before.
    const { rows } = await raw.query(`
      select chain, count(*)::int as entries, max(seq)::int as last,
             count(*) filter (where seq > 1 and previous_event_id is distinct from
               (select p.event_id from ledger_entry p where p.chain = l.chain and p.seq = l.seq - 1))::int as unlinked
        from ledger_entry l group by chain order by chain`);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row, `chain ${row.chain}`).toMatchObject({ entries: row.last, unlinked: 0 });
    expect((await verifyLedger()).ok).toBe(true);
  });

  it('is BPOM’s to check, over days written as YYYY-MM-DD', async () => {
    expect(codesOf(await check(tokens.pbf))).toEqual(['FORBIDDEN']);
    expect(codesOf(await check(tokens.industri))).toEqual(['FORBIDDEN']);
    const bad = await check(tokens.bpom, '(from: "yesterday")');
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toMatch(/^from must be a date as YYYY-MM-DD/);
    expect(codesOf(await check(tokens.bpom, '(from: "2026-02-30")'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await check(tokens.bpom, '(from: "2026-11-02", to: "2026-11-01")'))).toEqual(['BAD_USER_INPUT']);
    const none = await verifyLedger('(from: "2020-01-01", to: "2020-01-31")');
    expect(none).toMatchObject({ ok: true, checkedEvents: 0 });
    const mutation = await server.gql(`mutation { verifyLedger(from: "${today}") { ok checkedEvents } }`, {}, tokens.bpom);
    expect(mutation.data.verifyLedger.ok).toBe(true);
    expect(mutation.data.verifyLedger.checkedEvents).toBe(await eventCount());
  });
});

describe('publishing', () => {
  it('refuses to publish a day whose entries do not match, and raises a critical alert', async () => {
    const id = await eventWithPacks('ACTIVATED');
    await tamper((db) => db.query(`update event set at = at - interval '1 second' where id = $1`, [id]));
    await expect(server.services.ledger.publishThrough(server.pool, today)).rejects.toBeInstanceOf(LedgerBroken);
    expect((await raw.query('select count(*)::int as n from ledger_day')).rows[0].n).toBe(0);
    const alerts = await server.gql(`{ alerts(status: OPEN) { reason severity code } }`, {}, tokens.bpom);
    expect(alerts.data.alerts).toContainEqual({ reason: 'LEDGER_BROKEN', severity: 'CRITICAL', code: `event ${id}` });
    await tamper((db) => db.query(`update event set at = at + interval '1 second' where id = $1`, [id]));
  });

  it('publishes a signed day, with a proof per event that the standalone verifier accepts', async () => {
    expect(await server.services.ledger.publishThrough(server.pool, today)).toEqual([today]);
    // From here on this database takes no more events: today is published.
    const response = await fetch(`${server.url}/api/ledger/days/${today}`);
    expect(response.status).toBe(200);
    const day = (await response.json()) as any;
    expect(day).toMatchObject({ day: today, events: await eventCount(), previousRoot: null });
    expect(day.root).toMatch(/^[0-9a-f]{64}$/);
    expect(day.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(day.heads.length).toBe(16);

    expect((await fetch(`${server.url}/api/ledger/days/2020-01-01`)).status).toBe(404);
    const malformed = await fetch(`${server.url}/api/ledger/days/20201301`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const id = await eventWithPacks('SHIPPED');
    const proofOf = (eventId: string, token?: string) =>
      fetch(`${server.url}/api/ledger/events/${eventId}/proof`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const answer = await proofOf(id, tokens.bpom);
    expect(answer.status).toBe(200);
    const proof = (await answer.json()) as any;
    expect(proof).toMatchObject({ eventId: id, day: today });
    expect(proof.path.length).toBeGreaterThan(0);
    // The pharmacy took no part in the shipment: for it, the event does not exist.
    expect((await proofOf(id, tokens.apotek)).status).toBe(404);
    expect((await proofOf(id)).status).toBe(401);
    expect((await proofOf('999999999', tokens.bpom)).status).toBe(404);
    expect((await proofOf('abc', tokens.bpom)).status).toBe(404);

    const files = { proof: path.join(dir, 'proof.json'), day: path.join(dir, 'day.json'), bad: path.join(dir, 'bad.json') };
    await writeFile(files.proof, JSON.stringify(proof));
    await writeFile(files.day, JSON.stringify(day));
    const ok = await run(process.execPath, [VERIFIER, files.proof, files.day]);
    expect(ok.stdout).toMatch(new RegExp(`^OK: event ${id} is leaf \\d+ of ${today}`));

    const fails = async (changed: unknown, dayFile = files.day) => {
      await writeFile(files.bad, JSON.stringify(changed));
      const error = await run(process.execPath, [VERIFIER, files.bad, dayFile]).then(
        () => null,
        (e: { code: number; stdout: string }) => e,
      );
      expect(error?.code).toBe(1);
      return error!.stdout;
    };
    // One character of the event (its units), one byte of the path, one byte of the root.
    expect(await fails({ ...proof, content: proof.content.replace(/,(\d+),/, (_: string, n: string) => `,${Number(n) + 1},`) })).toMatch(/content does not give the digest/);
    const step = proof.path[0];
    const flipped = (step.hash[0] === '0' ? '1' : '0') + step.hash.slice(1);
    expect(await fails({ ...proof, path: [{ ...step, hash: flipped }, ...proof.path.slice(1)] })).toMatch(/leads to root/);
    expect(await fails({ ...proof, leafIndex: proof.leafIndex + 1 })).toMatch(/does not fit leaf/);
    await writeFile(files.bad, JSON.stringify({ ...day, root: (day.root[0] === '0' ? '1' : '0') + day.root.slice(1) }));
    const badDay = await run(process.execPath, [VERIFIER, files.proof, files.bad]).catch((e: { code: number; stdout: string }) => e);
    expect(badDay).toMatchObject({ code: 1 });
    expect((badDay as { stdout: string }).stdout).toMatch(/^NOT VERIFIED/);
    expect(JSON.parse(await readFile(files.proof, 'utf8')).eventId).toBe(id);
  });

  it('reads a proof off its block of entries, blocks spanning chains, and the day whole when a kept block is wrong', async () => {
    const day = (await server.services.ledger.day(server.pool, today))!;
    const entries: Entry[] = [];
    const start = new Date(`${today}T00:00:00Z`);
    for await (const page of entriesBetween(server.pool, start, new Date(start.getTime() + 86_400_000))) entries.push(...page);
    expect(entries.length).toBe(day.events);
    expect(new Set(entries.map((entry) => entry.chain)).size, 'entries of several chains').toBeGreaterThan(1);
    const tree = new MerkleTree(entries.map((entry) => entry.digest));
    const { rows } = await raw.query<{ blocks: Buffer }>(`select blocks from ledger_day where day = $1`, [today]);
    expect(rows[0]!.blocks.length).toBe(32 * Math.ceil(entries.length / BLOCK_LEAVES));
    for (const i of [0, Math.floor(entries.length / 2), entries.length - 1]) {
      expect(await pathByBlock(server.pool, day, entries[i]!)).toEqual({ leafIndex: i, path: tree.path(i) });
    }

    // The same day kept in blocks of 4 entries, which span chains.
    const small = new MerkleRoot(4);
    for (const entry of entries) small.add(entry.digest);
    const blocks = small.blocks;
    expect(blocks.length).toBeGreaterThan(2);
    const keep = (roots: Buffer[]) => tamper((db) => db.query(`update ledger_day set blocks = $2 where day = $1`, [today, Buffer.concat(roots)]));
    await keep(blocks);
    try {
      for (const [i, entry] of entries.entries()) {
        expect(await pathByBlock(server.pool, day, entry, 4), `entry ${i}`).toEqual({ leafIndex: i, path: tree.path(i) });
      }
      // A wrong block root leads elsewhere than the published root: the proof is read off the day whole.
      const wrong = Buffer.from(blocks[0]!);
      wrong[0] = wrong[0]! ^ 1;
      await keep([wrong, ...blocks.slice(1)]);
      expect(await pathByBlock(server.pool, day, entries[4]!, 4)).toBeNull();
      const answer = await fetch(`${server.url}/api/ledger/events/${entries[4]!.eventId}/proof`, { headers: { authorization: `Bearer ${tokens.bpom}` } });
      expect(answer.status).toBe(200);
      const proof = (await answer.json()) as { leafIndex: number; path: Array<{ side: string; hash: string }> };
      expect(proof.leafIndex).toBe(4);
      expect(proof.path).toEqual(tree.path(4).map((step) => ({ side: step.side, hash: step.hash.toString('hex') })));
    } finally {
      await keep(rows[0]!.blocks ? [rows[0]!.blocks] : []);
    }
  });
});

describe('a record changed behind the API', () => {
  it('names the event one of whose fields was changed', async () => {
    const id = await eventWithPacks('SHIPPED');
    const other = (await raw.query(`select id from facility where id <> (select facility_id from event where id = $1) limit 1`, [id])).rows[0].id;
    const { rows } = await raw.query(`select facility_id from event where id = $1`, [id]);
    await tamper((db) => db.query(`update event set facility_id = $2 where id = $1`, [id, other]));
    expect(await verifyLedger()).toMatchObject({ ok: false, firstBadEventId: id });
    const cli = await run(process.execPath, [CLI], { env: { ...process.env, DATABASE_URL: url, LEDGER_KEY_FILE: inject('ledgerKeyFile'), LOG_LEVEL: 'error' } }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(cli).toMatchObject({ code: 1 });
    expect((cli as { stdout: string }).stdout).toContain(`First event that does not match: ${id}`);
    await tamper((db) => db.query(`update event set facility_id = $2 where id = $1`, [id, rows[0].facility_id]));
    expect((await verifyLedger()).ok).toBe(true);
    const clean = await run(process.execPath, [CLI], { env: { ...process.env, DATABASE_URL: url, LEDGER_KEY_FILE: inject('ledgerKeyFile'), LOG_LEVEL: 'error' } });
    expect(clean.stdout).toMatch(/^The ledger matches the event log: \d+ events checked/);
  });

  it('names the event one of whose pack rows was deleted', async () => {
    const id = await eventWithPacks('AGGREGATED');
    const { rows } = await raw.query(`select pack_id from event_pack where event_id = $1 limit 1`, [id]);
    await tamper((db) => db.query(`delete from event_pack where event_id = $1 and pack_id = $2`, [id, rows[0].pack_id]));
    expect(await verifyLedger()).toMatchObject({ ok: false, firstBadEventId: id });
    await tamper((db) => db.query(`insert into event_pack (event_id, pack_id) values ($1, $2)`, [id, rows[0].pack_id]));
    expect((await verifyLedger()).ok).toBe(true);
  });

  it('names a forged event inserted in the past', async () => {
    const { rows } = await raw.query(`select facility_id from event limit 1`);
    let forged = '';
    await tamper(async (db) => {
      const inserted = await db.query(
        `insert into event (type, at, recorded_at, facility_id, source, units)
         values ('DISPENSED', now() - interval '3 days', now() - interval '3 days', $1, 'API', 1) returning id::text as id`,
        [rows[0].facility_id],
      );
      forged = inserted.rows[0].id;
    });
    const result = await verifyLedger();
    expect(result).toMatchObject({ ok: false, firstBadEventId: forged });
    expect(result.problem).toMatch(/never sealed/);
    await tamper((db) => db.query(`delete from event where id = $1`, [forged]));
    expect((await verifyLedger()).ok).toBe(true);
  });

  it('names a deleted event, and an entry deleted with it', async () => {
    const id = await eventWithPacks('ACTIVATED');
    await tamper(async (db) => {
      await db.query(`create temp table kept_event as select * from event where id = $1`, [id]);
      await db.query(`create temp table kept_entry as select * from ledger_entry where event_id = $1`, [id]);
      await db.query(`delete from event where id = $1`, [id]);
    });
    expect(await verifyLedger()).toMatchObject({ ok: false, firstBadEventId: id });
    await tamper((db) => db.query(`delete from ledger_entry where event_id = $1`, [id]));
    const result = await verifyLedger();
    expect(result).toMatchObject({ ok: false, firstBadEventId: id });
    expect(result.problem).toMatch(/is gone/);
    await tamper(async (db) => {
      await db.query(`insert into event overriding system value select * from kept_event`);
      await db.query(`insert into ledger_entry select * from kept_entry`);
      await db.query(`drop table kept_event, kept_entry`);
    });
    expect((await verifyLedger()).ok).toBe(true);
  });

  it('names a published day that lost an event, even when its chain was wound back to match', async () => {
    // The head of a chain, taken out of the published day with its event and event_pack rows,
    // and the chain's head set to the entry before: every chain still checks out, the day does not.
    const { rows } = await raw.query(
      `select c.chain, c.event_id::text as event, p.event_id::text as previous, p.seq::text as seq, p.digest
         from ledger_chain c join ledger_entry p on p.chain = c.chain and p.seq = c.seq - 1 order by c.chain limit 1`,
    );
    const head = rows[0];
    const firstOfDay = (await raw.query(`select event_id::text from ledger_entry order by chain, sealed_at, seq limit 1`)).rows[0].event_id;
    await tamper(async (db) => {
      await db.query(`create temp table gone_event as select * from event where id = $1`, [head.event]);
      await db.query(`create temp table gone_packs as select * from event_pack where event_id = $1`, [head.event]);
      await db.query(`create temp table gone_entry as select * from ledger_entry where event_id = $1`, [head.event]);
      await db.query(`delete from event_pack where event_id = $1`, [head.event]);
      await db.query(`delete from event where id = $1`, [head.event]);
      await db.query(`delete from ledger_entry where event_id = $1`, [head.event]);
      await db.query(`update ledger_chain set seq = $2, digest = $3, event_id = $4 where chain = $1`, [head.chain, head.seq, head.digest, head.previous]);
    });
    try {
      const result = await verifyLedger();
      expect(result).toMatchObject({ ok: false, firstBadEventId: firstOfDay });
      expect(result.problem).toMatch(new RegExp(`^${today}: \\d+ events were published, \\d+ are sealed in it now$`));
    } finally {
      await tamper(async (db) => {
        await db.query(`insert into event overriding system value select * from gone_event`);
        await db.query(`insert into event_pack select * from gone_packs`);
        await db.query(`insert into ledger_entry select * from gone_entry`);
        await db.query(`update ledger_chain c set seq = l.seq, digest = l.digest, event_id = l.event_id from gone_entry l where c.chain = l.chain`);
        await db.query(`drop table gone_event, gone_packs, gone_entry`);
      });
    }
    expect((await verifyLedger()).ok).toBe(true);
  });

  it('names an event sealed into a published day after it was published', async () => {
    // The last chain with entries, so that the copy below is the last entry a check reads; its
    // time, now(), is finer than the milliseconds the API writes, and a check must read past it.
    const { rows } = await raw.query(`select chain, seq::text, digest, event_id::text from ledger_chain where seq > 0 order by chain desc limit 1`);
    const head = rows[0];
    const event = (await raw.query(`select id::text from event order by id desc limit 1`)).rows[0].id;
    // A copy of the latest event's entry, one further on in its chain: found by the day's heads.
    await tamper(async (db) => {
      await db.query(`create temp table late as select * from event where id = $1`, [event]);
      await db.query(`update late set id = id + 1000000`);
      await db.query(`insert into event overriding system value select * from late`);
      await db.query(
        `insert into ledger_entry (event_id, chain, seq, sealed_at, digest, previous_event_id)
         select $1::bigint + 1000000, chain, seq + 1, now(), digest, event_id from ledger_chain where chain = $2`,
        [event, head.chain],
      );
    });
    const result = await verifyLedger();
    expect(result.ok).toBe(false);
    expect(result.firstBadEventId).toBe(String(BigInt(event) + 1_000_000n));
    await tamper(async (db) => {
      await db.query(`delete from ledger_entry where event_id = $1::bigint + 1000000`, [event]);
      await db.query(`delete from event where id = $1::bigint + 1000000`, [event]);
      await db.query(`drop table late`);
    });
    expect((await verifyLedger()).ok).toBe(true);
  });
});
