// EPCIS 2.0 repository: capture of one 10,000-event document through POST /epcis/capture (checked
// against the JSON Schema, Event Hash IDs computed, stored with one COPY), beside a raw COPY of the
// same events into a table of their own in the same run (goal: capture at ≥ 0.25× the raw COPY);
// (medians of BENCH_EPCIS_REPEATS runs, after a warm-up capture); then GET /epcis/events?MATCH_epc= latency with BENCH_EPCIS_EVENTS events stored (goal: p95 < 50 ms
// at 10 M events; the size run is printed).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import { startApiProcess } from './lib/api-process.mjs';
import { cleanup, installCleanupHandlers } from './lib/cleanup.mjs';
import { openDatabase } from './lib/db.mjs';
import { missingBuild } from './lib/paths.mjs';
import { envInt, fmtInt, fmtMs, fmtRatio, fmtS, heading, isOn, median, percentile, say, setDeadline, verdict } from './lib/util.mjs';

const QUICK = isOn('BENCH_QUICK');
const CAPTURE_EVENTS = envInt('BENCH_EPCIS_CAPTURE', 10_000);
const STORED_EVENTS = envInt('BENCH_EPCIS_EVENTS', QUICK ? 200_000 : 2_000_000);
const QUERIES = envInt('BENCH_EPCIS_QUERIES', 300);
const REPEATS = Math.max(1, envInt('BENCH_EPCIS_REPEATS', 3));
const CAPTURE_GOAL = 0.25;
const P95_GOAL_MS = 50;

async function login(url, email) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e:String!){login(email:$e,password:"demo12345"){token}}', variables: { e: email } }),
  });
  return (await response.json()).data.login.token;
}

/** A document of `count` ObjectEvents, a third of them with their own eventID, the rest to be hashed. */
function documentOf(count, run) {
  const events = [];
  for (let i = 0; i < count; i++) {
    events.push({
      type: 'ObjectEvent',
      ...(i % 3 === 0 ? { eventID: `urn:uuid:00000000-0000-4000-8000-${run}${String(i).padStart(12 - run.length, '0')}` } : {}),
      eventTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      eventTimeZoneOffset: '+07:00',
      epcList: [`urn:epc:id:sgtin:0614141.107346.B${run}${i}`, `https://id.gs1.org/01/10614141073464/21/C${run}${i}`],
      action: 'OBSERVE',
      bizStep: i % 2 ? 'inspecting' : 'storing',
      disposition: 'in_progress',
      readPoint: { id: 'urn:epc:id:sgln:0614141.00777.0' },
      bizLocation: { id: 'urn:epc:id:sgln:0614141.00888.0' },
      bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:0614141073467:PO${i}` }],
    });
  }
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList: events },
  };
}

const copyText = (value) => value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** The same events COPYed as they are into a table of their own: (eventID or null, eventTime, the event's JSON). */
async function rawCopy(pool, events, run) {
  await pool.query(`create table bench_raw_epcis_${run} (event_id text, event_time timestamptz, document json)`);
  const client = await pool.connect();
  try {
    const started = performance.now();
    await client.query('begin');
    const lines = events.map((e) => `${e.eventID ? copyText(e.eventID) : '\\N'}\t${e.eventTime}\t${copyText(JSON.stringify(e))}\n`).join('');
    await pipeline(Readable.from([lines]), client.query(pgCopy.from(`copy bench_raw_epcis_${run} (event_id, event_time, document) from stdin`)));
    await client.query('commit');
    return performance.now() - started;
  } finally {
    client.release();
  }
}

/** Stored events of the repository kind, made in SQL: `count` rows, one EPC each, for the query. */
async function fill(pool, organizationId, count) {
  const chunk = 500_000;
  await pool.query('drop index epcis_event_any_epcs_index');
  for (let from = 0; from < count; from += chunk) {
    const to = Math.min(count, from + chunk);
    await pool.query(
      `insert into epcis_event (event_id, type, event_time, record_time, action, biz_step, epcs, any_epcs, organization_id, document)
       select 'urn:uuid:' || md5('fill' || i)::uuid, 'ObjectEvent', timestamptz '2026-01-01' + i * interval '1 second', now(), 'OBSERVE', 'inspecting',
              array['https://id.gs1.org/01/10614141073464/21/F' || i], array['https://id.gs1.org/01/10614141073464/21/F' || i], $3::uuid,
              json_build_object('type', 'ObjectEvent', 'eventID', 'urn:uuid:' || md5('fill' || i)::uuid, 'eventTime', to_char(timestamptz '2026-01-01' + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                'eventTimeZoneOffset', '+07:00', 'epcList', json_build_array('https://id.gs1.org/01/10614141073464/21/F' || i),
                                'action', 'OBSERVE', 'bizStep', 'inspecting', 'readPoint', json_build_object('id', 'urn:epc:id:sgln:0614141.00777.0'))
         from generate_series($1::bigint, $2::bigint - 1) as i`,
      [from, to, organizationId],
    );
    say(`  filled ${fmtInt(to)} of ${fmtInt(count)} events`);
  }
  await pool.query('create index epcis_event_any_epcs_index on epcis_event using gin (any_epcs)');
  await pool.query('vacuum analyze epcis_event');
}

async function main() {
  const missing = missingBuild();
  if (missing) {
    process.stderr.write(`${missing}\n`);
    return 2;
  }
  setDeadline(60 * 60_000);
  installCleanupHandlers();
  try {
    heading(`EPCIS capture of ${fmtInt(CAPTURE_EVENTS)} events and MATCH_epc queries over ${fmtInt(STORED_EVENTS)} stored events (bench/epcis.bench.mjs)`);
    const db = await openDatabase();
    say(`database: ${db.where}`);
    const { url } = await startApiProcess(db.databaseUrl, 4900 + Math.floor(Math.random() * 90));
    const industri = await login(url, 'industri@demo.test');

    // Warm-up: a running server has compiled the schema and its hot code; the first capture does that.
    const post = (document) =>
      fetch(`${url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${industri}` }, body: JSON.stringify(document) });
    await post(documentOf(2_000, 'w'));

    // Each run: a document of new events captured whole, then the same events COPYed raw; medians of REPEATS runs.
    const captures = [];
    const raws = [];
    let size = 0;
    for (let run = 0; run < REPEATS; run++) {
      const document = documentOf(CAPTURE_EVENTS, `c${run}`);
      const body = JSON.stringify(document);
      size = body.length;
      const t0 = performance.now();
      const response = await fetch(`${url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${industri}` }, body });
      if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
      const job = await (await fetch(`${url}${response.headers.get('location')}`, { headers: { authorization: `Bearer ${industri}` } })).json();
      captures.push(performance.now() - t0);
      if (!job.success) throw new Error(`the capture failed: ${JSON.stringify(job.errors).slice(0, 500)}`);
      const { rows: stored } = await db.pool.query(`select count(*)::int as n from epcis_event where capture_id = $1`, [job.captureID]);
      if (stored[0].n !== CAPTURE_EVENTS) throw new Error(`the capture stored ${stored[0].n} events, not ${CAPTURE_EVENTS}`);
      raws.push(await rawCopy(db.pool, document.epcisBody.eventList, run));
    }
    const captureMs = median(captures);
    const rawMs = median(raws);
    const ratio = rawMs / captureMs;
    say(`capture of ${fmtInt(CAPTURE_EVENTS)} events (${fmtInt(size / 1024)} KB), median of ${REPEATS}: ${fmtMs(captureMs)} (${fmtInt(CAPTURE_EVENTS / (captureMs / 1000))} events/s; runs ${captures.map(fmtMs).join(', ')}) | ` +
      `raw COPY of the same events ${fmtMs(rawMs)} (runs ${raws.map(fmtMs).join(', ')}) | capture at ${fmtRatio(ratio)}× the raw COPY (goal ≥ ${CAPTURE_GOAL}) ${verdict(ratio >= CAPTURE_GOAL)}`);

    const { rows: org } = await db.pool.query(`select organization_id from app_user where email = 'industri@demo.test'`);
    const t1 = performance.now();
    await fill(db.pool, org[0].organization_id, STORED_EVENTS);
    const { rows: total } = await db.pool.query('select count(*)::int as n from epcis_event');
    say(`stored events: ${fmtInt(total[0].n)} (filled in ${fmtS(performance.now() - t1)})`);

    const times = [];
    for (let q = 0; q < QUERIES; q++) {
      const i = Math.floor(Math.random() * STORED_EVENTS);
      const epc = q % 2 ? `https://id.gs1.org/01/10614141073464/21/F${i}` : `urn:epc:id:sgtin:0614141.107346.F${i}`;
      const started = performance.now();
      const answer = await fetch(`${url}/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`, { headers: { authorization: `Bearer ${industri}` } });
      const result = await answer.json();
      times.push(performance.now() - started);
      const found = result.epcisBody?.queryResults?.resultsBody?.eventList?.length;
      if (found !== 1) throw new Error(`MATCH_epc=${epc} found ${found} events, not 1: ${JSON.stringify(result).slice(0, 300)}`);
    }
    const p95 = percentile(times, 95);
    say(`GET /epcis/events?MATCH_epc= over ${fmtInt(total[0].n)} events, ${QUERIES} queries one after another: median ${fmtMs(median(times))}, ` +
      `p95 ${fmtMs(p95)} (goal < ${P95_GOAL_MS} ms at 10 M events) ${verdict(p95 < P95_GOAL_MS)}`);
    return 0;
  } catch (error) {
    process.stderr.write(`\nEPCIS benchmark failed: ${error?.stack ?? error}\n`);
    return 1;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
