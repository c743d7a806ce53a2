// Public verification under load: with BENCH_VERIFY_PACKS (default 1,000,000) packs stored, a mix
// of real, unknown and malformed codes is sent to `verify` over HTTP by autocannon from this
// process, while the API runs as its own process, as `npm start` runs it. Beside it: the raw
// PostgreSQL point look-up rate on the same table, measured in the same run.
import autocannon from 'autocannon';
import pg from 'pg';
import { startApiProcess } from './lib/api-process.mjs';
import { cleanup, installCleanupHandlers } from './lib/cleanup.mjs';
import { openDatabase } from './lib/db.mjs';
import { missingBuild } from './lib/paths.mjs';
import { envInt, fmtInt, fmtMs, fmtRatio, heading, percentile, say, setDeadline, verdict } from './lib/util.mjs';

const PACKS = envInt('BENCH_VERIFY_PACKS', 1_000_000);
const SECONDS = envInt('BENCH_VERIFY_SECONDS', 20);
const CONNECTIONS = envInt('BENCH_VERIFY_CONNECTIONS', 32);
/** Distinct codes the load cycles through. */
const CODES = 10_000;
const SAMPLE = 20_000;
const GOAL_RATE = 3000;
const GOAL_P95_MS = 50;

/** PACKS active units of one demo product, written set-based, and a sample of their codes. */
async function fill(pool) {
  const { rows: [ids] } = await pool.query(`
    select pr.id as product, f.id as facility from product pr join facility f on f.organization_id = pr.registrant_id
     where pr.nie = 'DKL1833509917A1'`);
  const { rows: [batch] } = await pool.query(
    `insert into batch (product_id, lot, expiry) values ($1, 'BENCHVERIFY', current_date + 730) returning id, to_char(expiry, 'YYMMDD') as yymmdd`,
    [ids.product],
  );
  await pool.query(
    `insert into pack (product_id, batch_id, level, serial, status, custodian_id, status_by_id, status_at)
     select $1, $2, 'UNIT', random_serial(), 'ACTIVE', $3, $3, now() from generate_series(1, $4)
     on conflict do nothing`,
    [ids.product, batch.id, ids.facility, PACKS],
  );
  await pool.query('analyze pack');
  const { rows } = await pool.query(`select serial from pack where batch_id = $1 order by random() limit ${SAMPLE}`, [batch.id]);
  return { product: ids.product, serials: rows.map((r) => r.serial), codeOf: (serial) => `(90)DKL1833509917A1(10)BENCHVERIFY(17)${batch.yymmdd}(21)${serial}` };
}

/** Raw point look-ups by product and serial, CONNECTIONS at a time, for SECONDS. */
async function rawLookups(databaseUrl, product, serials) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        await pool.query('select id, status, batch_id from pack where product_id = $1 and serial = $2', [product, serials[done % serials.length]]);
        done++;
      }
    }),
  );
  await pool.end();
  return done / SECONDS;
}

/**
 * The phone that checks the i-th code: the same phone for the same code (a pack is checked again
 * by whoever holds it, not by a crowd, which would rightly look like a copied code), each with an
 * address of its own in 10.0.0.0/8.
 */
const addressOf = (i) => `10.${(i * 7919) % 256}.${(i >> 8) % 256}.${i % 256}`;

/** autocannon with CONNECTIONS connections for SECONDS; `request(i)` makes the i-th request. */
async function load(name, target, request) {
  say(`${name}: autocannon, ${CONNECTIONS} connections for ${SECONDS} s …`);
  let next = 0;
  const latencies = [];
  const instance = autocannon({
    url: target,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', 'user-agent': 'jejak-bench' },
    // Each request from a phone of its own: its own address, forwarded by the load balancer.
    requests: [
      {
        setupRequest: (base) => {
          const i = next++;
          return { ...base, ...request(i), headers: { ...base.headers, 'x-forwarded-for': addressOf(i % CODES) } };
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  say(`  ${fmtInt(result.requests.total)} requests, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p95: percentile(latencies, 95),
    p99: result.latency.p99,
  };
}

async function main() {
  if (missingBuild()) throw new Error('apps/api/dist is missing: run `npx turbo run build` first');
  installCleanupHandlers();
  setDeadline(30 * 60_000);
  const db = await openDatabase();
  heading(`Verification: ${fmtInt(PACKS)} packs stored, ${db.where}`);
  const port = 4700 + Math.floor(Math.random() * 200);
  const { url } = await startApiProcess(db.databaseUrl, port);
  say(`filling ${fmtInt(PACKS)} active packs …`);
  const { product, serials, codeOf } = await fill(db.pool);

  // 80% real codes (GENUINE), 10% unknown serials (SUSPECT), 10% malformed (INVALID).
  const codes = [];
  for (let i = 0; i < CODES; i++) {
    const roll = i % 10;
    codes.push(
      roll < 8
        ? codeOf(serials[i % serials.length])
        : roll === 8
          ? codeOf(Math.random().toString(16).slice(2, 17).toUpperCase().padEnd(15, '0'))
          : `(90)DKL1833509917A1(17)99999(21)${i}`,
    );
  }
  const bodies = codes.map((code) => JSON.stringify({ query: 'query($c: String!) { verify(code: $c) { verdict reasons } }', variables: { c: code } }));
  const paths = codes.map((code) => `/api/verify?code=${encodeURIComponent(code)}`);
  const graphql = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[0] }).then((r) => r.json());
  if (graphql.data?.verify?.verdict !== 'GENUINE') throw new Error(`a real code did not verify as GENUINE: ${JSON.stringify(graphql)}`);
  const plain = await fetch(`${url}${paths[0]}`).then((r) => r.json());
  if (plain.verdict !== 'GENUINE') throw new Error(`a real code did not verify as GENUINE on /api/verify: ${JSON.stringify(plain)}`);

  const graphqlLoad = await load('POST /graphql verify', `${url}/graphql`, (i) => ({ method: 'POST', body: bodies[i % bodies.length] }));
  const plainLoad = await load('GET /api/verify', url, (i) => ({ method: 'GET', path: paths[i % paths.length] }));
  const raw = await rawLookups(db.databaseUrl, product, serials);
  for (const [name, run] of [
    ['verify over HTTP, GraphQL', graphqlLoad],
    ['verify over HTTP, GET /api/verify', plainLoad],
  ]) {
    say(`${name}: ${fmtInt(run.rate)} verifications/s (goal >= ${fmtInt(GOAL_RATE)}) ${verdict(run.rate >= GOAL_RATE)} | raw look-up ratio ${fmtRatio(run.rate / raw)}`);
    say(`  latency p50 ${fmtMs(run.p50)}, p90 ${fmtMs(run.p90)}, p95 ${fmtMs(run.p95)}, p99 ${fmtMs(run.p99)} (goal p95 < ${GOAL_P95_MS} ms) ${verdict(run.p95 < GOAL_P95_MS)}`);
  }
  say(`raw PostgreSQL point look-up: ${fmtInt(raw)} look-ups/s`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`verify benchmark failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
