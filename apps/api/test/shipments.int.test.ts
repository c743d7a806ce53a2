import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type TestServer } from './harness.js';
import { BULK, demoTokens, facilityId, issueCodes, op, packOf, type Tokens } from './lifecycle-helpers.js';

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

const SHIPMENT = `id number gsin barcode kind status units receivedUnits from { id } to { id } dispatchedAt receivedAt
  items { code level units status } lines { product { nie } batch expiry units }`;
const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
  const result = await server.gql(query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
};
const openShipment = async (token: string, to: string) =>
  (await gql(`mutation($to: ID!) { openShipment(to: $to) { ${SHIPMENT} } }`, { to }, token)).openShipment;
const fill = (token: string, shipment: string, to: string, codes: string[]) =>
  gql(`mutation($c: [String!]!, $to: ID!, $s: ID) { ship(codes: $c, to: $to, shipment: $s) { ${BULK} recalled shipment { id number } } }`, { c: codes, to, s: shipment }, token).then(
    (data) => data.ship,
  );
const dispatch = async (token: string, id: string) => (await gql(`mutation($id: ID!) { dispatchShipment(id: $id) { ${BULK} shipment { id number } } }`, { id }, token)).dispatchShipment;
const shipment = async (token: string, id: string) => (await gql(`query($id: ID!) { shipment(id: $id) { ${SHIPMENT} } }`, { id }, token)).shipment;
const RECEIPT = `accepted units rejected { code reason rule } missing extra recalled shipment { id number }`;
const receive = async (token: string, id: string, codes?: string[]) =>
  (await gql(`mutation($id: ID!, $c: [String!]) { receiveShipment(id: $id, codes: $c) { ${RECEIPT} } }`, { id, c: codes }, token)).receiveShipment;

/** A consignment at the plant: a pallet of 2 cases of 5 units, a case of 5 units, and 3 loose units. */
async function consignment() {
  const issued = await issueCodes(server, tokens, { quantity: 23, unitsPerCase: 5, casesPerPallet: 2 });
  const u = issued.units;
  await op.activate(server, tokens.industri, u);
  await op.aggregate(server, tokens.industri, issued.cases[0]!, u.slice(0, 5));
  await op.aggregate(server, tokens.industri, issued.cases[1]!, u.slice(5, 10));
  await op.aggregate(server, tokens.industri, issued.pallets[0]!, issued.cases.slice(0, 2));
  await op.aggregate(server, tokens.industri, issued.cases[2]!, u.slice(10, 15));
  return { issued, pallet: issued.pallets[0]!, box: issued.cases[2]!, loose: u.slice(15, 18), spare: u.slice(18) };
}

describe('a shipment as a document', () => {
  it('is filled while open (nothing moves), dispatched in one step, and received whole in one action', async () => {
    const { issued, pallet, box, loose } = await consignment();
    const open = await openShipment(tokens.industri, at.pbf);
    expect(open).toMatchObject({ status: 'OPEN', units: 0, kind: 'SHIPMENT', from: { id: at.plant }, to: { id: at.pbf } });
    expect(open.number).toMatch(/^SJ-\d{4}-\d{6}$/);
    expect(open.barcode).toBe(`(402)${open.gsin}`);

    expect(await fill(tokens.industri, open.id, at.pbf, [pallet, box])).toMatchObject({ accepted: 2, units: 15, shipment: { id: open.id } });
    expect(await fill(tokens.industri, open.id, at.pbf, loose)).toMatchObject({ accepted: 3, units: 3 });
    expect((await packOf(server, tokens.industri, pallet)).status).toBe('ACTIVE');
    const filled = await shipment(tokens.industri, open.id);
    expect(filled).toMatchObject({ status: 'OPEN', units: 18 });
    expect(filled.items.map((item: any) => [item.level, item.units])).toEqual([
      ['PALLET', 10],
      ['CASE', 5],
      ['UNIT', 1],
      ['UNIT', 1],
      ['UNIT', 1],
    ]);
    expect(filled.lines).toEqual([{ product: { nie: issued.nie }, batch: issued.batch, expiry: '2029-08-31', units: 18 }]);

    const sent = await dispatch(tokens.industri, open.id);
    expect(sent).toMatchObject({ accepted: 5, units: 18, rejected: [] });
    expect((await packOf(server, tokens.industri, loose[0]!)).status).toBe('IN_TRANSIT');

    // The receiver sees it coming, and reads it by its barcode.
    const { incomingShipments } = await gql(`{ incomingShipments { id number units status } }`, {}, tokens.pbf);
    expect(incomingShipments).toContainEqual({ id: open.id, number: open.number, units: 18, status: 'DISPATCHED' });
    const scanned = await gql(`query($c: String!) { shipmentByCode(code: $c) { id } }`, { c: `\u001d402${open.gsin}` }, tokens.pbf);
    expect(scanned.shipmentByCode).toEqual({ id: open.id });

    const receipt = await receive(tokens.pbf, open.id);
    expect(receipt).toMatchObject({ accepted: 5, units: 18, rejected: [], missing: [], extra: [] });
    expect(await shipment(tokens.pbf, open.id)).toMatchObject({ status: 'RECEIVED', receivedUnits: 18 });
    expect((await packOf(server, tokens.pbf, loose[0]!)).custodian.id).toBe(at.pbf);
  });

  it('names what is missing, outermost first, when only some of it arrives', async () => {
    const { pallet, box, loose, issued } = await consignment();
    const open = await openShipment(tokens.industri, at.pbf);
    await fill(tokens.industri, open.id, at.pbf, [pallet, box, ...loose]);
    await dispatch(tokens.industri, open.id);
    // One case and two units of the pallet are taken off it and scanned, with one loose unit:
    // the pallet with what is left on it, the other case and two loose units did not arrive.
    const arrived = [issued.cases[0]!, ...issued.units.slice(5, 7), loose[0]!];
    const receipt = await receive(tokens.pbf, open.id, arrived);
    expect(receipt).toMatchObject({ accepted: 4, units: 8, rejected: [], extra: [] });
    expect([...receipt.missing].sort()).toEqual([pallet, box, ...loose.slice(1)].sort());
    expect(await shipment(tokens.pbf, open.id)).toMatchObject({ status: 'RECEIVED_WITH_DISCREPANCIES', receivedUnits: 8 });
    // One alert for BPOM about the shipment, not one per code; the sender is told.
    const { alerts } = await gql(`{ alerts(status: OPEN) { reason code occurrences } }`, {}, tokens.bpom);
    expect(alerts.filter((alert: any) => alert.code === open.number)).toEqual([{ reason: 'SHIPMENT_DISCREPANCY', code: open.number, occurrences: 1 }]);
    const { notifications } = await gql(`{ notifications { unread items { kind shipmentNumber units counterparty read } } }`, {}, tokens.industri);
    expect(notifications.items).toContainEqual({ kind: 'SHIPMENT_DISCREPANCY', shipmentNumber: open.number, units: 10, counterparty: 'Gudang PBF Nusantara Jakarta Timur', read: false });
    // The rest comes later, by a plain receipt: the shipment is received in full.
    await op.receive(server, tokens.pbf, [box, ...issued.units.slice(7, 10), ...loose.slice(1)]);
    expect(await shipment(tokens.pbf, open.id)).toMatchObject({ receivedUnits: 18 });
  });

  it('receives an extra pack that came in another shipment, and names it', async () => {
    const { loose, spare } = await consignment();
    const first = await openShipment(tokens.industri, at.pbf);
    await fill(tokens.industri, first.id, at.pbf, loose);
    await dispatch(tokens.industri, first.id);
    const other = await op.ship(server, tokens.industri, [spare[0]!], at.pbf);
    expect(other.accepted).toBe(1);
    const receipt = await receive(tokens.pbf, first.id, [...loose, spare[0]!]);
    expect(receipt).toMatchObject({ accepted: 4, units: 4, missing: [], extra: [spare[0]] });
    expect((await shipment(tokens.pbf, first.id)).status).toBe('RECEIVED');
  });

  it('is cancelled before dispatch: nothing moved, and its packs are free for another shipment', async () => {
    const { loose } = await consignment();
    const first = await openShipment(tokens.industri, at.pbf);
    await fill(tokens.industri, first.id, at.pbf, loose);
    const second = await openShipment(tokens.industri, at.pbf);
    const twice = await fill(tokens.industri, second.id, at.pbf, loose);
    expect(twice.rejected.map((r: any) => r.rule)).toEqual(['IN_OPEN_SHIPMENT', 'IN_OPEN_SHIPMENT', 'IN_OPEN_SHIPMENT']);
    const cancelled = await gql(`mutation($id: ID!) { cancelShipment(id: $id) { status } }`, { id: first.id }, tokens.industri);
    expect(cancelled.cancelShipment.status).toBe('CANCELLED');
    expect((await packOf(server, tokens.industri, loose[0]!)).status).toBe('ACTIVE');
    expect(await fill(tokens.industri, second.id, at.pbf, loose)).toMatchObject({ accepted: 3 });
    expect(codesOf(await server.gql(`mutation($id: ID!) { dispatchShipment(id: $id) { accepted } }`, { id: first.id }, tokens.industri))).toEqual(['CONFLICT']);
    await dispatch(tokens.industri, second.id);
    expect(codesOf(await server.gql(`mutation($id: ID!) { cancelShipment(id: $id) { status } }`, { id: second.id }, tokens.industri))).toEqual(['CONFLICT']);
  });

  it('is each ship call of its own without one, and a return is a shipment too', async () => {
    const { spare } = await consignment();
    const sent = await op.ship(server, tokens.industri, [spare[0]!], at.pbf);
    const { shipment: ref } = (await gql(`mutation($c: [String!]!, $to: ID!) { ship(codes: $c, to: $to) { shipment { id number } } }`, { c: [spare[1]], to: at.pbf }, tokens.industri)).ship;
    expect(sent.accepted).toBe(1);
    expect(ref.number).toMatch(/^SJ-/);
    await op.receive(server, tokens.pbf, [spare[1]!]);
    expect((await shipment(tokens.pbf, ref.id)).status).toBe('RECEIVED');
    const back = (await gql(`mutation($c: [String!]!, $to: ID!) { returnPacks(codes: $c, to: $to) { accepted shipment { number } } }`, { c: [spare[1]], to: at.plant }, tokens.pbf)).returnPacks;
    expect(back.shipment.number).toMatch(/^RT-/);
    // A call that sends nothing leaves no shipment behind.
    const nothing = (await gql(`mutation($c: [String!]!, $to: ID!) { ship(codes: $c, to: $to) { accepted shipment { id } } }`, { c: [spare[1]], to: at.apotek }, tokens.pbf)).ship;
    expect(nothing).toEqual({ accepted: 0, shipment: null });
  });

  it('is seen by its sender, its receiver and BPOM only, and filled, dispatched and received only by them', async () => {
    const { spare } = await consignment();
    const open = await openShipment(tokens.industri, at.pbf);
    expect((await server.gql(`query($id: ID!) { shipment(id: $id) { id } }`, { id: open.id }, tokens.apotek)).data.shipment).toBeNull();
    expect((await gql(`query($id: ID!) { shipment(id: $id) { id } }`, { id: open.id }, tokens.bpom)).shipment).toEqual({ id: open.id });
    expect(codesOf(await server.gql(`mutation($c: [String!]!, $to: ID!, $s: ID) { ship(codes: $c, to: $to, shipment: $s) { accepted } }`, { c: spare, to: at.pbf, s: open.id }, tokens.pbf))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(`mutation($c: [String!]!, $to: ID!, $s: ID) { ship(codes: $c, to: $to, shipment: $s) { accepted } }`, { c: spare, to: at.apotek, s: open.id }, tokens.industri))).toEqual(['BAD_USER_INPUT']);
    await fill(tokens.industri, open.id, at.pbf, spare);
    await dispatch(tokens.industri, open.id);
    expect(codesOf(await server.gql(`mutation($id: ID!) { receiveShipment(id: $id) { accepted } }`, { id: open.id }, tokens.apotek))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(`mutation($id: ID!) { receiveShipment(id: $id) { accepted } }`, { id: open.id }, tokens.industri))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(`mutation($id: ID!) { receiveShipment(id: $id) { accepted } }`, { id: 'not-an-id' }, tokens.pbf))).toEqual(['BAD_USER_INPUT']);
    await receive(tokens.pbf, open.id);
  });
});

describe('notifications', () => {
  it('tell a receiver a shipment is on its way, and are marked read per user', async () => {
    const { spare } = await consignment();
    const sent = await op.ship(server, tokens.industri, spare, at.pbf);
    expect(sent.accepted).toBe(spare.length);
    const list = async () => (await gql(`{ notifications { unread items { id kind units read } } }`, {}, tokens.pbf)).notifications;
    const before = await list();
    expect(before.items[0]).toMatchObject({ kind: 'INCOMING_SHIPMENT', units: spare.length, read: false });
    expect((await gql(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [before.items[0].id] }, tokens.pbf)).markNotificationsRead).toBe(1);
    expect((await list()).unread).toBe(before.unread - 1);
    expect(codesOf(await server.gql(`mutation { markNotificationsRead(ids: ["x"]) }`, {}, tokens.pbf))).toEqual(['BAD_USER_INPUT']);
    await op.receive(server, tokens.pbf, spare);
  });
});

describe('a recall reaches every holder', () => {
  it('notifies exactly the facilities holding units, gives each its pull list, and its progress adds up to the batch', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 10, unitsPerCase: 5 });
    const u = issued.units;
    await op.activate(server, tokens.industri, u);
    await op.aggregate(server, tokens.industri, issued.cases[0]!, u.slice(0, 5));
    // The distributor gets a case and 3 units and passes 2 units to the pharmacy, which dispenses
    // one and passes the other on to Makassar; the distributor sends Makassar one more. The plant keeps 2.
    await op.ship(server, tokens.industri, [issued.cases[0]!, ...u.slice(5, 8)], at.pbf);
    await op.receive(server, tokens.pbf, [issued.cases[0]!, ...u.slice(5, 8)]);
    await op.ship(server, tokens.pbf, u.slice(5, 7), at.apotek);
    await op.receive(server, tokens.apotek, u.slice(5, 7));
    await op.dispense(server, tokens.apotek, [u[5]!]);
    await op.ship(server, tokens.apotek, [u[6]!], at.makassar);
    await op.ship(server, tokens.pbf, [u[7]!], at.makassar);
    const recall = (await gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "uji jangkauan") { id } }`, { n: issued.nie, b: issued.batch }, tokens.bpom)).recallBatch;

    // Told: exactly the facilities holding units now (or about to receive them), not the pharmacy that passed its on.
    const { rows } = await server.pool.query(`select facility_id as id, (params->>'units')::int as units from notification where kind = 'RECALL' and params->>'recallId' = $1`, [recall.id]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.units]))).toEqual({ [at.pbf]: 5, [at.makassar]: 2, [at.plant]: 2 });
    const { notifications } = await gql(`{ notifications { unread items { kind recallId units } } }`, {}, tokens.pbf);
    expect(notifications.items).toContainEqual({ kind: 'RECALL', recallId: recall.id, units: 5 });

    // The distributor's pull list: the case by its one code. The recall never reached the pharmacy.
    const pull = await gql(`query($id: ID!) { recall(id: $id) { pullList { code level units } } }`, { id: recall.id }, tokens.pbf);
    expect(pull.recall.pullList).toEqual([{ code: issued.cases[0], level: 'CASE', units: 5 }]);
    expect((await gql(`query($id: ID!) { recall(id: $id) { id } }`, { id: recall.id }, tokens.apotek)).recall).toBeNull();
    expect(codesOf(await server.gql(`query($id: ID!) { recall(id: $id) { progress { totalUnits } } }`, { id: recall.id }, tokens.pbf))).toEqual(['FORBIDDEN']);

    const { recall: followed } = await gql(
      `query($id: ID!) { recall(id: $id) { progress { totalUnits outstanding reachedPatients byPosition { position units } byFacility { facility { id } units returned destroyed dispensed } } } }`,
      { id: recall.id },
      tokens.bpom,
    );
    const progress = followed.progress;
    expect(progress.byPosition.reduce((sum: number, row: any) => sum + row.units, 0)).toBe(10);
    expect(progress).toMatchObject({ totalUnits: 10, outstanding: 7, reachedPatients: 1 });
    const part = (id: string) => progress.byFacility.find((row: any) => row.facility.id === id);
    expect(part(at.pbf)).toMatchObject({ units: 5, returned: 0 });
    expect(part(at.apotek)).toMatchObject({ units: 0, dispensed: 1 });
    expect(part(at.makassar)).toMatchObject({ units: 2 });

    // The distributor sends its case back; its part counts it as returned; BPOM closes the recall.
    await op.returnPacks(server, tokens.pbf, [issued.cases[0]!], at.plant);
    const after = await gql(`query($id: ID!) { recall(id: $id) { progress { byFacility { facility { id } units returned } } } }`, { id: recall.id }, tokens.bpom);
    expect(after.recall.progress.byFacility.find((row: any) => row.facility.id === at.pbf)).toMatchObject({ units: 0, returned: 5 });
    expect(codesOf(await server.gql(`mutation($id: ID!) { closeRecall(id: $id) { status } }`, { id: recall.id }, tokens.industri))).toEqual(['FORBIDDEN']);
    expect((await gql(`mutation($id: ID!) { closeRecall(id: $id) { status closedAt } }`, { id: recall.id }, tokens.bpom)).closeRecall.status).toBe('CLOSED');
  });
});

describe('work queues', () => {
  it('count what waits for each role', async () => {
    const counts = async (token: string) =>
      Object.fromEntries((await gql(`{ workQueue { kind count } }`, {}, token)).workQueue.map((item: any) => [item.kind, item.count]));
    const bpom = await counts(tokens.bpom);
    expect(Object.keys(bpom)).toEqual(['REQUESTS_AWAITING_DECISION', 'ALERTS_CRITICAL', 'ALERTS_HIGH', 'ALERTS_MEDIUM', 'ALERTS_LOW', 'ACTIVE_RECALLS']);
    const { codeRequests } = await gql(`{ codeRequests(status: REQUESTED, first: 500) { id } }`, {}, tokens.bpom);
    expect(bpom.REQUESTS_AWAITING_DECISION).toBe(codeRequests.length);
    const industri = await counts(tokens.industri);
    expect(Object.keys(industri)).toEqual(['REQUESTS_DECIDED', 'CODES_NOT_ACTIVATED', 'SHIPMENT_DISCREPANCIES', 'RETURNS_INCOMING', 'INCOMING_SHIPMENTS', 'RECALLED_STOCK', 'STOCK_EXPIRING']);
    expect(industri.SHIPMENT_DISCREPANCIES).toBeGreaterThanOrEqual(1);
    const before = await counts(tokens.pbf);
    const { spare } = await consignment();
    await op.ship(server, tokens.industri, spare, at.pbf);
    const after = await counts(tokens.pbf);
    expect(after.INCOMING_SHIPMENTS).toBe(before.INCOMING_SHIPMENTS + 1);
    await op.receive(server, tokens.pbf, spare);
    expect((await counts(tokens.pbf)).INCOMING_SHIPMENTS).toBe(before.INCOMING_SHIPMENTS);
  });
});
