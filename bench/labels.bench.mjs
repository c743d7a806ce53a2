// Label sheets as one PDF: BENCH_LABELS (default 100,000) codes of one request, streamed from the
// API, which runs as its own process as `npm start` runs it; its peak memory while it writes the
// PDF (VmHWM, reset just before) against the 300 MB goal, and the time beside the raw PostgreSQL
// read of the same codes, in the same run.
import { readFile, writeFile } from 'node:fs/promises';
import { startApiProcess } from './lib/api-process.mjs';
import { cleanup, installCleanupHandlers } from './lib/cleanup.mjs';
import { openDatabase } from './lib/db.mjs';
import { missingBuild } from './lib/paths.mjs';
import { envInt, fmtInt, fmtMs, fmtRatio, fmtS, heading, say, setDeadline, verdict } from './lib/util.mjs';

const LABELS = envInt('BENCH_LABELS', 100_000);
const GOAL_MB = 300;
const PER_SHEET = 40; // 1 cm symbols

const MB = 1024 * 1024;
async function memoryOf(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function gql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
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
    heading(`Label PDF of ${fmtInt(LABELS)} codes (bench/labels.bench.mjs)`);
    const db = await openDatabase();
    const { url, child } = await startApiProcess(db.databaseUrl, 4900 + Math.floor(Math.random() * 90));
    const login = async (email) => (await gql(url, `mutation($e:String!){login(email:$e,password:"demo12345"){token}}`, { e: email })).login.token;
    const [industri, bpom] = [await login('industri@demo.test'), await login('bpom@demo.test')];
    const nie = `DKL${Date.now().toString().slice(-10)}A1`;
    await gql(url, `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie, name: `Produk label ${nie}`, form: 'Tablet', packaging: 'Dus' } }, industri);
    const { requestCodes } = await gql(
      url,
      `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`,
      { i: { nie, batch: 'LBL001', expiry: '2029-08-31', quantity: LABELS } },
      industri,
    );
    await gql(url, `mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: requestCodes.id }, bpom);

    // The read the PDF cannot do without: every code of the request, with what its text needs.
    const started = performance.now();
    const { rows } = await db.pool.query(
      `select p.id, p.level, p.serial, pr.nie, b.lot, b.expiry from pack p join code_request cr on cr.id = p.code_request_id
         join product pr on pr.id = cr.product_id join batch b on b.id = cr.batch_id where ${db.requestPacks} order by p.id`,
      [requestCodes.id],
    );
    const rawMs = performance.now() - started;
    if (rows.length !== LABELS) throw new Error(`the request holds ${rows.length} codes, not ${LABELS}`);

    await writeFile(`/proc/${child.pid}/clear_refs`, '5'); // resets the API's peak resident memory
    const before = await memoryOf(child.pid);
    let sampledPeak = before.rss;
    const sampler = setInterval(() => {
      memoryOf(child.pid).then((m) => (sampledPeak = Math.max(sampledPeak, m.rss)), () => undefined);
    }, 100);
    const t0 = performance.now();
    const response = await fetch(`${url}/api/code-requests/${requestCodes.id}/labels.pdf?size=1`, { headers: { authorization: `Bearer ${industri}` } });
    if (!response.ok) throw new Error(`labels.pdf answered ${response.status}: ${await response.text()}`);
    let bytes = 0;
    let pages = 0;
    let tail = '';
    for await (const chunk of response.body) {
      bytes += chunk.length;
      const text = tail + Buffer.from(chunk).toString('latin1');
      pages += (text.match(/\/Type \/Page \/Parent/g) ?? []).length;
      tail = text.slice(-24);
    }
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const after = await memoryOf(child.pid);
    const peakMb = Math.max(after.peak, sampledPeak) / MB;
    const expected = Math.ceil(LABELS / PER_SHEET);
    if (pages !== expected) throw new Error(`the PDF has ${pages} pages, not ${expected}`);
    say(`labels.pdf of ${fmtInt(LABELS)} codes: ${fmtInt(pages)} A4 pages, ${fmtInt(bytes / MB)} MB in ${fmtS(ms)} ` +
      `(${fmtInt(LABELS / (ms / 1000))} labels/s) | raw PostgreSQL read of the codes ${fmtMs(rawMs)} | ratio ${fmtRatio(ms / rawMs)}`);
    say(`API process memory: ${fmtInt(before.rss / MB)} MB resident before, peak ${fmtInt(peakMb)} MB while writing ` +
      `(goal < ${GOAL_MB} MB) ${verdict(peakMb < GOAL_MB)}`);
    return 0;
  } catch (error) {
    process.stderr.write(`\nlabels benchmark failed: ${error?.stack ?? error}\n`);
    return 1;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
