import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, daysAgo, startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Issued, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let first: Issued;
let second: Issued;
let facilities: Record<'plant' | 'pbf' | 'apotek' | 'makassar', string>;
/** The scenario happens ten days ago, so the shipment never received is overdue today. */
const then = daysAgo(10);
let scenarioDay: string;

/**
 * A known scenario over two batches of one product: activation, aggregation, shipping on,
 * returns, dispensing, an undone dispense, a destruction and a recall. Every report is then
 * checked against counts computed from the events and packs themselves.
 */
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  scenarioDay = server.services.clock.dayOf(then);
  server.setTime(then);
  facilities = {
    plant: await facilityId(server, tokens.industri, 'Pabrik Sehat Farma'),
    pbf: await facilityId(server, tokens.industri, 'Nusantara'),
    apotek: await facilityId(server, tokens.industri, 'Sentosa'),
    makassar: await facilityId(server, tokens.industri, 'Makassar'),
  };
  first = await issueCodes(server, tokens, { quantity: 12, unitsPerCase: 6 });
  second = await issueCodes(server, tokens, { quantity: 5, nie: first.nie, batch: 'SECOND1' });
  const u = first.units;
  await op.activate(server, tokens.industri, [...u, ...second.units]);
  await op.aggregate(server, tokens.industri, first.cases[0]!, u.slice(0, 6));
  await op.ship(server, tokens.industri, [first.cases[0]!, ...u.slice(6, 10)], facilities.pbf);
  await op.receive(server, tokens.pbf, [first.cases[0]!, ...u.slice(6, 10)]);
  await op.ship(server, tokens.pbf, u.slice(0, 4), facilities.apotek);
  await op.receive(server, tokens.apotek, u.slice(0, 4));
  await op.ship(server, tokens.pbf, u.slice(6, 8), facilities.makassar); // never received
  await op.dispense(server, tokens.apotek, u.slice(0, 3));
  await op.undo(server, tokens.apotek, u.slice(2, 3));
  await op.returnPacks(server, tokens.apotek, u.slice(3, 4), facilities.pbf);
  await op.receive(server, tokens.pbf, u.slice(3, 4));
  await op.decommission(server, tokens.pbf, u.slice(8, 9), 'DESTROYED');
  await op.ship(server, tokens.industri, second.units.slice(0, 3), facilities.pbf);
  await op.receive(server, tokens.pbf, second.units.slice(0, 3));
  await server.gql(`mutation($n: String!) { recallBatch(nie: $n, batch: "SECOND1", reason: "uji") { id } }`, { n: first.nie }, tokens.bpom);
  await op.returnPacks(server, tokens.pbf, second.units.slice(0, 2), facilities.plant);
  await op.receive(server, tokens.industri, second.units.slice(0, 2));
  server.setTime(null);
});
afterAll(async () => {
  await server?.close();
});

/** Units per event type and facility types, computed from the event log alone. */
async function fromEvents(lot: string) {
  const distinct = async (where: string) =>
    (
      await server.pool.query(
        `select count(distinct p.id)::int as n
           from event e join event_pack ep on ep.event_id = e.id join pack p on p.id = ep.pack_id
           join batch b on b.id = p.batch_id join product pr on pr.id = b.product_id
           join facility f on f.id = e.facility_id left join facility c on c.id = e.counterparty_id
          where pr.nie = $1 and b.lot = $2 and p.level = 'UNIT' and ${where}`,
        [first.nie, lot],
      )
    ).rows[0].n;
  const { rows } = await server.pool.query(
    `select count(*)::int as n from pack p join batch b on b.id = p.batch_id join product pr on pr.id = b.product_id where pr.nie = $1 and b.lot = $2 and p.level = 'UNIT'`,
    [first.nie, lot],
  );
  const dispensedNow = (
    await server.pool.query(
      `select count(*)::int as n from (
         select p.id, count(*) filter (where e.type = 'DISPENSED') as d, count(*) filter (where e.type = 'UNDONE' and e.reason like '%DISPENSED%') as u
           from event e join event_pack ep on ep.event_id = e.id join pack p on p.id = ep.pack_id
           join batch b on b.id = p.batch_id join product pr on pr.id = b.product_id
          where pr.nie = $1 and b.lot = $2 and p.level = 'UNIT' group by p.id) t where d > u`,
      [first.nie, lot],
    )
  ).rows[0].n;
  return {
    issued: rows[0].n,
    activated: await distinct(`e.type = 'ACTIVATED'`),
    shippedToDistributor: await distinct(`e.type = 'SHIPPED' and f.type = 'MANUFACTURER' and c.type = 'DISTRIBUTOR'`),
    receivedByDistributor: await distinct(`e.type = 'RECEIVED' and f.type = 'DISTRIBUTOR'`),
    shippedByDistributor: await distinct(`e.type = 'SHIPPED' and f.type = 'DISTRIBUTOR'`),
    receivedByPharmacy: await distinct(`e.type = 'RECEIVED' and f.type in ('PHARMACY', 'HOSPITAL', 'PUSKESMAS')`),
    dispensed: dispensedNow,
  };
}

describe('reports', () => {
  it('realisation per batch equals the counts from the event log', async () => {
    const { data } = await server.gql(
      `query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { key issued activated shippedToDistributor receivedByDistributor shippedByDistributor receivedByPharmacy dispensed } }`,
      { f: { nie: first.nie } },
      tokens.bpom,
    );
    for (const lot of [first.batch, 'SECOND1']) {
      const { key: _key, ...row } = data.realisation.find((r: any) => r.key === `${first.nie}/${lot}`);
      expect(row, lot).toEqual(await fromEvents(lot));
    }
    expect(await fromEvents(first.batch)).toEqual({
      issued: 12, activated: 12, shippedToDistributor: 10, receivedByDistributor: 10, shippedByDistributor: 6, receivedByPharmacy: 4, dispensed: 2,
    });
  });

  it('realisation for a period and province counts what happened then and there', async () => {
    const query = `query($f: ReportFilter) { realisation(groupBy: PRODUCT, filter: $f) { key issued activated receivedByPharmacy dispensed } }`;
    const jawaTimur = await server.gql(query, { f: { nie: first.nie, from: scenarioDay, to: scenarioDay, province: 'Jawa Timur' } }, tokens.bpom);
    expect(jawaTimur.data.realisation).toEqual([{ key: first.nie, issued: 0, activated: 0, receivedByPharmacy: 4, dispensed: 2 }]);
    const jawaBarat = await server.gql(query, { f: { nie: first.nie, province: 'Jawa Barat' } }, tokens.bpom);
    expect(jawaBarat.data.realisation).toEqual([{ key: first.nie, issued: 17, activated: 17, receivedByPharmacy: 0, dispensed: 0 }]);
    const past = await server.gql(query, { f: { nie: first.nie, to: '2020-01-01' } }, tokens.bpom);
    expect(past.data.realisation).toEqual([]);
    expect(codesOf(await server.gql(query, { f: { from: '1 Jan' } }, tokens.bpom))).toEqual(['BAD_USER_INPUT']);
  });

  it('stock on hand per facility equals the active packs each facility holds', async () => {
    const { data } = await server.gql(
      `query($f: ReportFilter) { stock(level: FACILITY, filter: $f) { asOf rows { facility { id } batch units nearExpiry } } }`,
      { f: { nie: first.nie } },
      tokens.bpom,
    );
    const { rows: truth } = await server.pool.query(
      `select p.custodian_id as facility, b.lot, count(*)::int as units from pack p join batch b on b.id = p.batch_id join product pr on pr.id = b.product_id
        where pr.nie = $1 and p.level = 'UNIT' and p.status = 'ACTIVE' group by 1, 2`,
      [first.nie],
    );
    const report = data.stock.rows.map((r: any) => ({ facility: r.facility.id, lot: r.batch, units: r.units }));
    const sort = (rows: any[]) => [...rows].sort((a, b) => `${a.facility}${a.lot}`.localeCompare(`${b.facility}${b.lot}`));
    expect(sort(report)).toEqual(sort(truth));
    expect(report.find((r: any) => r.facility === facilities.apotek && r.lot === first.batch).units).toBe(1);
    expect(data.stock.rows.every((r: any) => r.nearExpiry === false)).toBe(true);
    const near = await server.gql(`query($f: ReportFilter) { stock(level: PROVINCE, filter: $f, nearExpiryDays: 3650) { rows { key units nearExpiry } } }`, { f: { nie: first.nie } }, tokens.bpom);
    expect(near.data.stock.rows.every((r: any) => r.nearExpiry)).toBe(true);
  });

  it('scopes stock: a pharmacy sees only its own facility, a manufacturer its own products', async () => {
    const mine = await server.gql(`query($f: ReportFilter) { stock(filter: $f) { rows { facility { name } units } } }`, { f: { nie: first.nie } }, tokens.apotek);
    expect(mine.data.stock.rows.map((r: any) => r.facility.name)).toEqual(['Apotek Sehat Sentosa Surabaya']);
    const industry = await server.gql(`{ stock { rows { product { nie } } } }`, {}, tokens.industri);
    expect(industry.data.stock.rows.length).toBeGreaterThan(0);
  });

  it('goods in and out equal the shipments and receipts in the event log, and flag the overdue shipment', async () => {
    const { data } = await server.gql(
      `query($f: ReportFilter) { goodsFlow(filter: $f, overdueDays: 7) { rows { direction facility { id } counterparty { id } batch units } overdue { from { id } to { id } units batch } } }`,
      { f: { nie: first.nie } },
      tokens.bpom,
    );
    const { rows: truth } = await server.pool.query(
      `select e.facility_id as facility, e.counterparty_id as counterparty, b.lot,
              case when e.type = 'RECEIVED' then 'IN' else 'OUT' end as direction, count(*)::int as units
         from event e join event_pack ep on ep.event_id = e.id join pack p on p.id = ep.pack_id
         join batch b on b.id = p.batch_id join product pr on pr.id = b.product_id
        where pr.nie = $1 and p.level = 'UNIT' and e.type in ('SHIPPED', 'RETURNED', 'RECEIVED')
        group by 1, 2, 3, 4`,
      [first.nie],
    );
    const report = data.goodsFlow.rows.map((r: any) => ({ facility: r.facility.id, counterparty: r.counterparty.id, lot: r.batch, direction: r.direction, units: r.units }));
    const key = (r: any) => `${r.facility}${r.counterparty}${r.lot}${r.direction}`;
    expect([...report].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...truth].sort((a, b) => key(a).localeCompare(key(b))));
    expect(data.goodsFlow.overdue).toEqual([{ from: { id: facilities.pbf }, to: { id: facilities.makassar }, units: 2, batch: first.batch }]);
  });

  it('consumption per regency and month counts dispensed units, less those undone', async () => {
    const { data } = await server.gql(`query($f: ReportFilter) { consumption(level: REGENCY, filter: $f) { rows { month province regency units } } }`, { f: { nie: first.nie } }, tokens.bpom);
    expect(data.consumption.rows).toEqual([{ month: scenarioDay.slice(0, 7), province: 'Jawa Timur', regency: 'Kota Surabaya', units: 2 }]);
    expect(codesOf(await server.gql(`{ consumption { rows { units } } }`, {}, tokens.pbf))).toEqual(['FORBIDDEN']);
  });

  it('warns of a shortage where the stock lasts fewer days than the threshold', async () => {
    const { data } = await server.gql(`query($f: ReportFilter) { shortages(filter: $f, thresholdDays: 30, windowDays: 30) { rows { regency stock dailyRate daysOfCover product { nie } } } }`, { f: { nie: first.nie } }, tokens.bpom);
    // Surabaya: 1 unit left, 2 dispensed in 30 days: 15 days of cover.
    expect(data.shortages.rows).toEqual([{ regency: 'Kota Surabaya', stock: 1, dailyRate: 0.07, daysOfCover: 15, product: { nie: first.nie } }]);
    const lenient = await server.gql(`query($f: ReportFilter) { shortages(filter: $f, thresholdDays: 10) { rows { regency } } }`, { f: { nie: first.nie } }, tokens.bpom);
    expect(lenient.data.shortages.rows).toEqual([]);
  });

  it('recall progress counts what came back, per day', async () => {
    const { data } = await server.gql(`{ recalls { batch progress { totalUnits returned outstanding returnedByDay { units total } } } }`, {}, tokens.bpom);
    const recall = data.recalls.find((r: any) => r.batch === 'SECOND1');
    expect(recall.progress).toMatchObject({ totalUnits: 5, returned: 2, outstanding: 1, returnedByDay: [{ units: 2, total: 2 }] });
  });
});
