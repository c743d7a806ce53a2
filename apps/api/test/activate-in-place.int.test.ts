import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../src/db/embedded.js';
import type { FacilityRef } from '../src/modules/lifecycle/guards.js';
import { activateInPlace, IN_PLACE_STATEMENT } from '../src/modules/packs/activate-in-place.js';
import { MILESTONES } from '../src/modules/lifecycle/stages.js';
import type { Line } from '../src/modules/packs/resolve.js';
import { inTransaction } from '../src/shared/db.js';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, type Tokens } from './lifecycle-helpers.js';

// Activation in place (activate-in-place.ts) must answer every line as the general path does,
// which reads each pack and checks it against the rules: the same lines accepted, the same
// refusals, the same packs changed the same way, the same events and the same report counts.
// Twin sets of packs are put in the same situations; one is activated in place, the other
// through the general path, and the two are compared.

// Packs are put in their situations directly in the database, around the event log, so this file
// has a database of its own (the others' closing checks rebuild the summaries from the log), and
// the summaries are compared between the twins instead.
const serverUrl = Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const name = `${new URL(inject('databaseUrl')).pathname.slice(1)}_in_place`;

let server: TestServer;
let tokens: Tokens;
let plant: FacilityRef;
let otherOrganization: string;

beforeAll(async () => {
  server = await startTestServer({}, await ensureDatabase(serverUrl, name));
  tokens = await demoTokens(server);
  plant = await server.services.movements.facilityRef(server.pool, await facilityId(server, tokens.industri, 'Pabrik Sehat Farma Bandung'));
  const { rows } = await server.pool.query(`select id from organization where id <> $1 limit 1`, [plant.organizationId]);
  otherOrganization = rows[0].id;
});
afterAll(async () => {
  await server?.stop();
  await dropDatabase(serverUrl, name);
});

const UNITS = 8;
/** One thing out of the ordinary about a unit, or none: each one alone, so that each shows. */
const DEVIATIONS = [
  'none', 'none', 'none', 'active', 'dispensed', 'inCase', 'inLateCase', 'activatedBit', 'earlierEvent', 'laterEvent',
  'wrongLot', 'twice', 'twiceRaw', 'twiceWrongLot', 'unknownSerial', 'malformed',
] as const;
const callSituation = fc.record({
  batch: fc.constantFrom('normal', 'normal', 'normal', 'recalled', 'expired', 'foreignProduct'),
  reported: fc.boolean(),
  /** Every line at a place of its own (a scanner's position per scan), or all at one. */
  places: fc.boolean(),
  units: fc.array(fc.constantFrom(...DEVIATIONS), { minLength: UNITS, maxLength: UNITS }),
  /** Lines per statement: small ones put a code and its repeat in different statements. */
  chunk: fc.constantFrom(1, 2, 3, 5, 10_000),
});
type CallSituation = typeof callSituation extends fc.Arbitrary<infer T> ? T : never;

interface Twin {
  nie: string;
  requestId: string;
  batch: string;
  batchId: string;
  codes: string[];
  packIds: string[];
}

/** Units of a new batch of the product `nie` (of a new product without it), all in one case. */
async function twin(nie?: string, quantity = UNITS): Promise<Twin> {
  const issued = await issueCodes(server, tokens, { quantity, unitsPerCase: quantity, nie });
  const { rows } = await server.pool.query(
    `select p.id::text, p.serial, p.batch_id::text as "batchId" from pack p where p.code_request_id = $1 and p.level = 'UNIT'`,
    [issued.requestId],
  );
  const bySerial = new Map(rows.map((row) => [row.serial as string, row]));
  const packIds = issued.units.map((code) => bySerial.get(/\(21\)(\w+)$/.exec(code)![1]!)!.id as string);
  return { nie: issued.nie, requestId: issued.requestId, batch: issued.batch, batchId: rows[0].batchId, codes: issued.units, packIds };
}

/** Puts a twin's packs in the situation, directly in the database. */
async function situate(t: Twin, situation: CallSituation, at: Date) {
  const db = server.pool;
  if (situation.batch === 'recalled') await db.query(`update batch set recalled_at = now() where id = $1`, [t.batchId]);
  if (situation.batch === 'expired') await db.query(`update batch set expiry = date '2020-01-31' where id = $1`, [t.batchId]);
  const { rows } = await db.query(`select id::text from pack where code_request_id = $1 and level = 'CASE' limit 1`, [t.requestId]);
  const caseId = rows[0].id;
  const hour = 3_600_000;
  await db.query(`update pack set last_event_at = $2 where id = $1`, [caseId, situation.units.includes('inLateCase') ? new Date(at.getTime() + hour) : null]);
  for (const [k, deviation] of situation.units.entries()) {
    const status = deviation === 'active' ? 'ACTIVE' : deviation === 'dispensed' ? 'DISPENSED' : 'ISSUED';
    const lastEvent = deviation === 'earlierEvent' ? at.getTime() - hour : deviation === 'laterEvent' ? at.getTime() + hour : null;
    await db.query(
      `update pack set status = $2::pack_status, custodian_id = case when $2 = 'ISSUED' then null else $3::uuid end,
              parent_id = $4::bigint, milestones = $5::smallint, last_event_at = $6::timestamptz where id = $1`,
      [
        t.packIds[k],
        status,
        plant.id,
        deviation === 'inCase' || deviation === 'inLateCase' ? caseId : null,
        (status !== 'ISSUED' || deviation === 'activatedBit' ? 1 : 0) | (status === 'DISPENSED' ? 32 : 0),
        lastEvent === null ? null : new Date(lastEvent),
      ],
    );
  }
}

function linesOf(t: Twin, situation: CallSituation, reported: Date | null): Line[] {
  const lines: Line[] = [];
  for (const [k, deviation] of situation.units.entries()) {
    let code = t.codes[k]!;
    if (deviation === 'wrongLot') code = code.replace(`(10)${t.batch}`, `(10)${t.batch}X`);
    if (deviation === 'unknownSerial') code = `${code}Z`;
    if (deviation === 'malformed') code = code.slice(0, 12);
    const place = { latitude: -6.9, longitude: situation.places ? 107.6 + k / 1000 : 107.6 };
    lines.push({ code, at: reported, ...place });
    if (deviation === 'twice') lines.push({ code, at: reported, ...place });
    if (deviation === 'twiceRaw') lines.push({ code: raw(code), at: reported, ...place });
    if (deviation === 'twiceWrongLot') lines.push({ code: code.replace(`(10)${t.batch}`, `(10)${t.batch}X`), at: reported, ...place });
  }
  return lines;
}

/** The code as a scanner sends it: element strings apart by GS, no brackets. */
const raw = (text: string) => text.replace(/\((\d+)\)/g, (_m, ai: string, offset: number) => (offset ? '\x1d' : '') + ai);

/** What the twin's packs, events and report rows look like, by the unit's place in the twin. */
async function state(t: Twin) {
  const { rows: packs } = await server.pool.query(
    `select p.id::text, p.status, p.custodian_id = $2 as "atPlant", p.status_by_id = $2 as "byPlant", p.milestones,
            p.status_at is not null as stamped,
            (select array_agg(e.longitude order by e.id) from event_pack ep join event e on e.id = ep.event_id and e.recorded_at = ep.recorded_at
              where ep.pack_id = p.id) as events
       from pack p where p.id = any($1::bigint[])`,
    [t.packIds, plant.id],
  );
  const byId = new Map(packs.map(({ id, ...rest }) => [id, rest]));
  const { rows: stats } = await server.pool.query(
    `select (select coalesce(sum(activated), 0)::int from batch_stats where batch_id = $1) as activated,
            (select coalesce(sum(units), 0)::int from stock where batch_id = $1) as stock`,
    [t.batchId],
  );
  return { packs: t.packIds.map((id) => byId.get(id)), ...stats[0] };
}

const REPORTER = { userId: null, apiKeyId: null, source: 'API' as const };

/** Activation in place alone, in a transaction of its own. */
const runInPlace = (lines: Line[], chunk?: number) =>
  inTransaction(server.pool, (client) => activateInPlace(client, lines, plant, REPORTER, server.services.movements.clock, { chunk }));

async function activate(t: Twin, lines: Line[], readEvery: boolean, inPlaceChunk?: number) {
  const outcome = await inTransaction(server.pool, (client) =>
    server.services.movements.moveIn(client, { kind: 'activate' }, lines, plant, REPORTER, { readEvery, inPlaceChunk }),
  );
  const place = new Map(t.codes.map((code, k) => [code, k]));
  const unitOf = (code: string) => place.get(code) ?? place.get(code.replace(`(10)${t.batch}X`, `(10)${t.batch}`)) ?? `line ${lines.findIndex((l) => l.code === code)}`;
  return {
    accepted: outcome.accepted.map((line) => unitOf(line.code)).sort(),
    units: outcome.units,
    rejected: outcome.rejected.map((r) => `${unitOf(r.code)} ${r.reason}`).sort(),
  };
}

describe('activation in place', () => {
  it('answers every line as reading each pack first does', async () => {
    await fc.assert(
      fc.asyncProperty(callSituation, async (situation) => {
        const inPlace = await twin();
        const reference = await twin(inPlace.nie);
        if (situation.batch === 'foreignProduct') await server.pool.query(`update product set registrant_id = $2 where nie = $1`, [inPlace.nie, otherOrganization]);
        const at = new Date(Date.now() - 60_000);
        const reported = situation.reported ? at : null;
        for (const t of [inPlace, reference]) await situate(t, situation, reported ?? new Date());
        const before = await Promise.all([state(inPlace), state(reference)]);

        const answered = await activate(inPlace, linesOf(inPlace, situation, reported), false, situation.chunk);
        const expected = await activate(reference, linesOf(reference, situation, reported), true);
        expect(answered).toEqual(expected);
        const after = await Promise.all([state(inPlace), state(reference)]);
        expect(after[0].packs).toEqual(after[1].packs);
        expect(after[0].activated - before[0].activated).toBe(after[1].activated - before[1].activated);
        expect(after[0].stock - before[0].stock).toBe(after[1].stock - before[1].stock);
      }),
      { numRuns: 80 },
    );
  });

  it('takes a file whose every line has a place of its own in place, an event per place', async () => {
    const t = await twin(undefined, 100);
    const lines = t.codes.map((code, k) => ({ code, at: null, latitude: -6.9, longitude: 107.6 + k / 1000 }));
    const done = await runInPlace(lines);
    expect({ accepted: done.accepted.length, rest: done.rest.length }).toEqual({ accepted: 100, rest: 0 });
    const { rows } = await server.pool.query(`select count(distinct event_id)::int as events from event_pack where pack_id = any($1::bigint[])`, [t.packIds]);
    expect(rows[0].events).toBe(100);
  });

  it.each([10_000, 3])('takes two products at one place as one event, its ledger entry over the packs of both (%i lines a statement)', async (chunk) => {
    const [a, b] = [await twin(), await twin()];
    // Interleaved, so that the event's packs come back from each statement in more than one
    // piece, and from the statements out of id order.
    const lines = a.codes.flatMap((code, k) => [code, b.codes[k]!]).map((code) => ({ code, at: null, latitude: -6.9, longitude: 107.6 }));
    const done = await runInPlace(lines, chunk);
    expect({ accepted: done.accepted.length, units: done.units, rest: done.rest.length }).toEqual({ accepted: 2 * UNITS, units: 2 * UNITS, rest: 0 });
    const { rows } = await server.pool.query(
      `select count(distinct ep.event_id)::int as events, min(e.units) as units, count(*)::int as links
         from event_pack ep join event e on e.id = ep.event_id and e.recorded_at = ep.recorded_at where ep.pack_id = any($1::bigint[])`,
      [[...a.packIds, ...b.packIds]],
    );
    expect(rows[0]).toEqual({ events: 1, units: 2 * UNITS, links: 2 * UNITS });
    expect((await server.services.ledger.check(server.pool, {})).problem).toBeNull();
  });

  it('reads the lines of a call past its 64th reported time, and answers them all as the general path does', async () => {
    const [inPlace, reference] = [await twin(undefined, 70), await twin(undefined, 70)];
    const start = Date.now() - 3_600_000;
    const linesFor = (t: Twin) => t.codes.map((code, k) => ({ code, at: new Date(start + k * 1000), latitude: null, longitude: null }));
    const done = await runInPlace(linesFor(inPlace));
    expect({ accepted: done.accepted.length, rest: done.rest.map((line) => line.code) }).toEqual({ accepted: 64, rest: inPlace.codes.slice(64) });
    expect(await activate(inPlace, done.rest, false)).toEqual(await activate(reference, linesFor(reference).slice(64), true));
    const [a, b] = await Promise.all([state(inPlace), state(reference)]);
    expect(a.packs.slice(64)).toEqual(b.packs.slice(64));
  });

  it('activates a plain file in place, with one event, and refuses a second activation of the same codes', async () => {
    const t = await twin();
    const lines = t.codes.map((code) => ({ code, at: null, latitude: null, longitude: null }));
    expect(await activate(t, lines, false)).toEqual({ accepted: [...t.codes.keys()].sort(), units: UNITS, rejected: [] });
    const { rows } = await server.pool.query(`select count(distinct event_id)::int as events from event_pack where pack_id = any($1::bigint[])`, [t.packIds]);
    expect(rows[0].events).toBe(1);
    const again = await activate(t, lines, false);
    expect(again.accepted).toEqual([]);
    expect(again.rejected).toEqual([...t.codes.keys()].map((k) => `${k} WRONG_STATE`).sort());
  });

  it('answers a statement that fails while the next lines are read with its error, and writes nothing', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 6_000 });
    await server.pool.query(`create function refuse_update() returns trigger language plpgsql as $$ begin raise exception 'refused here'; end $$`);
    await server.pool.query(
      `create trigger refuse_update before update on pack for each row when (new.code_request_id = '${issued.requestId}') execute function refuse_update()`,
    );
    try {
      // The first statement fails at once; the lines after it are slow to come, so that its
      // failure arrives while they are read.
      function* lines() {
        for (const [k, code] of issued.units.entries()) {
          if (k >= 3_000) for (const until = performance.now() + 0.05; performance.now() < until; );
          yield { code, at: null, latitude: null, longitude: null };
        }
      }
      const clock = server.services.movements.clock;
      const run = inTransaction(server.pool, (client) => activateInPlace(client, lines(), plant, REPORTER, clock, { chunk: 3_000 }));
      await expect(run).rejects.toThrow('refused here');
      const { rows } = await server.pool.query(`select count(*)::int as n from pack where code_request_id = $1 and status = 'ISSUED'`, [issued.requestId]);
      expect(rows[0].n).toBe(6_000);
    } finally {
      await server.pool.query(`drop trigger refuse_update on pack; drop function refuse_update()`);
    }
  });

  it('activates each pack once when another activation of the same codes commits while it waits', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 500 });
    const lines = () => issued.units.map((code) => ({ code, at: null, latitude: null, longitude: null }));
    // The first holds its transaction open until the second is waiting for its packs.
    const client = await server.pool.connect();
    await client.query('begin');
    const first = await server.services.movements.moveIn(client, { kind: 'activate' }, lines(), plant, REPORTER);
    const second = inTransaction(server.pool, (other) => server.services.movements.moveIn(other, { kind: 'activate' }, lines(), plant, REPORTER));
    await waitUntilBlocked();
    await client.query('commit');
    client.release();
    const later = await second;
    expect(first.accepted.length).toBe(500);
    expect(later.accepted.length).toBe(0);
    expect(new Set(later.rejected.map((r) => r.reason))).toEqual(new Set(['WRONG_STATE']));
    const { rows } = await server.pool.query(
      `select count(*)::int as links, count(distinct ep.pack_id)::int as packs
         from event_pack ep join pack p on p.id = ep.pack_id where p.code_request_id = $1`,
      [issued.requestId],
    );
    expect(rows[0]).toEqual({ links: 500, packs: 500 });
  });
});

describe('the in-place statement', () => {
  it('looks each line’s pack up by its key while the statistics of pack say no pack is ISSUED', async () => {
    // Right after a large issue, before `pack` is analysed again, its statistics can say that
    // no pack is ISSUED. Made here in a transaction of the API's, undone after: every pack
    // counted ACTIVE when analysed, then the new packs ISSUED again.
    const fresh = await twin(undefined, 2_000);
    const undone = new Error('undone');
    const run = inTransaction(server.pool, async (client) => {
      await client.query(`update pack set status = 'ACTIVE' where status = 'ISSUED'`);
      await client.query('analyze pack');
      await client.query(`update pack set status = 'ISSUED' where id = any($1::bigint[])`, [fresh.packIds]);
      const { rows: product } = await client.query(`select product_id from pack where id = $1`, [fresh.packIds[0]]);
      const serials = fresh.codes.map((code) => /\(21\)(\w+)$/.exec(code)![1]!);
      const { rows } = await client.query(`explain (format json) ${IN_PLACE_STATEMENT}`, [
        serials, serials.map(() => 1), serials.map(() => 1), plant.id, [new Date()], MILESTONES.activated,
        [product[0].product_id], [((1n << 40n) + BigInt(fresh.batchId)).toString()], ['infinity'], ['1'], new Date(),
      ]);
      const scans = scansOf(rows[0]['QUERY PLAN'][0].Plan).filter((scan) => scan.relation === 'pack');
      expect(scans).toEqual([{ relation: 'pack', type: 'Index Scan', index: 'pack_product_serial_key', inner: true }]);
      throw undone;
    });
    await expect(run).rejects.toBe(undone);
  });
});

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Parent Relationship'?: string; Plans?: PlanNode[] };

/** The scans of a plan: the table, how it is read, and whether it is the inner side of a join (read once per outer row). */
function scansOf(node: PlanNode): Array<{ relation: string; type: string; index?: string; inner: boolean }> {
  const own = node['Relation Name'] && node['Node Type'].endsWith('Scan')
    ? [{ relation: node['Relation Name'], type: node['Node Type'], ...(node['Index Name'] ? { index: node['Index Name'] } : {}), inner: node['Parent Relationship'] === 'Inner' }]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

async function waitUntilBlocked() {
  for (let i = 0; i < 200; i++) {
    const { rows } = await server.pool.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the second activation never waited for the first');
}
