import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, daysAgo, startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, packOf, reasons, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let pbfFacility: string;
let medanFacility: string;
let apotekFacility: string;
let makassarFacility: string;
let plantFacility: string;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  pbfFacility = await facilityId(server, tokens.industri, 'Nusantara');
  medanFacility = await facilityId(server, tokens.industri, 'Medan');
  apotekFacility = await facilityId(server, tokens.industri, 'Sentosa');
  makassarFacility = await facilityId(server, tokens.industri, 'Makassar');
  plantFacility = await facilityId(server, tokens.industri, 'Pabrik Sehat Farma');
});
afterAll(async () => {
  await server?.close();
});

describe('activation', () => {
  it('activates the manufacturer’s own codes, once', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const first = await op.activate(server, tokens.industri, issued.units);
    expect(first).toMatchObject({ accepted: 3, units: 3, rejected: [] });
    expect(await packOf(server, tokens.industri, issued.units[0]!)).toMatchObject({ status: 'ACTIVE', custodian: { id: plantFacility } });
    const again = await op.activate(server, tokens.industri, issued.units);
    expect(again.accepted).toBe(0);
    expect(reasons(again)).toEqual(['WRONG_STATE', 'WRONG_STATE', 'WRONG_STATE']);
  });

  it('rejects each bad code with its own reason and applies the rest', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    const serial = issued.units[0]!.slice(-15);
    const result = await op.activate(server, tokens.industri, [
      issued.units[0]!,
      'not a code',
      `(90)${issued.nie}(10)${issued.batch}(17)290831(21)FFFFFFFFFFFFFFF`,
      `(90)${issued.nie}(10)OTHERLOT(17)290831(21)${serial}`,
      `(90)${issued.nie}(10)${issued.batch}(17)300131(21)${serial}`,
      `(90)${issued.nie}(10)${issued.batch}(17)291301(21)${serial}`,
    ]);
    expect(result.accepted).toBe(1);
    expect(reasons(result)).toEqual(['MALFORMED', 'NOT_FOUND', 'DATA_MISMATCH', 'DATA_MISMATCH', 'MALFORMED']);
    expect(result.rejected.every((r) => r.message.length > 5)).toBe(true);
  });

  it('reads every form a scanner sends', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const [a, b, c] = issued.units;
    const raw = (text: string) => text.replace(/\((\d+)\)/g, (_m, ai, offset) => (offset ? '\x1d' : '') + ai);
    const result = await op.activate(server, tokens.industri, [`]d2${raw(a!)}`, `\x1d${raw(b!)}\r\n`, c!.replace(/\((\d+)\)/g, '^$1')]);
    expect(result).toMatchObject({ accepted: 3, rejected: [] });
  });

  it('lets no one but the owning manufacturer activate', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const byPbf = await server.gql(`mutation($c: [String!]!) { activate(codes: $c) { accepted } }`, { c: issued.units }, tokens.pbf);
    expect(codesOf(byPbf)).toEqual(['FORBIDDEN']);
  });

  it('refuses an empty or oversized list as bad input', async () => {
    const empty = await server.gql(`mutation { activate(codes: []) { accepted } }`, {}, tokens.industri);
    expect(codesOf(empty)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a pack’s journey through the chain', () => {
  it('moves a pallet down the chain, a unit out of its case, and records every step', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 4, unitsPerCase: 2, casesPerPallet: 2 });
    const [u1, u2, u3, u4] = issued.units as [string, string, string, string];
    const [c1, c2] = issued.cases as [string, string];
    const [pallet] = issued.pallets as [string];
    expect((await op.activate(server, tokens.industri, issued.units)).accepted).toBe(4);

    // Aggregation: units into cases, cases into a pallet; parent codes are activated on first use.
    expect(await op.aggregate(server, tokens.industri, c1, [u1, u2])).toMatchObject({ accepted: 2, units: 2, rejected: [] });
    expect(await op.aggregate(server, tokens.industri, c2, [u3, u4])).toMatchObject({ accepted: 2, rejected: [] });
    const twice = await op.aggregate(server, tokens.industri, c2, [u1, u3]);
    expect(twice.accepted).toBe(1); // u3 again: a duplicate; u1 sits in c1
    expect(reasons(twice)).toEqual(['ALREADY_AGGREGATED']);
    expect(await op.aggregate(server, tokens.industri, pallet, [c1, c2])).toMatchObject({ accepted: 2, units: 4 });
    expect(reasons(await op.aggregate(server, tokens.industri, u1, [u2]))).toEqual(['WRONG_STATE']);

    // Ship the pallet: everything inside goes with it.
    const shipped = await op.ship(server, tokens.industri, [pallet], pbfFacility);
    expect(shipped).toMatchObject({ accepted: 1, units: 4, rejected: [] });
    expect(await packOf(server, tokens.industri, u1)).toMatchObject({ status: 'IN_TRANSIT', destination: { id: pbfFacility } });
    expect(reasons(await op.ship(server, tokens.industri, [pallet], pbfFacility))).toEqual(['WRONG_STATE']);

    // Only the facility it was shipped to can receive it.
    expect(reasons(await op.receive(server, tokens.apotek, [pallet]))).toEqual(['NOT_SHIPPED_TO_YOU']);
    expect(await op.receive(server, tokens.pbf, [pallet])).toMatchObject({ accepted: 1, units: 4 });
    expect(reasons(await op.receive(server, tokens.pbf, [pallet]))).toEqual(['WRONG_STATE']);

    // A unit shipped on its own leaves its case.
    expect(await op.ship(server, tokens.pbf, [u1], apotekFacility)).toMatchObject({ accepted: 1, units: 1 });
    expect((await packOf(server, tokens.pbf, c1)).childCount).toBe(1);
    expect(await op.receive(server, tokens.apotek, [u1])).toMatchObject({ accepted: 1 });
    expect(await op.dispense(server, tokens.apotek, [u1])).toMatchObject({ accepted: 1 });
    expect(reasons(await op.dispense(server, tokens.apotek, [u1]))).toEqual(['WRONG_STATE']);
    expect(reasons(await op.dispense(server, tokens.pbf, [u2]))).toEqual(['FORBIDDEN']);

    const { data } = await server.gql(
      `query($c: String!) { trace(code: $c) { pack { status custodian { name } } parent { code } events { type facility { name } counterparty { name } parentCode } } }`,
      { c: u1 },
      tokens.bpom,
    );
    expect(data.trace.pack.status).toBe('DISPENSED');
    expect(data.trace.parent).toBeNull();
    expect(data.trace.events.map((e: any) => e.type)).toEqual([
      'ACTIVATED',
      'AGGREGATED',
      'AGGREGATED',
      'SHIPPED',
      'RECEIVED',
      'DISAGGREGATED',
      'SHIPPED',
      'RECEIVED',
      'DISPENSED',
    ]);
    expect(data.trace.events[3]).toMatchObject({ facility: { name: 'Pabrik Sehat Farma Bandung' }, counterparty: { name: 'Gudang PBF Nusantara Jakarta Timur' } });
    expect(data.trace.events[2].parentCode).toBe(pallet);

    const palletTrace = await server.gql(`query($c: String!) { trace(code: $c) { pack { level childCount } children { code level } } }`, { c: pallet }, tokens.pbf);
    expect(palletTrace.data.trace.children.map((c: any) => c.code).sort()).toEqual([c1, c2].sort());
    const hidden = await server.gql(`query($c: String!) { trace(code: $c) { pack { status } } }`, { c: u3 }, tokens.apotek);
    expect(codesOf(hidden)).toEqual(['NOT_FOUND']);
  });

  it('moves codes named together with their case once, and not at all when the case is refused', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 4, unitsPerCase: 2, casesPerPallet: 2 });
    const [u1, u2, u3, u4] = issued.units as [string, string, string, string];
    await op.activate(server, tokens.industri, issued.units);
    await op.aggregate(server, tokens.industri, issued.cases[0]!, [u1, u2]);
    await op.aggregate(server, tokens.industri, issued.cases[1]!, [u3, u4]);
    await op.aggregate(server, tokens.industri, issued.pallets[0]!, issued.cases);
    // Everything named at once: the pallet carries the rest, counted once each.
    const shipped = await op.ship(server, tokens.industri, [u1, issued.cases[0]!, issued.pallets[0]!, u3], pbfFacility);
    expect(shipped).toMatchObject({ accepted: 4, units: 4, rejected: [] });
    expect((await packOf(server, tokens.industri, issued.cases[0]!)).childCount).toBe(2);
    // The pallet is in transit: named with a unit inside it, both are refused and nothing moves.
    const again = await op.ship(server, tokens.industri, [issued.pallets[0]!, u2], apotekFacility);
    expect(again.accepted).toBe(0);
    expect(reasons(again)).toEqual(['WRONG_STATE', 'WRONG_STATE']);
    expect(await packOf(server, tokens.industri, u2)).toMatchObject({ status: 'IN_TRANSIT', destination: { id: pbfFacility } });
  });

  it('only moves what the caller holds', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    expect(reasons(await op.ship(server, tokens.pbf, [issued.units[0]!], apotekFacility))).toEqual(['NOT_IN_CUSTODY']);
    expect(reasons(await op.decommission(server, tokens.pbf, [issued.units[0]!], 'DESTROYED'))).toEqual(['NOT_IN_CUSTODY']);
    const toNowhere = await server.gql(`mutation($c: [String!]!) { ship(codes: $c, to: "00000000-0000-0000-0000-000000000000") { accepted } }`, { c: issued.units }, tokens.industri);
    expect(codesOf(toNowhere)).toEqual(['NOT_FOUND']);
  });

  it('disaggregates a named child or everything, and refuses a child of another parent', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3, unitsPerCase: 3 });
    await op.activate(server, tokens.industri, issued.units);
    await op.aggregate(server, tokens.industri, issued.cases[0]!, issued.units);
    expect(await op.disaggregate(server, tokens.industri, issued.cases[0]!, [issued.units[0]!])).toMatchObject({ accepted: 1, units: 1 });
    expect(reasons(await op.disaggregate(server, tokens.industri, issued.cases[0]!, [issued.units[0]!]))).toEqual(['WRONG_STATE']);
    expect(await op.disaggregate(server, tokens.industri, issued.cases[0]!)).toMatchObject({ accepted: 1, units: 2 });
    expect((await packOf(server, tokens.industri, issued.cases[0]!)).childCount).toBe(0);
  });

  it('aggregates into a new SSCC registered at the caller’s facility, and refuses a bad check digit', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    const sscc = '089970019999999997'.slice(0, 17);
    const digits = sscc.split('').map(Number);
    const sum = digits.reduce((s, d, i) => s + d * ((digits.length - i) % 2 === 1 ? 3 : 1), 0);
    const good = `(00)${sscc}${(10 - (sum % 10)) % 10}`;
    const bad = `(00)${sscc}${((10 - (sum % 10)) % 10 + 1) % 10}`;
    expect(reasons(await op.aggregate(server, tokens.industri, bad, issued.units))).toEqual(['MALFORMED', 'MALFORMED']);
    expect(await op.aggregate(server, tokens.industri, good, issued.units)).toMatchObject({ accepted: 2, units: 2 });
    expect(await packOf(server, tokens.industri, good)).toMatchObject({ level: 'CASE', status: 'ACTIVE', childCount: 2, product: null });
  });
});

describe('undo and decommissioning', () => {
  it('undoes a dispense within the undo window, not after, a lock at any time, and never a destruction', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 4 });
    const [a, b, c, d] = issued.units as [string, string, string, string];
    // Eleven days ago: b dispensed and d locked.
    server.setTime(daysAgo(11));
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, apotekFacility);
    await op.receive(server, tokens.apotek, issued.units);
    await op.dispense(server, tokens.apotek, [b]);
    await op.decommission(server, tokens.apotek, [d], 'LOCKED');
    server.setTime(null);
    await op.dispense(server, tokens.apotek, [a]);
    expect(await op.undo(server, tokens.apotek, [a])).toMatchObject({ accepted: 1 });
    expect((await packOf(server, tokens.apotek, a)).status).toBe('ACTIVE');
    expect(reasons(await op.undo(server, tokens.apotek, [b]))).toEqual(['UNDO_WINDOW_PASSED']);
    await op.decommission(server, tokens.apotek, [c], 'DESTROYED');
    expect(reasons(await op.undo(server, tokens.apotek, [c]))).toEqual(['WRONG_STATE']);
    expect(reasons(await op.undo(server, tokens.pbf, [d]))).toEqual(['NOT_IN_CUSTODY']);
    expect(await op.undo(server, tokens.apotek, [d])).toMatchObject({ accepted: 1 });
    expect(reasons(await op.undo(server, tokens.apotek, [d]))).toEqual(['WRONG_STATE']);
  });

  it('refuses to ship or dispense expired packs, but lets them go back', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, apotekFacility);
    await op.receive(server, tokens.apotek, issued.units);
    const { rows } = await server.pool.query(
      `update batch set expiry = current_date - 1 where lot = $1 and product_id = (select id from product where nie = $2)
       returning to_char(expiry, 'YYMMDD') as yymmdd`,
      [issued.batch, issued.nie],
    );
    // The codes as printed for a batch that has now expired.
    const [code] = issued.units.map((unit) => unit.replace(/\(17\)\d{6}/, `(17)${rows[0].yymmdd}`));
    expect(reasons(await op.dispense(server, tokens.apotek, [code!]))).toEqual(['EXPIRED']);
    expect(reasons(await op.ship(server, tokens.apotek, [code!], makassarFacility))).toEqual(['EXPIRED']);
    expect(await op.returnPacks(server, tokens.apotek, [code!], pbfFacility)).toMatchObject({ accepted: 1 });
  });
});

describe('recall', () => {
  it('blocks dispensing and onward shipping, lets goods come back, and reports where they are', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 6 });
    const [a, b, c, d, e, f] = issued.units as [string, string, string, string, string, string];
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, [a, b, c, d, e], pbfFacility);
    await op.receive(server, tokens.pbf, [a, b, c, d, e]);
    await op.ship(server, tokens.pbf, [a, b, c], apotekFacility);
    await op.receive(server, tokens.apotek, [a, b, c]);
    await op.dispense(server, tokens.apotek, [c]);

    const byPbf = await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "x") { id } }`, { n: issued.nie, b: issued.batch }, tokens.pbf);
    expect(codesOf(byPbf)).toEqual(['FORBIDDEN']);
    const recall = await server.gql(
      `mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "Kontaminasi partikel", class: II) { id status } }`,
      { n: issued.nie, b: issued.batch },
      tokens.industri,
    );
    expect(recall.data.recallBatch.status).toBe('OPEN');
    const again = await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "lagi") { id } }`, { n: issued.nie, b: issued.batch }, tokens.bpom);
    expect(again.data.recallBatch.id).toBe(recall.data.recallBatch.id);

    expect(reasons(await op.dispense(server, tokens.apotek, [a]))).toEqual(['RECALLED']);
    expect(reasons(await op.ship(server, tokens.apotek, [a], makassarFacility))).toEqual(['RECALLED']);
    expect(reasons(await op.ship(server, tokens.pbf, [d], medanFacility))).toEqual(['RECALLED']);
    expect(reasons(await op.ship(server, tokens.industri, [f], pbfFacility))).toEqual(['RECALLED']);
    expect(await op.returnPacks(server, tokens.apotek, [a, b], pbfFacility)).toMatchObject({ accepted: 2 });
    await op.receive(server, tokens.pbf, [a, b]);
    expect(await op.returnPacks(server, tokens.pbf, [a, b, d], plantFacility)).toMatchObject({ accepted: 3 });
    await op.receive(server, tokens.industri, [a, b, d]);

    const progress = await server.gql(
      `query($id: ID!) { recall(id: $id) { nie batch progress { totalUnits returned outstanding byStatus { status units } byFacility { facility { name } units } } } }`,
      { id: recall.data.recallBatch.id },
      tokens.bpom,
    );
    expect(progress.data.recall.progress).toMatchObject({ totalUnits: 6, returned: 3, outstanding: 1 });
    expect(progress.data.recall.progress.byStatus).toEqual([
      { status: 'ACTIVE', units: 5 },
      { status: 'DISPENSED', units: 1 },
    ]);
  });
});

describe('realisation', () => {
  it('counts distinct units per stage, once each, and takes back an undone dispense', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 5, unitsPerCase: 5 });
    const row = async () => {
      const { data } = await server.gql(`{ realisation(groupBy: BATCH) { key label issued activated shippedToDistributor receivedByDistributor shippedByDistributor receivedByPharmacy dispensed } }`, {}, tokens.bpom);
      return data.realisation.find((r: any) => r.key === `${issued.nie}/${issued.batch}`);
    };
    await op.activate(server, tokens.industri, issued.units);
    await op.activate(server, tokens.industri, issued.units);
    await op.aggregate(server, tokens.industri, issued.cases[0]!, issued.units);
    await op.ship(server, tokens.industri, issued.cases, pbfFacility);
    await op.receive(server, tokens.pbf, issued.cases);
    await op.ship(server, tokens.pbf, issued.units.slice(0, 3), apotekFacility);
    await op.receive(server, tokens.apotek, issued.units.slice(0, 3));
    // Back and forth: a return and a second delivery do not count twice.
    await op.returnPacks(server, tokens.apotek, issued.units.slice(0, 1), pbfFacility);
    await op.receive(server, tokens.pbf, issued.units.slice(0, 1));
    await op.ship(server, tokens.pbf, issued.units.slice(0, 1), apotekFacility);
    await op.receive(server, tokens.apotek, issued.units.slice(0, 1));
    await op.dispense(server, tokens.apotek, issued.units.slice(0, 2));
    await op.undo(server, tokens.apotek, issued.units.slice(1, 2));
    expect(await row()).toMatchObject({
      issued: 5,
      activated: 5,
      shippedToDistributor: 5,
      receivedByDistributor: 5,
      shippedByDistributor: 3,
      receivedByPharmacy: 3,
      dispensed: 1,
    });
    const byOrg = await server.gql(`{ realisation(groupBy: ORGANIZATION) { label issued } }`, {}, tokens.industri);
    expect(byOrg.data.realisation).toHaveLength(1);
    expect(byOrg.data.realisation[0].label).toBe('PT Sehat Farma Indonesia');
    expect(codesOf(await server.gql(`{ realisation(groupBy: PRODUCT) { key } }`, {}, tokens.pbf))).toEqual(['FORBIDDEN']);
  });
});

describe('events', () => {
  it('are never updated or deleted', async () => {
    await expect(server.pool.query(`update event set reason = 'x'`)).rejects.toThrow(/never updated or deleted/);
    await expect(server.pool.query(`delete from event_pack`)).rejects.toThrow(/never updated or deleted/);
  });
});

describe('concurrency', () => {
  it('lets exactly one of two simultaneous receipts win, and the events agree', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const [code] = issued.units as [string];
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, apotekFacility);
    const secondUser = await server.gql(`mutation { createUser(input: { email: "kasir@apotek.test", name: "Kasir", password: "kasir-12345", role: OPERATOR }) { id } }`, {}, tokens.apotek);
    expect(secondUser.errors).toBeUndefined();
    const other = await server.login('kasir@apotek.test', 'kasir-12345');
    const results = await Promise.all([op.receive(server, tokens.apotek, [code]), op.receive(server, other, [code]), op.receive(server, tokens.pbf, [code])]);
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 0, 1]);
    const events = await server.pool.query(
      `select e.type from event e join event_pack ep on ep.event_id = e.id join pack p on p.id = ep.pack_id where p.serial = $1 and e.type = 'RECEIVED'`,
      [code.slice(-15)],
    );
    expect(events.rowCount).toBe(1);
  });

  it('lets exactly one of two parallel dispenses of a pack win', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, apotekFacility);
    await op.receive(server, tokens.apotek, issued.units);
    const other = await server.login('kasir@apotek.test', 'kasir-12345');
    const results = await Promise.all([op.dispense(server, tokens.apotek, issued.units), op.dispense(server, other, issued.units)]);
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 1]);
    expect(results.flatMap(reasons)).toEqual(['WRONG_STATE']);
    const { rows } = await server.pool.query(
      `select count(*)::int as n from event e join event_pack ep on ep.event_id = e.id join pack p on p.id = ep.pack_id where p.serial = $1 and e.type = 'DISPENSED'`,
      [issued.units[0]!.slice(-15)],
    );
    expect(rows[0].n).toBe(1);
  });
});
