// Reports at national scale: with BENCH_REPORT_PACKS (default 10,000,000) packs and about five
// event rows per pack stored, and summary tables sized for thousands of facilities and a year of
// movements, each report is asked over HTTP as BPOM (and a manufacturer). Beside each: the raw
// PostgreSQL time of computing the same figures from the pack table, without the summaries.
import { installCleanupHandlers, cleanup } from './lib/cleanup.mjs';
import { openDatabase } from './lib/db.mjs';
import { startApi } from './lib/api.mjs';
import { fillPacks } from './lib/fill.mjs';
import { missingBuild } from './lib/paths.mjs';
import { envInt, fmtInt, fmtMs, fmtRatio, fmtS, heading, isOn, median, say, setDeadline, verdict } from './lib/util.mjs';

const QUICK = isOn('BENCH_QUICK');
const PACKS = envInt('BENCH_REPORT_PACKS', QUICK ? 1_000_000 : 10_000_000);
const EVENTS_PER_PACK = envInt('BENCH_REPORT_EVENTS_PER_PACK', 5);
const FACILITIES = QUICK ? 500 : 5_000;
const GOAL_MS = 200;
const RUNS = 7;

async function timeIt(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Facilities across 34 provinces and their regencies, and summary rows for a year of movements. */
async function fillSummaries(pool) {
  const client = await pool.connect();
  try {
    await client.query(`set synchronous_commit = off`);
    const t = performance.now();
    const { rows: [pharmacyOrg] } = await client.query(`select id from organization where type = 'PHARMACY' limit 1`);
    await client.query(
      `insert into facility (id, organization_id, name, type, province, regency)
       select gen_random_uuid(), $1, 'Apotek uji ' || g, 'PHARMACY', 'Provinsi ' || (g % 34), 'Kabupaten ' || (g % 34) || '-' || (g % 15)
         from generate_series(1, $2) as g`,
      [pharmacyOrg.id, FACILITIES],
    );
    const { rows: [{ batches }] } = await client.query(`select count(*)::int as batches from batch`);
    say(`   ${fmtInt(FACILITIES)} facilities added; ${fmtInt(batches)} batches`);
    // Stock: each batch at 200 facilities; flow: a year of shipments; realisation per day and province;
    // consumption per product, regency and day.
    await client.query(`
      insert into stock (facility_id, batch_id, units)
      select f.id, b.id, 1 + (abs(hashtext(f.id::text || b.id)) % 500)
        from batch b cross join lateral (select id from facility where type = 'PHARMACY' order by md5(id::text || b.id) limit 200) f
      on conflict do nothing`);
    await client.query(`
      insert into flow (facility_id, day, counterparty_id, batch_id, units_out, units_in)
      select s.facility_id, current_date - (abs(hashtext(s.facility_id::text || s.batch_id)) % 365), d.id, s.batch_id, 0, s.units
        from stock s cross join (select id from facility where type = 'DISTRIBUTOR' limit 1) d
      on conflict do nothing`);
    await client.query(`
      insert into realisation_daily (batch_id, day, province, activated, received_by_pharmacy, dispensed)
      select b.id, current_date - d, 'Provinsi ' || p, 100, 80, 60
        from batch b, generate_series(0, 364) d, generate_series(0, 4) p
      on conflict do nothing`);
    await client.query(`
      insert into consumption (product_id, province, regency, day, units)
      select pr.id, 'Provinsi ' || (r % 34), 'Kabupaten ' || (r % 34) || '-' || (r % 15), current_date - d, 1 + (r + d) % 20
        from product pr, generate_series(0, 509) r, generate_series(0, 364, 3) d
      on conflict do nothing`);
    for (const table of ['stock', 'flow', 'realisation_daily', 'consumption', 'facility']) await client.query(`analyze ${table}`);
    const { rows } = await client.query(`select
      (select count(*) from stock)::int as stock, (select count(*) from flow)::int as flow,
      (select count(*) from realisation_daily)::int as realisation, (select count(*) from consumption)::int as consumption`);
    say(`   summary rows: stock ${fmtInt(rows[0].stock)}, flow ${fmtInt(rows[0].flow)}, realisation_daily ${fmtInt(rows[0].realisation)}, consumption ${fmtInt(rows[0].consumption)} (${fmtS(performance.now() - t)})`);
  } finally {
    client.release();
  }
}

/** More event rows, until event_pack holds about EVENTS_PER_PACK rows per pack. */
async function fillEvents(pool) {
  const client = await pool.connect();
  try {
    await client.query(`set synchronous_commit = off`);
    const { rows: [{ n, packs }] } = await client.query(`select (select count(*) from event_pack)::bigint as n, (select count(*) from pack)::bigint as packs`);
    const target = Number(packs) * EVENTS_PER_PACK;
    const { rows: [plant] } = await client.query(`select id from facility where type = 'MANUFACTURER' limit 1`);
    const t = performance.now();
    let have = Number(n);
    for (let round = 0; have < target; round++) {
      const { rows: [{ lo, hi }] } = await client.query(`select min(id)::bigint as lo, max(id)::bigint as hi from pack`);
      for (let start = Number(lo); start <= Number(hi) && have < target; start += 200_000) {
        const result = await client.query(
          `with e as (insert into event (type, at, facility_id, source, units) values ('AGGREGATED', now() - interval '45 days', $3, 'API', 0) returning id)
           insert into event_pack (pack_id, event_id) select p.id, e.id from pack p, e where p.id between $1 and $2`,
          [start, start + 199_999, plant.id],
        );
        have += result.rowCount ?? 0;
      }
      say(`   event_pack: ${fmtInt(have)} rows (${fmtS(performance.now() - t)})`);
    }
    await client.query('vacuum (analyze) event_pack');
  } finally {
    client.release();
  }
}

async function main() {
  const problem = missingBuild();
  if (problem) throw new Error(problem);
  installCleanupHandlers();
  setDeadline(envInt('BENCH_TIMEOUT_MIN', 90) * 60_000);
  const db = await openDatabase();
  heading(`Reports: ${fmtInt(PACKS)} packs, ~${EVENTS_PER_PACK} event rows per pack, ${db.where}`);
  const api = await startApi(db.databaseUrl);
  say('filling packs and events …');
  await fillPacks(db.pool, PACKS);
  await fillEvents(db.pool);
  say('filling facilities and summary tables …');
  await fillSummaries(db.pool);

  const bpom = await api.login('bpom@demo.test');
  const industri = await api.login('industri@demo.test');
  const { rows: [sample] } = await db.pool.query(
    `select pr.nie, b.lot, pr.registrant_id from batch b join product pr on pr.id = b.product_id order by b.id desc limit 1`,
  );
  const { rows: [pharmacy] } = await db.pool.query(`select id from facility where type = 'PHARMACY' order by created_at desc limit 1`);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const reports = [
    ['realisation by organisation (BPOM, national)', bpom, `{ realisation(groupBy: ORGANIZATION) { key issued activated dispensed } }`, {}],
    ['realisation by batch (manufacturer)', industri, `{ realisation(groupBy: BATCH) { key issued dispensed } }`, {}],
    ['realisation by product, one province, a year', bpom, `query($f: ReportFilter) { realisation(groupBy: PRODUCT, filter: $f) { key activated dispensed } }`, { f: { province: 'Provinsi 1', from: yearAgo } }],
    ['stock by province, one product', bpom, `query($f: ReportFilter) { stock(level: PROVINCE, filter: $f) { rows { key units } } }`, { f: { nie: sample.nie } }],
    ['stock: facilities holding a batch (drill-down)', bpom, `query($f: ReportFilter) { stock(level: FACILITY, filter: $f) { rows { facility { name } units } } }`, { f: { nie: sample.nie, batch: sample.lot } }],
    ['stock by regency, one province, near expiry', bpom, `query($f: ReportFilter) { stock(level: REGENCY, filter: $f, nearExpiryDays: 1200) { rows { key units nearExpiry } } }`, { f: { province: 'Provinsi 2' } }],
    ['goods in and out of one facility, a year', bpom, `query($f: ReportFilter) { goodsFlow(filter: $f) { rows { direction units } overdue { units } } }`, { f: { facility: pharmacy.id, from: yearAgo } }],
    ['shortages, national', bpom, `{ shortages(thresholdDays: 14) { rows { regency daysOfCover } } }`, {}],
    ['consumption by province and month, one product', bpom, `query($f: ReportFilter) { consumption(level: PROVINCE, filter: $f) { rows { month province units } } }`, { f: { nie: sample.nie } }],
    ['consumption by regency and month, one province', bpom, `query($f: ReportFilter) { consumption(level: REGENCY, filter: $f) { rows { month regency units } } }`, { f: { province: 'Provinsi 3', from: yearAgo } }],
  ];
  const baselines = {
    realisation: `select pr.registrant_id, count(*) filter (where p.status <> 'ISSUED') from pack p join product pr on pr.id = p.product_id group by 1`,
    stock: `select custodian_id, batch_id, count(*) from pack where status = 'ACTIVE' and level = 'UNIT' group by 1, 2`,
  };
  heading('each report over HTTP (median of 7), beside recomputing from the pack table');
  const rawRealisation = await timeIt(() => db.pool.query(baselines.realisation));
  const rawStock = await timeIt(() => db.pool.query(baselines.stock));
  let met = 0;
  for (const [label, token, query, variables] of reports) {
    const ms = await timeIt(() => api.gql(query, variables, token));
    const raw = label.startsWith('realisation') ? rawRealisation : label.startsWith('stock') ? rawStock : null;
    const beside = raw === null ? '' : ` | recomputed from packs ${fmtMs(raw)} | ratio ${fmtRatio(ms / raw)}`;
    say(`${label}: ${fmtMs(ms)} (goal < ${GOAL_MS} ms) ${verdict(ms < GOAL_MS)}${beside}`);
    if (ms < GOAL_MS) met++;
  }
  say(`\n${met} of ${reports.length} reports under ${GOAL_MS} ms`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`reports benchmark failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
