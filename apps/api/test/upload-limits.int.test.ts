import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../src/shared/logger.js';
import { startTestServer, type TestServer } from './harness.js';
import { freshNie } from './lifecycle-helpers.js';

const MB = 1024 * 1024;
/** How much the server's memory may grow while it refuses a body built to exhaust it. */
const RSS_BOUND_MB = 150;

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('industri@demo.test');
});
afterAll(async () => {
  await server?.close();
});

/** `unit` repeated in chunks of about a megabyte, up to `total` bytes. */
function* repeated(unit: string, total: number): Generator<Buffer> {
  const one = Buffer.from(unit);
  const chunk = Buffer.alloc(Math.max(1, Math.floor(MB / one.length)) * one.length, one);
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

/** A gzip bomb: `members` gzip members of 64 MB of `byte` each, some 64 KB apiece on the wire. */
function gzipBomb(byte: number, members: number): Buffer[] {
  const member = zlib.gzipSync(Buffer.alloc(64 * MB, byte), { level: 9 });
  return Array.from({ length: members }, () => member);
}

interface Answer {
  status: number;
  body: any;
}

/** A POST whose body is written chunk by chunk, as the server takes it (chunked unless a length is given). */
function send(path: string, headers: Record<string, string>, chunks: Iterable<Buffer>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers } });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    const source = chunks[Symbol.iterator]();
    const write = () => {
      for (let next = source.next(); !next.done; next = source.next()) {
        if (request.destroyed) return;
        if (!request.write(next.value)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

/** Runs `work` and answers how far the process's resident memory rose above where it started, at its peak. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; rssMb: number; cpuMs: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    sample();
    const used = process.cpuUsage(cpu);
    return { result, rssMb: Math.round((peak - start) / MB), cpuMs: Math.round((used.user + used.system) / 1000) };
  } finally {
    clearInterval(timer);
  }
}

async function expectHealthy() {
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
}

const error = (answer: Answer) => answer.body.errors?.[0];

describe('POST /graphql, with bodies built to exhaust the server', () => {
  const json = { 'content-type': 'application/json' };

  it('reads 250 MB only to 50 MB, drains the rest without keeping it, and answers 413', async ({ annotate }) => {
    const { result, rssMb, cpuMs } = await peakGrowth(() => send('/graphql', json, repeated(' ', 250 * MB)));
    expect(result.status).toBe(413);
    expect(error(result)).toMatchObject({ message: 'The request body is over 50 MB', extensions: { code: 'BAD_REQUEST', limit: 50 * MB } });
    expect(rssMb).toBeLessThan(RSS_BOUND_MB);
    await annotate(`RSS +${rssMb} MB, ${cpuMs} ms of CPU (client and server)`);
    await expectHealthy();
  });

  it('stops a gzip bomb (10 MB inflating to 10 GB) at 50 MB decoded', async ({ annotate }) => {
    const { result, rssMb, cpuMs } = await peakGrowth(() => send('/graphql', { ...json, 'content-encoding': 'gzip' }, gzipBomb(0x20, 160)));
    expect(result.status).toBe(413);
    expect(error(result)).toMatchObject({ message: 'The request body, decoded, is over 50 MB', extensions: { code: 'BAD_REQUEST', limit: 50 * MB } });
    expect(rssMb).toBeLessThan(RSS_BOUND_MB);
    await annotate(`RSS +${rssMb} MB, ${cpuMs} ms of CPU (client and server)`);
    await expectHealthy();
  });
});

describe('POST /api/csv/movements, with bodies built to exhaust the server', () => {
  const csv = { 'content-type': 'text/csv' };

  it.for([
    ['one row of 131 million cells', 'a,', 400, /^The header row has more than 64 cells$/],
    ['one cell', 'x', 400, /^The header row, cell 1, is over 4 KB$/],
    ['a quoted cell', '"', 400, /^The header row, cell 1, is over 4 KB$/],
    ['line breaks', '\r\n', 400, /^The header row takes the file past 16,000,000 cells$/],
  ] as const)('refuses 250 MB of %s by name, and its memory stays flat', async ([_what, unit, status, message], { annotate }) => {
    const { result, rssMb, cpuMs } = await peakGrowth(() => send('/api/csv/movements', csv, repeated(unit, 250 * MB)));
    expect(result.status).toBe(status);
    expect(error(result)).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field: 'csv', row: 0 } });
    expect(rssMb).toBeLessThan(RSS_BOUND_MB);
    await annotate(`RSS +${rssMb} MB, ${cpuMs} ms of CPU (client and server)`);
    await expectHealthy();
  });

  it('refuses a body declared over 200 MB before reading it', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const request = http.request(`${server.url}/api/csv/movements`, {
        method: 'POST',
        headers: { ...csv, authorization: `Bearer ${token}`, 'content-length': String(250 * MB) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(error(answer)).toMatchObject({ message: 'The request body is over 200 MB', extensions: { code: 'BAD_REQUEST', limit: 200 * MB } });
    await expectHealthy();
  });

  it('stops a gzip bomb (10 MB inflating to 10 GB) at its first cell, or at 16 million cells if it is all line breaks', async ({ annotate }) => {
    const gzip = { ...csv, 'content-encoding': 'gzip' };
    const zeros = await peakGrowth(() => send('/api/csv/movements', gzip, gzipBomb(0, 160)));
    expect(zeros.result.status).toBe(400);
    expect(error(zeros.result).message).toBe('The header row, cell 1, is over 4 KB');
    expect(zeros.rssMb).toBeLessThan(RSS_BOUND_MB);
    const lines = await peakGrowth(() => send('/api/csv/movements', gzip, gzipBomb(0x0a, 160)));
    expect(lines.result.status).toBe(400);
    expect(error(lines.result).message).toBe('The header row takes the file past 16,000,000 cells');
    expect(lines.rssMb).toBeLessThan(RSS_BOUND_MB);
    await annotate(`zeros: RSS +${zeros.rssMb} MB, ${zeros.cpuMs} ms of CPU; line breaks: RSS +${lines.rssMb} MB, ${lines.cpuMs} ms of CPU`);
    await expectHealthy();
  });

  it('still reads a gzip-compressed file', async () => {
    const body = zlib.gzipSync('code,event,reason\r\n"(90)DKLNOSUCH0001A1(21)X1",decommission,destroyed\r\n');
    const answer = await send('/api/csv/movements', { ...csv, 'content-encoding': 'gzip' }, [body]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 0, rejected: [{ row: 1 }] });
  });

  it('refuses a file past 200 MB with 413, its memory bounded by the rows read until then', async ({ annotate }) => {
    // Rows of one 4,000-byte cell: some 52,000 of them kept, every byte of the 200 MB held as text.
    const { result, rssMb, cpuMs } = await peakGrowth(() => send('/api/csv/movements', csv, repeated('x'.repeat(4000) + '\n', 250 * MB)));
    expect(result.status).toBe(413);
    expect(error(result)).toMatchObject({ message: 'The request body is over 200 MB', extensions: { code: 'BAD_REQUEST', limit: 200 * MB } });
    expect(rssMb).toBeLessThan(200 + RSS_BOUND_MB);
    await annotate(`RSS +${rssMb} MB, ${cpuMs} ms of CPU (client and server)`);
    await expectHealthy();
  });
});

describe('a client leaving mid-body', () => {
  it.for(['/graphql', '/api/csv/movements'])('is neither answered nor logged as an error by %s', async (path, { onTestFinished }) => {
    const errors = vi.spyOn(logger, 'error');
    onTestFinished(() => errors.mockRestore());
    const headers = { authorization: `Bearer ${token}`, 'content-type': path === '/graphql' ? 'application/json' : 'text/csv' };
    const request = http.request(`${server.url}${path}`, { method: 'POST', headers });
    const answered = new Promise((resolve) => request.on('response', resolve));
    request.on('error', () => undefined);
    request.write(Buffer.alloc(MB, 0x20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.destroy();
    expect(await Promise.race([answered, new Promise((resolve) => setTimeout(() => resolve('no answer'), 300))])).toBe('no answer');
    expect(errors).not.toHaveBeenCalled();
    await expectHealthy();
  });
});

describe('POST /api/csv/activation of a file of ordinary size', () => {
  it('activates 100,000 rows of the seed’s 13 columns', async ({ annotate }) => {
    const issued = await issue(100_000);
    const header = 'ID Rekanan;ID Kemasan;2D Barcode;NIE;Lot Number;Expired;Latitude;Longitude;No. Bets;GTIN;Is Active;Is Sample;Is Sold';
    const rows = issued.units.map(({ serial, text }) =>
      ['R001', serial, `"${text.replace(/"/g, '""')}"`, issued.nie, issued.batch, '31/08/2029', '-6,9419', '107.6293', issued.batch, '', '1', '0', '0'].join(';'),
    );
    const file = Buffer.from([header, ...rows].join('\r\n') + '\r\n');
    const { result, rssMb, cpuMs } = await peakGrowth(() => send('/api/csv/activation', { 'content-type': 'text/csv' }, [file]));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ accepted: 100_000, rejected: [] });
    await annotate(`${(file.length / MB).toFixed(1)} MB: RSS +${rssMb} MB, ${cpuMs} ms of CPU`);
  }, 300_000);
});

/** A fresh product with `quantity` unit codes issued: their serials and texts, read from the printer file. */
async function issue(quantity: number) {
  const nie = freshNie();
  const batch = `B${nie.slice(3, 9)}`;
  const bpom = await server.login('bpom@demo.test');
  const product = await server.gql(`mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie, name: `Produk ${nie}`, form: 'Tablet', packaging: 'Dus' } }, token);
  expect(product.errors).toBeUndefined();
  const requested = await server.gql(`mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`, { i: { nie, batch, expiry: '2029-08-31', quantity } }, token);
  expect(requested.errors).toBeUndefined();
  const id = requested.data.requestCodes.id;
  const approved = await server.gql(`mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id }, bpom);
  expect(approved.data?.approveCodeRequest.status).toBe('ISSUED');
  const response = await fetch(`${server.url}/api/code-requests/${id}/codes.csv`, { headers: { authorization: `Bearer ${token}` } });
  // level,serial,sscc,text,raw,digital_link: the first four are never quoted.
  const units = (await response.text())
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',', 4))
    .filter(([level]) => level === 'UNIT')
    .map(([, serial, , text]) => ({ serial: serial!, text: text! }));
  expect(units.length).toBe(quantity);
  return { nie, batch, units };
}
