import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { decommissionedSql, inChainSql, inTransitSql, isDecommissioned, isInChain, isInTransit, isOnHand, onHandSql } from '../src/modules/lifecycle/states.js';
import { reconcile } from '../src/modules/reports/rebuild.js';
import { DATABASE_TIME_ZONE } from './global-setup.js';
import { codesOf, daysAgo, startTestServer, wib, type TestServer } from './harness.js';
import { BULK, bulk, demoTokens, facilityId, issueCodes, op, packOf, reasons, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let at: Record<'plant' | 'pbf' | 'apotek' | 'makassar' | 'medan', string>;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  at = {
    plant: await facilityId(server, tokens.industri, 'Pabrik Sehat Farma'),
    pbf: await facilityId(server, tokens.industri, 'Nusantara'),
    apotek: await facilityId(server, tokens.industri, 'Sentosa'),
    makassar: await facilityId(server, tokens.industri, 'Makassar'),
    medan: await facilityId(server, tokens.industri, 'Medan'),
  };
});
afterAll(async () => {
  await server?.close();
});

const upload = async (token: string, lines: string[]) => {
  const response = await fetch(`${server.url}/api/csv/movements`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: lines.join('\n'),
  });
  return (await response.json()) as { accepted: number; units: number; rejected: Array<{ row: number; reason: string; rule: string; message: string }> };
};
const quote = (code: string) => `"${code.replace(/"/g, '""')}"`;
const rules = (result: { rejected: Array<{ rule: string }> }) => result.rejected.map((r) => r.rule);

/** Units at the distributor (received from the manufacturer) and, if asked, some still on their way to it. */
async function atDistributor(count: number, inbound = 0, options: { unitsPerCase?: number } = {}) {
  const issued = await issueCodes(server, tokens, { quantity: count + inbound, ...options });
  await op.activate(server, tokens.industri, issued.units);
  await op.ship(server, tokens.industri, issued.units, at.pbf);
  if (count > 0) await op.receive(server, tokens.pbf, issued.units.slice(0, count));
  return { ...issued, held: issued.units.slice(0, count), inbound: issued.units.slice(count) };
}

describe('a movements file is a journal', () => {
  it('applies rows in the file’s order: a pack received in row 2 may be shipped on in row 3', async () => {
    const { held: [x], inbound: [y] } = await atDistributor(1, 1);
    const result = await upload(tokens.pbf, ['code,event,to', `${quote(x!)},ship,${at.apotek}`, `${quote(y!)},receive,`, `${quote(y!)},ship,${at.apotek}`]);
    expect(result).toMatchObject({ accepted: 3, rejected: [] });
    expect(await packOf(server, tokens.pbf, y!)).toMatchObject({ status: 'IN_TRANSIT', destination: { id: at.apotek } });
  });

  it('and in that order only: shipping before receiving is refused, the receipt still counts', async () => {
    const { inbound: [y] } = await atDistributor(0, 1);
    const result = await upload(tokens.pbf, ['code,event,to', `${quote(y!)},ship,${at.apotek}`, `${quote(y!)},receive,`]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([expect.objectContaining({ row: 1, reason: 'NOT_IN_CUSTODY', message: expect.stringContaining('receive it first') })]);
    expect((await packOf(server, tokens.pbf, y!)).status).toBe('ACTIVE');
  });
});

describe('reported times', () => {
  it('are refused when older than the window, in the future, before the pack’s last event, or without a time of day', async () => {
    const { held: [a, b, c, d, e] } = await atDistributor(5);
    const result = await upload(tokens.pbf, [
      'code,event,to,time',
      `${quote(a!)},ship,${at.apotek},${wib(daysAgo(31))}`,
      `${quote(b!)},ship,${at.apotek},${wib(new Date(Date.now() + 3_600_000))}`,
      `${quote(c!)},ship,${at.apotek},${wib(daysAgo(1))}`,
      `${quote(d!)},ship,${at.apotek},2026-11-01`,
      `${quote(e!)},ship,${at.apotek},${wib(new Date())}`,
    ]);
    expect(result.rejected.map((r) => [r.row, r.reason, r.rule])).toEqual([
      [1, 'INVALID_TIME', 'TIME_TOO_OLD'],
      [2, 'INVALID_TIME', 'TIME_IN_FUTURE'],
      [3, 'INVALID_TIME', 'TIME_BEFORE_LAST_EVENT'],
      [4, 'MALFORMED', 'ROW_MALFORMED'],
    ]);
    expect(result.accepted).toBe(1);
  });

  it('keep both the reported and the recorded time, and the trace follows the reported one', async () => {
    server.setTime(daysAgo(3));
    const { held: [a] } = await atDistributor(1);
    server.setTime(null);
    const shipped = daysAgo(2);
    // A wall-clock time without an offset is read in the reporting time zone (WIB).
    const written = wib(shipped).slice(0, 19).replace('T', ' ');
    expect(await upload(tokens.pbf, ['code,event,to,time', `${quote(a!)},ship,${at.apotek},${written}`])).toMatchObject({ accepted: 1 });
    const { data } = await server.gql(`query($c: String!) { trace(code: $c) { events { type at recordedAt } } }`, { c: a }, tokens.bpom);
    const events = data.trace.events;
    expect(events.map((event: any) => event.type)).toEqual(['ACTIVATED', 'SHIPPED', 'RECEIVED', 'SHIPPED']);
    expect(events[3].at).toBe(new Date(Math.floor(shipped.getTime() / 1000) * 1000).toISOString());
    expect(new Date(events[3].recordedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('are checked on the GraphQL mutations too', async () => {
    const { held: [a] } = await atDistributor(1);
    const tooOld = await server.gql(`mutation($c: [String!]!, $to: ID!, $at: DateTimeISO) { ship(codes: $c, to: $to, at: $at) { ${BULK} } }`, { c: [a], to: at.apotek, at: daysAgo(40) }, tokens.pbf);
    expect(codesOf(tooOld)).toEqual(['BAD_USER_INPUT']);
    const early = await bulk(server, tokens.pbf, `mutation($c: [String!]!, $to: ID!, $at: DateTimeISO) { ship(codes: $c, to: $to, at: $at) { ${BULK} } }`, { c: [a], to: at.apotek, at: daysAgo(5) });
    expect(reasons(early)).toEqual(['INVALID_TIME']);
  });

  it('older than a window set to three days are refused', async () => {
    const strict = await startTestServer({ REPORTED_TIME_WINDOW_DAYS: '3' });
    try {
      const token = await strict.login('pbf@demo.test');
      server.setTime(daysAgo(6));
      const { held: [a, b] } = await atDistributor(2);
      server.setTime(null);
      const result = await fetch(`${strict.url}/api/csv/movements`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: ['code,event,to,time', `${quote(a!)},ship,${at.apotek},${wib(daysAgo(4))}`, `${quote(b!)},ship,${at.apotek},${wib(daysAgo(2))}`].join('\n'),
      });
      expect(rules((await result.json()) as any)).toEqual(['TIME_TOO_OLD']);
    } finally {
      await strict.close();
    }
  });
});

describe('one clock', () => {
  it('every connection speaks UTC, though the database’s own zone is another', async () => {
    expect((await server.pool.query('show timezone')).rows[0].TimeZone).toBe('UTC');
    const raw = new pg.Client({ connectionString: inject('databaseUrl') });
    await raw.connect();
    try {
      expect((await raw.query('show timezone')).rows[0].TimeZone).toBe(DATABASE_TIME_ZONE);
    } finally {
      await raw.end();
    }
  });

  it('counts an event on the calendar day of its reported time in Jakarta, on either side of midnight', async () => {
    // Midnight in Jakarta two days ago is 17:00 UTC the day before: 23:30 and 00:30 WIB share a UTC date.
    const jakartaMidnight = new Date(`${server.services.clock.dayOf(daysAgo(2))}T00:00:00+07:00`);
    const before = new Date(jakartaMidnight.getTime() - 30 * 60_000);
    const after = new Date(jakartaMidnight.getTime() + 30 * 60_000);
    expect(before.toISOString().slice(0, 10)).toBe(after.toISOString().slice(0, 10));
    // The packs arrive a day before: three days ago at this hour may be after 23:30 WIB that day.
    server.setTime(daysAgo(4));
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, at.apotek);
    await op.receive(server, tokens.apotek, issued.units);
    server.setTime(null);
    const dispense = `mutation($c: [String!]!, $at: DateTimeISO) { dispense(codes: $c, at: $at) { ${BULK} } }`;
    await bulk(server, tokens.apotek, dispense, { c: [issued.units[0]], at: before });
    await bulk(server, tokens.apotek, dispense, { c: [issued.units[1]], at: after });

    const dayBefore = server.services.clock.dayOf(before);
    const dayAfter = server.services.clock.dayOf(after);
    expect(dayBefore).not.toBe(dayAfter);
    const consumed = async (day: string) => {
      const { data } = await server.gql(`query($f: ReportFilter) { consumption(level: REGENCY, filter: $f) { rows { units } } }`, { f: { nie: issued.nie, from: day, to: day } }, tokens.bpom);
      return data.consumption.rows.reduce((sum: number, row: any) => sum + row.units, 0);
    };
    const dispensed = async (day: string) => {
      const { data } = await server.gql(`query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { dispensed } }`, { f: { nie: issued.nie, from: day, to: day } }, tokens.bpom);
      return data.realisation[0]?.dispensed ?? 0;
    };
    expect([await consumed(dayBefore), await consumed(dayAfter)]).toEqual([1, 1]);
    expect([await dispensed(dayBefore), await dispensed(dayAfter)]).toEqual([1, 1]);
    const { data } = await server.gql(`{ lifecycle { reportTimeZone undoWindowDays reportedWindowDays clockSkewMinutes } }`, {}, tokens.apotek);
    expect(data.lifecycle).toEqual({ reportTimeZone: 'Asia/Jakarta', undoWindowDays: 10, reportedWindowDays: 30, clockSkewMinutes: 5 });
  });
});

describe('who may do what, and where packs may go', () => {
  it('the server refuses a destination the policy does not allow, whatever the screen offered', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, at.apotek);
    await op.receive(server, tokens.apotek, issued.units);
    const toPlant = await op.ship(server, tokens.apotek, issued.units, at.plant);
    expect(toPlant.rejected.map((r) => [r.reason, (r as any).rule])).toEqual([
      ['FORBIDDEN', 'DESTINATION_NOT_ALLOWED'],
      ['FORBIDDEN', 'DESTINATION_NOT_ALLOWED'],
    ]);
    expect(await op.returnPacks(server, tokens.apotek, issued.units.slice(0, 1), at.plant)).toMatchObject({ accepted: 1 });
    const byManufacturer = await op.returnPacks(server, tokens.industri, issued.units.slice(1), at.pbf);
    expect(rules(byManufacturer as any)).toEqual(['ACTOR_NOT_ALLOWED']);
    const { data } = await server.gql(`{ lifecycle { routes { movement from to } movements { movement actors } } }`, {}, tokens.apotek);
    expect(data.lifecycle.routes).toContainEqual({ movement: 'returnPacks', from: 'PHARMACY', to: 'MANUFACTURER' });
    expect(data.lifecycle.routes).not.toContainEqual({ movement: 'ship', from: 'PHARMACY', to: 'MANUFACTURER' });
    expect(data.lifecycle.movements).toContainEqual({ movement: 'dispense', actors: ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'] });
  });

  it('names the most useful reason first: never activated, then recalled, before custody', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const [never, a, b] = issued.units as [string, string, string];
    expect(rules((await op.receive(server, tokens.pbf, [never])) as any)).toEqual(['NOT_ACTIVATED']);
    await op.activate(server, tokens.industri, [a, b]);
    await op.ship(server, tokens.industri, [a, b], at.pbf);
    await op.receive(server, tokens.pbf, [a, b]);
    await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "uji urutan") { id } }`, { n: issued.nie, b: issued.batch }, tokens.bpom);
    // Held by the distributor; another distributor tries to ship it on.
    const medan = await server.login('pbf@demo.test');
    expect(rules((await op.ship(server, tokens.apotek, [a], at.makassar)) as any)).toEqual(['RECALLED']);
    expect(rules((await op.dispense(server, tokens.apotek, [b])) as any)).toEqual(['RECALLED']);
    expect(rules((await op.returnPacks(server, medan, [b], at.plant)) as any)).toEqual([]);
  });
});

describe('cases and pallets', () => {
  it('never take more than their capacity: the 11th unit into a case of 10 is refused before it goes in', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 12, unitsPerCase: 10 });
    await op.activate(server, tokens.industri, issued.units);
    const box = issued.cases[0]!;
    const first = await op.aggregate(server, tokens.industri, box, issued.units.slice(0, 11));
    expect(first.accepted).toBe(10);
    expect(first.rejected).toEqual([expect.objectContaining({ code: issued.units[10], reason: 'PARENT_FULL' })]);
    expect(await packOf(server, tokens.industri, box)).toMatchObject({ childCount: 10 });
    // The same ten again are already inside; one more is still too many.
    expect(await op.aggregate(server, tokens.industri, box, issued.units.slice(0, 10))).toMatchObject({ accepted: 10, rejected: [] });
    expect(reasons(await op.aggregate(server, tokens.industri, box, issued.units.slice(11)))).toEqual(['PARENT_FULL']);
    const { data } = await server.gql(`query($c: String!) { pack(code: $c) { capacity childCount } }`, { c: box }, tokens.industri);
    expect(data.pack).toEqual({ capacity: 10, childCount: 10 });
  });

  it('activate an issued parent through the same rules as any activation', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2, unitsPerCase: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, at.pbf);
    await op.receive(server, tokens.pbf, issued.units);
    const refused = await op.aggregate(server, tokens.pbf, issued.cases[0]!, issued.units);
    expect(rules(refused as any)).toEqual(['ACTOR_NOT_ALLOWED', 'ACTOR_NOT_ALLOWED']);
    expect(refused.rejected[0]!.message).toMatch(/^parent: /);
    expect((await packOf(server, tokens.industri, issued.cases[0]!)).status).toBe('ISSUED');
  });
});

describe('alerts from a movement', () => {
  it('are written in the movement’s own transaction: if they cannot be, nothing of the movement is kept', async () => {
    const { held: [good, stranger] } = await atDistributor(2);
    await op.ship(server, tokens.pbf, [good!], at.apotek);
    await server.pool.query(`create function refuse_alert() returns trigger language plpgsql as $$ begin raise exception 'alerts are down'; end $$`);
    await server.pool.query(`create trigger alert_down before insert on alert for each statement execute function refuse_alert()`);
    try {
      const failed = await server.gql(`mutation($c: [String!]!) { receive(codes: $c) { accepted } }`, { c: [good, stranger] }, tokens.apotek);
      expect(failed.errors).toHaveLength(1);
      expect((await packOf(server, tokens.pbf, good!)).status).toBe('IN_TRANSIT');
    } finally {
      await server.pool.query(`drop trigger alert_down on alert; drop function refuse_alert()`);
    }
    const result = await op.receive(server, tokens.apotek, [good!, stranger!]);
    expect(result).toMatchObject({ accepted: 1, rejected: [expect.objectContaining({ code: stranger, reason: 'NOT_SHIPPED_TO_YOU' })] });
    const { data } = await server.gql(`query($c: String!) { pack(code: $c) { code } }`, { c: stranger }, tokens.bpom);
    const alerts = await server.gql(`{ alerts(status: OPEN) { reason code } }`, {}, tokens.bpom);
    expect(alerts.data.alerts).toContainEqual({ reason: 'NOT_SHIPPED_TO_YOU', code: data.pack.code });
  });
});

describe('recall progress', () => {
  it('puts every unit in one position, counts dispensed units as reaching patients, never as back', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 8 });
    const [notActive, home, back, out, gone, dispensed, destroyed, transit] = issued.units as string[];
    await op.activate(server, tokens.industri, issued.units.slice(1));
    await op.ship(server, tokens.industri, [back!, out!, gone!, dispensed!, destroyed!, transit!], at.pbf);
    await op.receive(server, tokens.pbf, [back!, out!, gone!, dispensed!, destroyed!, transit!]);
    await op.ship(server, tokens.pbf, [gone!, dispensed!], at.apotek);
    await op.receive(server, tokens.apotek, [gone!, dispensed!]);
    await op.dispense(server, tokens.apotek, [dispensed!]);
    await op.decommission(server, tokens.pbf, [destroyed!], 'DESTROYED');
    const { data: recalled } = await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "uji") { id } }`, { n: issued.nie, b: issued.batch }, tokens.bpom);
    await op.returnPacks(server, tokens.pbf, [back!], at.plant);
    await op.receive(server, tokens.industri, [back!]);
    await op.returnPacks(server, tokens.pbf, [transit!], at.plant);
    const { data } = await server.gql(
      `query($id: ID!) { recall(id: $id) { progress { totalUnits released recovered outstanding reachedPatients byPosition { position units } byFacility { facility { id } units } } } }`,
      { id: recalled.recallBatch.id },
      tokens.bpom,
    );
    const progress = data.recall.progress;
    const position = Object.fromEntries(progress.byPosition.map((row: any) => [row.position, row.units]));
    expect(position).toEqual({ NOT_ACTIVATED: 1, NOT_RELEASED: 1, OUTSTANDING: 2, RETURNED: 2, DESTROYED: 1, DISPENSED: 1, OTHER: 0 });
    expect(progress).toMatchObject({ totalUnits: 8, released: 6, recovered: 3, outstanding: 2, reachedPatients: 1 });
    expect(progress.byFacility.reduce((sum: number, row: any) => sum + row.units, 0)).toBe(progress.outstanding);
    expect(progress.byFacility.map((row: any) => row.facility.id).sort()).toEqual([at.pbf, at.apotek].sort());
    void notActive;
    void home;
    void out;
  });
});

describe('the predicates, in TypeScript and in SQL', () => {
  it('agree on a pack in every state', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 9 });
    const u = issued.units;
    await op.activate(server, tokens.industri, u.slice(1));
    await op.ship(server, tokens.industri, u.slice(2), at.apotek);
    await op.receive(server, tokens.apotek, u.slice(3));
    await op.dispense(server, tokens.apotek, [u[3]!]);
    for (const [i, reason] of (['DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED'] as const).entries()) {
      await op.decommission(server, tokens.apotek, [u[4 + i]!], reason);
    }
    const { rows } = await server.pool.query(
      `select p.status, p.custodian_id as "custodianId", ${onHandSql('p')} as "onHand", ${inTransitSql('p')} as "inTransit",
              ${inChainSql('p')} as "inChain", ${decommissionedSql('p')} as decommissioned
         from pack p join product pr on pr.id = p.product_id where pr.nie = $1 and p.level = 'UNIT'`,
      [issued.nie],
    );
    expect(new Set(rows.map((row) => row.status)).size).toBe(9);
    for (const row of rows) {
      expect({ onHand: row.onHand, inTransit: row.inTransit, inChain: row.inChain, decommissioned: row.decommissioned }, row.status).toEqual({
        onHand: isOnHand(row),
        inTransit: isInTransit(row),
        inChain: isInChain(row),
        decommissioned: isDecommissioned(row),
      });
    }
  });
});

describe('reconciliation', () => {
  it('names a summary that drifted from the event log, and a fix puts it back', async () => {
    expect(await reconcile(server.pool, 'Asia/Jakarta')).toEqual([]);
    await server.pool.query(`update flow set units_out = units_out + 1 where (facility_id, day, counterparty_id, batch_id) in (select facility_id, day, counterparty_id, batch_id from flow where units_out > 0 limit 1)`);
    await server.pool.query(`delete from stock where (facility_id, batch_id) in (select facility_id, batch_id from stock where units > 0 limit 1)`);
    const differences = await reconcile(server.pool, 'Asia/Jakarta');
    expect(differences.map((d) => [d.table, d.rows])).toEqual([
      ['stock', 1],
      ['flow', 1],
    ]);
    expect(differences[1]!.samples[0]!.stored.units_out).toBe(differences[1]!.samples[0]!.expected.units_out + 1);
    await reconcile(server.pool, 'Asia/Jakarta', { fix: true });
    expect(await reconcile(server.pool, 'Asia/Jakarta')).toEqual([]);
  });
});
