// End-to-end figures of the pack lifecycle over HTTP, each beside a raw PostgreSQL baseline
// measured in the same run, first on an empty database and then with BENCH_PACKS packs stored.
// See bench/README.md. Build the API first; run: node bench/lifecycle.bench.mjs
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { missingBuild } from './lib/paths.mjs';
import {
  elapsed,
  envInt,
  fmtInt,
  fmtMs,
  fmtRatio,
  fmtS,
  heading,
  isOn,
  median,
  min,
  percentile,
  say,
  setDeadline,
  timed,
  verdict,
} from './lib/util.mjs';

const QUICK = isOn('BENCH_QUICK');
const SIZES = {
  packs: envInt('BENCH_PACKS', QUICK ? 1_000_000 : 10_000_000),
  issue: envInt('BENCH_ISSUE', QUICK ? 200_000 : 1_000_000),
  csv: envInt('BENCH_CSV', QUICK ? 20_000 : 100_000),
  unitsPerCase: envInt('BENCH_UNITS_PER_CASE', 100),
  casesPerPallet: envInt('BENCH_CASES_PER_PALLET', 100),
  repeats: Math.max(1, envInt('BENCH_REPEATS', QUICK ? 3 : 5)),
  traceCalls: Math.max(10, envInt('BENCH_TRACE_CALLS', QUICK ? 100 : 200)),
  rounds: Math.max(1, envInt('BENCH_ROUNDS', 2)),
  timeoutMin: envInt('BENCH_TIMEOUT_MIN', QUICK ? 30 : 150),
};
const ANALYZE = process.env.BENCH_ANALYZE !== '0';
const ACTIVATE_CHUNK = 20_000;
const GOALS = { issueRatio: 0.5, csvRatio: 1 / 3, moveMs: 250, shipmentMs: 300, traceMs: 20, scale: 1.5 };
const LOOSE_UNITS = 100;

const EXPIRY = '2029-08-31';
const LATITUDE = '-6.9419';
const LONGITUDE = '107.6293';
const CSV_HEADER = 'ID Rekanan;ID Kemasan;2D Barcode;NIE;Lot Number;Expired;Latitude;Longitude;No. Bets;GTIN;Is Active;Is Sample;Is Sold';

const freshNie = () => `DKL${randomBytes(5).toString('hex').toUpperCase()}A1`;
const freshLot = () => `B${randomBytes(3).toString('hex').toUpperCase()}`;

let printBreakdown;
let recordSql;

async function main() {
  const missing = missingBuild();
  if (missing) {
    process.stderr.write(`${missing}\n`);
    return 2;
  }
  setDeadline(SIZES.timeoutMin * 60_000);
  process.env.LOG_LEVEL ??= 'error'; // read by the API's logger when it is first imported
  const { cleanup, installCleanupHandlers } = await import('./lib/cleanup.mjs');
  installCleanupHandlers();
  ({ printBreakdown, recordSql } = await import('./lib/sqltrace.mjs'));
  const { openDatabase } = await import('./lib/db.mjs');
  const { startApi } = await import('./lib/api.mjs');
  const { fillPacks } = await import('./lib/fill.mjs');

  say(`lifecycle benchmark${QUICK ? ' (BENCH_QUICK)' : ''}: issue ${fmtInt(SIZES.issue)}, CSV ${fmtInt(SIZES.csv)} rows, ` +
    `pallet of ${fmtInt(SIZES.unitsPerCase * SIZES.casesPerPallet)} units, ${SIZES.traceCalls} traces; ` +
    `${fmtInt(SIZES.packs)} packs stored for the scale run; time limit ${SIZES.timeoutMin} min`);
  try {
    const db = await openDatabase();
    say(`database: ${db.where}, shared_buffers ${db.settings.shared_buffers}, max_wal_size ${db.settings.max_wal_size}, ` +
      `work_mem ${db.settings.work_mem}, synchronous_commit ${db.settings.synchronous_commit}`);
    say(`starting the API with the demo data (${elapsed()})`);
    const api = await startApi(db.databaseUrl);
    const ctx = await context(api, db);
    const results = { database: db.where, sizes: SIZES, phases: [] };

    results.phases.push(await phase(ctx, 'empty database'));
    if (SIZES.packs > 0) {
      heading(`filling the database to ${fmtInt(SIZES.packs)} packs (bulk SQL) [${elapsed()}]`);
      await fillPacks(db.pool, SIZES.packs);
      results.phases.push(await phase(ctx, `${fmtInt(SIZES.packs)} packs stored`));
    }
    summary(results);
    if (process.env.BENCH_JSON) {
      await writeFile(process.env.BENCH_JSON, JSON.stringify(results, null, 2) + '\n');
      say(`results written to ${process.env.BENCH_JSON}`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`\nlifecycle benchmark failed: ${error?.stack ?? error}\n`);
    return 1;
  } finally {
    say(`cleaning up [${elapsed()}]`);
    await cleanup();
  }
}

async function context(api, db) {
  const [industri, bpom, pbf] = await Promise.all(['industri', 'bpom', 'pbf'].map((who) => api.login(`${who}@demo.test`)));
  const tokens = { industri, bpom, pbf };
  const plant = await api.facilityId(industri, 'Pabrik Sehat Farma Bandung');
  const warehouse = await api.facilityId(industri, 'Gudang PBF Nusantara Jakarta Timur');
  const { ops } = await import('./lib/api.mjs');
  return { api, db, tokens, plant, warehouse, ops };
}

/** A new product of the demo manufacturer with an approved request; returns it and the approve call's time. */
async function issue(ctx, quantity, extra = {}, { record = false } = {}) {
  const { api, ops, tokens } = ctx;
  const nie = freshNie();
  const lot = freshLot();
  const { createProduct } = await ops.createProduct(api, tokens.industri, nie, `Produk bench ${nie}`);
  const request = await ops.requestCodes(api, tokens.industri, { nie, batch: lot, expiry: EXPIRY, quantity, ...extra });
  const call = () => timed(() => ops.approve(api, tokens.bpom, request.id));
  const { result, statements } = record ? await recordSql(call) : { result: await call(), statements: null };
  if (result.result.status !== 'ISSUED') throw new Error(`request ${request.id} is ${result.result.status}, not ISSUED`);
  return { nie, lot, productId: createProduct.id, requestId: request.id, ms: result.ms, statements };
}

async function phase(ctx, label) {
  const { db } = ctx;
  const { rows } = await db.pool.query(`select (select count(*) from pack)::bigint as packs, (select count(*) from event_pack)::bigint as links`);
  heading(`${label}: pack holds ${fmtInt(Number(rows[0].packs))} rows, event_pack ${fmtInt(Number(rows[0].links))} [${elapsed()}]`);
  const result = { label, packs: Number(rows[0].packs) };
  result.issue = await benchIssue(ctx);
  result.csv = await benchCsv(ctx);
  result.pallet = await benchPallet(ctx);
  result.trace = await benchTrace(ctx, [...result.csv.sample, ...result.pallet.sample]);
  delete result.csv.sample;
  delete result.pallet.sample;
  return result;
}

/** Before a timed step: fresh planner statistics (what autovacuum keeps up in a live database) and a checkpoint. */
async function settle(ctx) {
  if (ANALYZE) await ctx.db.pool.query('analyze pack, event_pack, event, batch, product, code_request');
  await ctx.db.pool.query('checkpoint');
}

/**
 * 1. approveCodeRequest of `SIZES.issue` codes, beside a COPY of as many rows of (product,
 * serial, batch, status) with a primary key on (product, serial): the bare work of issuing; and,
 * for reference, a COPY into a table like pack (its indexes and constraints).
 */
async function benchIssue(ctx) {
  const n = SIZES.issue;
  say(`-- 1. issue ${fmtInt(n)} codes (approveCodeRequest over HTTP), best of ${SIZES.rounds} [${elapsed()}]`);
  const { copyNarrowRows, copyPackRows, copyIntoPackRolledBack } = await import('./lib/baseline.mjs');
  let best = null;
  let baseMs = Infinity;
  let likePackMs = Infinity;
  for (let r = 1; r <= SIZES.rounds; r++) {
    await settle(ctx);
    const narrowMs = await copyNarrowRows(ctx.db.pool, n);
    await settle(ctx);
    const copyMs = await copyPackRows(ctx.db.pool, n);
    await settle(ctx);
    const issued = await issue(ctx, n, {}, { record: true });
    const { rows } = await ctx.db.pool.query(`select count(*)::int as n from pack p where ${ctx.db.requestPacks}`, [issued.requestId]);
    if (rows[0].n !== n) throw new Error(`request ${issued.requestId} holds ${rows[0].n} packs, not ${n}`);
    say(`   round ${r}: API ${fmtInt(n / (issued.ms / 1000))} codes/s (${fmtS(issued.ms)}), ` +
      `raw COPY of (product, serial, batch, status) ${fmtInt(n / (narrowMs / 1000))} rows/s (${fmtS(narrowMs)}), ` +
      `into a table like pack ${fmtInt(n / (copyMs / 1000))} rows/s (${fmtS(copyMs)})`);
    if (!best || issued.ms < best.ms) best = issued;
    baseMs = Math.min(baseMs, narrowMs);
    likePackMs = Math.min(likePackMs, copyMs);
  }
  const rate = n / (best.ms / 1000);
  const baseRate = n / (baseMs / 1000);
  const ratio = rate / baseRate;
  const likePackRate = n / (likePackMs / 1000);
  say(`issue ${fmtInt(n)} codes: ${fmtInt(rate)} codes/s (${fmtS(best.ms)}) | raw COPY of (product, serial, batch, status) ${fmtInt(baseRate)} rows/s | ` +
    `ratio ${fmtRatio(ratio)} (goal >= ${GOALS.issueRatio}) ${verdict(ratio >= GOALS.issueRatio)}; into a table like pack ${fmtInt(likePackRate)} rows/s (ratio ${fmtRatio(rate / likePackRate)})`);
  printBreakdown('approveCodeRequest', best.statements, best.ms, 4);
  // What the API would reach by COPYing serials made in Node into pack itself (with its foreign keys).
  await settle(ctx);
  const { rows } = await ctx.db.pool.query('select batch_id::text from code_request where id = $1', [best.requestId]);
  const intoPackMs = await copyIntoPackRolledBack(ctx.db.pool, n, { productId: best.productId, batchId: rows[0].batch_id, requestId: best.requestId });
  const intoPackRate = n / (intoPackMs / 1000);
  say(`   for reference: COPY of ${fmtInt(n)} such rows into pack itself (its foreign keys and indexes; rolled back): ` +
    `${fmtInt(intoPackRate)} rows/s, ${fmtRatio(intoPackRate / baseRate)} of the baseline`);
  return { codes: n, ms: best.ms, rate, baseMs, baseRate, ratio, met: ratio >= GOALS.issueRatio, likePackRate, intoPackRate };
}

function activationCsv(issued, units) {
  const lines = [CSV_HEADER];
  for (const unit of units) {
    lines.push(['R001', unit.serial, unit.text, issued.nie, issued.lot, EXPIRY, LATITUDE, LONGITUDE, issued.lot, '', '1', '0', '0'].join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * 2. POST /api/csv/activation of `SIZES.csv` fresh codes, beside the bare set-based SQL of the
 * same activation (COPY of the codes, one UPDATE … FROM, one INSERT … SELECT), and, for
 * reference, a COPY of the same CSV text.
 */
async function benchCsv(ctx) {
  const n = SIZES.csv;
  say(`-- 2. activate a ${fmtInt(n)}-row CSV (POST /api/csv/activation), best of ${SIZES.rounds} [${elapsed()}]`);
  const { activationBaseline, copyCsv, updateRolledBack } = await import('./lib/baseline.mjs');
  let best = null;
  let baseMs = Infinity;
  let copyBestMs = Infinity;
  let sample = null;
  for (let r = 1; r <= SIZES.rounds; r++) {
    const issued = await issue(ctx, n);
    const codes = await ctx.api.downloadCodes(ctx.tokens.industri, issued.requestId);
    if (codes.UNIT.length !== n) throw new Error(`codes.csv has ${codes.UNIT.length} units, not ${n}`);
    const csv = activationCsv(issued, codes.UNIT);
    await settle(ctx);
    const copyMs = await copyCsv(ctx.db.pool, csv);
    await settle(ctx);
    const sqlMs = await activationBaseline(ctx.db.pool, n);
    await settle(ctx);
    const { result, statements } = await recordSql(() => timed(() => ctx.api.uploadCsv('activation', ctx.tokens.industri, csv)));
    const body = result.result;
    if (body.accepted !== n || body.rejected.length !== 0) {
      const rejected = body.rejected.slice(0, 3).map((x) => `row ${x.row} ${x.reason}: ${x.message}`).join('; ');
      throw new Error(`CSV activation accepted ${body.accepted} of ${n}, rejected ${body.rejected.length} (${rejected})`);
    }
    say(`   round ${r}: API ${fmtInt(n / (result.ms / 1000))} rows/s (${fmtS(result.ms)}; accepted ${fmtInt(body.accepted)}, rejected 0), ` +
      `bare SQL activation ${fmtInt(n / (sqlMs / 1000))} rows/s (${fmtS(sqlMs)}), COPY of the ${fmtInt(csv.length / 1024)} KiB file ${fmtInt(n / (copyMs / 1000))} rows/s`);
    if (!best || result.ms < best.ms) best = { ms: result.ms, statements };
    baseMs = Math.min(baseMs, sqlMs);
    copyBestMs = Math.min(copyBestMs, copyMs);
    sample = codes.UNIT.map((unit) => ({ text: unit.text, serial: unit.serial, productId: issued.productId }));
  }
  const rate = n / (best.ms / 1000);
  const baseRate = n / (baseMs / 1000);
  const ratio = rate / baseRate;
  const copyRate = n / (copyBestMs / 1000);
  say(`activate ${fmtInt(n)}-row CSV: ${fmtInt(rate)} rows/s (${fmtS(best.ms)}) | bare SQL activation ${fmtInt(baseRate)} rows/s | ` +
    `ratio ${fmtRatio(ratio)} (goal >= ${fmtRatio(GOALS.csvRatio)}) ${verdict(ratio >= GOALS.csvRatio)}; COPY of the file ${fmtInt(copyRate)} rows/s (ratio ${fmtRatio(rate / copyRate)})`);
  printBreakdown('the CSV activation', best.statements, best.ms, 6);
  // The least the database must do per activated pack today: one update of each row, in place.
  const fresh = await issue(ctx, n);
  const { rows } = await ctx.db.pool.query(`select array_agg(p.id::text) as ids from pack p where ${ctx.db.requestPacks}`, [fresh.requestId]);
  await settle(ctx);
  const updateMs = await updateRolledBack(ctx.db.pool, rows[0].ids, 'ACTIVE', ctx.plant, 'custodian_id');
  const updateRate = n / (updateMs / 1000);
  say(`   for reference: a raw update of ${fmtInt(n)} issued packs to ACTIVE at the plant (rolled back): ${fmtInt(updateRate)} rows/s, ` +
    `${fmtRatio(updateRate / baseRate)} of the bare SQL activation`);
  return { rows: n, ms: best.ms, rate, baseMs, baseRate, ratio, met: ratio >= GOALS.csvRatio, copyRate, updateRate, sample };
}

/** 3. Ship and receive one pallet (cases of units), beside a raw update of the same rows, rolled back. */
async function benchPallet(ctx) {
  const { api, ops, tokens, db } = ctx;
  const units = SIZES.unitsPerCase * SIZES.casesPerPallet;
  await settle(ctx);
  say(`-- 3. ship and receive a pallet of ${SIZES.casesPerPallet} cases of ${SIZES.unitsPerCase} units [${elapsed()}]`);
  const issued = await issue(ctx, units, { unitsPerCase: SIZES.unitsPerCase, casesPerPallet: SIZES.casesPerPallet });
  const codes = await api.downloadCodes(tokens.industri, issued.requestId);
  if (codes.UNIT.length !== units || codes.CASE.length !== SIZES.casesPerPallet || codes.PALLET.length !== 1) {
    throw new Error(`expected ${units} units, ${SIZES.casesPerPallet} cases and 1 pallet; got ${codes.UNIT.length}, ${codes.CASE.length}, ${codes.PALLET.length}`);
  }
  const { expectAll } = await import('./lib/api.mjs');
  const unitCodes = codes.UNIT.map((unit) => unit.text);
  const activation = await timed(async () => {
    for (let i = 0; i < unitCodes.length; i += ACTIVATE_CHUNK) {
      const chunk = unitCodes.slice(i, i + ACTIVATE_CHUNK);
      expectAll(await ops.activate(api, tokens.industri, chunk), chunk.length, 'activate');
    }
  });
  const aggregation = await timed(async () => {
    for (let c = 0; c < codes.CASE.length; c++) {
      const children = unitCodes.slice(c * SIZES.unitsPerCase, (c + 1) * SIZES.unitsPerCase);
      expectAll(await ops.aggregate(api, tokens.industri, codes.CASE[c].text, children), children.length, 'aggregate a case');
    }
  });
  const pallet = codes.PALLET[0].text;
  expectAll(await ops.aggregate(api, tokens.industri, pallet, codes.CASE.map((c) => c.text)), codes.CASE.length, 'aggregate the pallet');
  say(`   set-up: activated ${fmtInt(units)} units in ${fmtS(activation.ms)} (${Math.ceil(units / ACTIVATE_CHUNK)} calls), ` +
    `aggregated ${codes.CASE.length} cases in ${fmtS(aggregation.ms)} (${fmtMs(aggregation.ms / codes.CASE.length)} per case)`);

  await settle(ctx);
  const { rows } = await db.pool.query(
    `with recursive tree(id) as (select id from pack where sscc = $1 union all select c.id from pack c join tree on c.parent_id = tree.id)
     select array_agg(id::text) as ids, (select id::text from pack where sscc = $1) as root from tree`,
    [codes.PALLET[0].sscc],
  );
  const ids = rows[0].ids;
  const packs = ids.length;

  const times = { ship: [], receive: [], returnPacks: [], receiveBack: [] };
  let shipStatements = null;
  let receiveStatements = null;
  const expectPallet = (result, what) => {
    if (result.accepted !== 1 || result.units !== units || result.rejected.length) {
      throw new Error(`${what}: accepted ${result.accepted}, units ${result.units}, rejected ${JSON.stringify(result.rejected).slice(0, 300)}`);
    }
  };
  for (let r = 0; r < SIZES.repeats; r++) {
    const ship = await recordSql(() => timed(() => ops.ship(api, tokens.industri, [pallet], ctx.warehouse)));
    expectPallet(ship.result.result, 'ship');
    const receive = await recordSql(() => timed(() => ops.receive(api, tokens.pbf, [pallet])));
    expectPallet(receive.result.result, 'receive');
    const back = await timed(() => ops.returnPacks(api, tokens.pbf, [pallet], ctx.plant));
    expectPallet(back.result, 'return');
    const again = await timed(() => ops.receive(api, tokens.industri, [pallet]));
    expectPallet(again.result, 'receive back');
    times.ship.push(ship.result.ms);
    times.receive.push(receive.result.ms);
    times.returnPacks.push(back.ms);
    times.receiveBack.push(again.ms);
    say(`   round ${r + 1}: ship ${fmtMs(ship.result.ms)}, receive ${fmtMs(receive.result.ms)}, return ${fmtMs(back.ms)}, receive back ${fmtMs(again.ms)}`);
    if (r === SIZES.repeats - 1 || r === 1) {
      shipStatements = { statements: ship.statements, ms: ship.result.ms };
      receiveStatements = { statements: receive.statements, ms: receive.result.ms };
    }
  }
  const { updateRolledBack } = await import('./lib/baseline.mjs');
  const base = [];
  for (let r = 0; r < SIZES.repeats; r++) base.push(await updateRolledBack(db.pool, ids, 'IN_TRANSIT', ctx.warehouse));
  const baseText = `raw update of the ${fmtInt(packs)} packs (rolled back) min ${fmtMs(min(base))} / median ${fmtMs(median(base))}`;
  const out = { units, packs, setupActivateMs: activation.ms, setupAggregateMs: aggregation.ms, baseMinMs: min(base), baseMedianMs: median(base) };
  for (const [key, label] of [['ship', 'ship'], ['receive', 'receive']]) {
    const med = median(times[key]);
    out[key] = { minMs: min(times[key]), medianMs: med, times: times[key], met: med < GOALS.moveMs };
    say(`${label} a pallet of ${fmtInt(units)} units: min ${fmtMs(min(times[key]))} / median ${fmtMs(med)} over ${times[key].length} | ` +
      `${baseText} | ratio ${fmtRatio(med / median(base))} (goal < ${GOALS.moveMs} ms) ${verdict(med < GOALS.moveMs)}`);
  }
  say(`   (return to the plant: median ${fmtMs(median(times.returnPacks))}; receive back: median ${fmtMs(median(times.receiveBack))})`);
  printBreakdown('ship', shipStatements.statements, shipStatements.ms, 5);
  printBreakdown('receive', receiveStatements.statements, receiveStatements.ms, 5);
  // The pallet's contents: bare reads one level at a time, beside the API's own reads of them in these calls.
  const { contentsLevelByLevel } = await import('./lib/baseline.mjs');
  const palletId = rows[0].root;
  const levels = [];
  for (let r = 0; r < SIZES.repeats; r++) levels.push(await contentsLevelByLevel(db.pool, palletId));
  if (levels[0].count !== packs - 1) throw new Error(`level by level found ${levels[0].count} packs in the pallet, not ${packs - 1}`);
  const apiReads = [shipStatements, receiveStatements].map(({ statements }) =>
    statements.filter((s) => s.text.includes('p.parent_id = any(')).reduce((sum, s) => sum + s.ms, 0));
  out.contentsApiMs = median(apiReads);
  out.contentsByLevelMs = median(levels.map((l) => l.ms));
  say(`   for reference: the pallet's ${fmtInt(packs - 1)} packs read one level at a time (2 queries, parent_id = any($1)): ` +
    `median ${fmtMs(out.contentsByLevelMs)}, against ${fmtMs(out.contentsApiMs)} for the API's own two level reads (every column the rules need; its per-batch reads apart)`);
  out.shipment = await benchShipment(ctx, pallet, ids);
  const sample = codes.UNIT.map((unit) => ({ text: unit.text, serial: unit.serial, productId: issued.productId }));
  return { ...out, sample };
}

/** 3b. receiveShipment of a consignment holding the pallet and LOOSE_UNITS loose units, in one action. */
async function benchShipment(ctx, pallet, palletIds) {
  const { api, ops, tokens, db } = ctx;
  const { expectAll } = await import('./lib/api.mjs');
  const loose = await issue(ctx, LOOSE_UNITS);
  const looseCodes = (await api.downloadCodes(tokens.industri, loose.requestId)).UNIT.map((unit) => unit.text);
  expectAll(await ops.activate(api, tokens.industri, looseCodes), LOOSE_UNITS, 'activate the loose units');
  const consignment = [pallet, ...looseCodes];
  const units = SIZES.unitsPerCase * SIZES.casesPerPallet + LOOSE_UNITS;
  say(`-- 3b. receive a shipment of the pallet and ${LOOSE_UNITS} loose units in one action (receiveShipment) [${elapsed()}]`);
  const times = [];
  let statements = null;
  for (let r = 0; r < SIZES.repeats; r++) {
    const shipment = await ops.openShipment(api, tokens.industri, ctx.warehouse);
    expectAll(await ops.shipInto(api, tokens.industri, consignment, ctx.warehouse, shipment.id), consignment.length, 'fill the shipment');
    expectAll(await ops.dispatchShipment(api, tokens.industri, shipment.id), consignment.length, 'dispatch the shipment');
    await settle(ctx);
    const received = await recordSql(() => timed(() => ops.receiveShipment(api, tokens.pbf, shipment.id)));
    const receipt = received.result.result;
    if (receipt.units !== units || receipt.missing.length || receipt.extra.length || receipt.rejected.length) {
      throw new Error(`receiveShipment ${shipment.number}: units ${receipt.units} of ${units}, missing ${receipt.missing.length}, ` +
        `extra ${receipt.extra.length}, rejected ${JSON.stringify(receipt.rejected).slice(0, 300)}`);
    }
    times.push(received.result.ms);
    if (r === SIZES.repeats - 1) statements = { statements: received.statements, ms: received.result.ms };
    expectAll(await ops.returnPacks(api, tokens.pbf, consignment, ctx.plant), consignment.length, 'return the consignment');
    expectAll(await ops.receive(api, tokens.industri, consignment), consignment.length, 'receive the return');
    say(`   round ${r + 1}: receiveShipment ${shipment.number} ${fmtMs(received.result.ms)}`);
  }
  const { rows } = await db.pool.query(
    `select array_agg(p.id::text) as ids from pack p where ${db.requestPacks}`,
    [loose.requestId],
  );
  const ids = [...palletIds, ...rows[0].ids];
  const { updateRolledBack } = await import('./lib/baseline.mjs');
  const base = [];
  for (let r = 0; r < SIZES.repeats; r++) base.push(await updateRolledBack(db.pool, ids, 'ACTIVE', ctx.warehouse, 'custodian_id'));
  const med = median(times);
  const met = med < GOALS.shipmentMs;
  say(`receive a shipment of ${fmtInt(units)} units: min ${fmtMs(min(times))} / median ${fmtMs(med)} over ${times.length} | ` +
    `raw update of the ${fmtInt(ids.length)} packs (rolled back) median ${fmtMs(median(base))} | ratio ${fmtRatio(med / median(base))} ` +
    `(goal < ${GOALS.shipmentMs} ms) ${verdict(met)}`);
  printBreakdown('receiveShipment', statements.statements, statements.ms, 5);
  return { units, minMs: min(times), medianMs: med, times, baseMedianMs: median(base), met };
}

/** 4. trace(code) of random units as BPOM, beside a raw look-up of the pack by product and serial. */
async function benchTrace(ctx, pool) {
  const { api, ops, tokens, db } = ctx;
  const n = SIZES.traceCalls;
  say(`-- 4. trace(code) of ${n} random units as bpom@demo.test [${elapsed()}]`);
  await settle(ctx);
  const units = Array.from({ length: n }, () => pool[Math.floor(Math.random() * pool.length)]);
  for (const unit of units.slice(0, 10)) await ops.trace(api, tokens.bpom, unit.text); // warm-up
  const times = [];
  let events = 0;
  for (const unit of units) {
    const { result, ms } = await timed(() => ops.trace(api, tokens.bpom, unit.text));
    times.push(ms);
    events += result.events.length;
  }
  const recorded = await recordSql(() => timed(() => ops.trace(api, tokens.bpom, units[0].text)));
  const { selectBySerial } = await import('./lib/baseline.mjs');
  const base = await selectBySerial(db.pool, units);
  const med = median(times);
  const p95 = percentile(times, 95);
  say(`trace one unit: median ${fmtMs(med)} / p95 ${fmtMs(p95)} over ${n} calls (${(events / n).toFixed(1)} events each) | ` +
    `raw select by product and serial median ${fmtMs(base.median)} | ratio ${fmtRatio(med / base.median)} ` +
    `(goal < ${GOALS.traceMs} ms) ${verdict(med < GOALS.traceMs)}${p95 < GOALS.traceMs ? '' : `; p95 over ${GOALS.traceMs} ms`}`);
  printBreakdown('trace', recorded.statements, recorded.result.ms, 6);
  return { calls: n, medianMs: med, p95Ms: p95, baseMedianMs: base.median, eventsPerCall: events / n, met: med < GOALS.traceMs };
}

function summary(results) {
  const [empty, full] = results.phases;
  heading(`summary (${results.database})`);
  const rows = [
    ['issue codes/s', (p) => p.issue.rate, 'rate', (p) => `bare COPY ${fmtInt(p.issue.baseRate)} rows/s, ratio ${fmtRatio(p.issue.ratio)} ${verdict(p.issue.met)}`],
    ['CSV activation rows/s', (p) => p.csv.rate, 'rate', (p) => `bare SQL ${fmtInt(p.csv.baseRate)} rows/s, ratio ${fmtRatio(p.csv.ratio)} ${verdict(p.csv.met)}`],
    ['ship pallet median ms', (p) => p.pallet.ship.medianMs, 'time', (p) => `raw update ${fmtMs(p.pallet.baseMedianMs)}; < ${GOALS.moveMs} ms ${verdict(p.pallet.ship.met)}`],
    ['receive pallet median ms', (p) => p.pallet.receive.medianMs, 'time', (p) => `raw update ${fmtMs(p.pallet.baseMedianMs)}; < ${GOALS.moveMs} ms ${verdict(p.pallet.receive.met)}`],
    ['receive shipment ms', (p) => p.pallet.shipment.medianMs, 'time', (p) => `raw update ${fmtMs(p.pallet.shipment.baseMedianMs)}; < ${GOALS.shipmentMs} ms ${verdict(p.pallet.shipment.met)}`],
    ['trace median ms', (p) => p.trace.medianMs, 'time', (p) => `raw select ${fmtMs(p.trace.baseMedianMs)}; < ${GOALS.traceMs} ms ${verdict(p.trace.met)}`],
    ['trace p95 ms', (p) => p.trace.p95Ms, 'time', () => ''],
  ];
  const show = (kind, value) => (kind === 'rate' ? fmtInt(value) : fmtMs(value));
  for (const [name, get, kind, goal] of rows) {
    let line = `${name.padEnd(25)} empty ${show(kind, get(empty)).padStart(10)}  [${goal(empty)}]`;
    if (full) {
      const factor = kind === 'rate' ? get(empty) / get(full) : get(full) / get(empty);
      line += `\n${''.padEnd(25)} ${fmtInt(full.packs).padStart(10)} stored ${show(kind, get(full)).padStart(10)}  [${goal(full)}]` +
        `  ${fmtRatio(factor)}x the empty figure (goal <= ${GOALS.scale}x) ${verdict(factor <= GOALS.scale)}`;
    }
    say(line);
  }
}

process.exitCode = await main();
