import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyError, byteSize, decodeBytes, discardBody, requestBody, type BodyProgress } from './body.js';

const MB = 1024 * 1024;

async function* chunksOf(bytes: Buffer, size = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** `member` over and over, `times` times (Infinity: without end), counting what was taken. */
function repeated(member: Buffer, times = Infinity) {
  const taken = { chunks: 0, bytes: 0 };
  async function* source() {
    for (let i = 0; i < times; i++) {
      taken.chunks++;
      taken.bytes += member.length;
      yield member;
    }
  }
  return { taken, source: source() };
}

async function collect(source: AsyncIterable<Buffer>) {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the body was taken'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(BodyError);
      return error as BodyError;
    },
  );

/** A gzip member of `size` zero bytes: about a thousandth of it on the wire. */
const zeros = (size: number) => zlib.gzipSync(Buffer.alloc(size), { level: 9 });

describe('decodeBytes', () => {
  const text = Buffer.from('code,event\n'.repeat(5000));

  it.each([
    ['identity', (b: Buffer) => b],
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('decodes %s as a stream', async (encoding, pack) => {
    const limits = { wireBytes: MB, decodedBytes: MB };
    expect(await collect(decodeBytes(chunksOf(pack(text), 100), encoding, limits))).toEqual(text);
  });

  it('takes a body of exactly the limit and refuses one byte more, naming the limit', async () => {
    const exact = Buffer.alloc(1000, 0x61);
    const limits = { wireBytes: 1000, decodedBytes: 1000 };
    expect((await collect(decodeBytes(chunksOf(exact, 7), '', limits))).length).toBe(1000);
    const over = await refusal(collect(decodeBytes(chunksOf(Buffer.alloc(1001), 7), '', limits)));
    expect([over.status, over.message, over.details]).toEqual([413, 'The request body is over 1,000 bytes', { limit: 1000 }]);
  });

  it('holds the wire and the decoded bytes to their own limits', async () => {
    const packed = zlib.gzipSync(text);
    const exact = { wireBytes: packed.length, decodedBytes: text.length };
    expect((await collect(decodeBytes(chunksOf(packed, 10), 'gzip', exact))).length).toBe(text.length);
    const wire = await refusal(collect(decodeBytes(chunksOf(packed, 10), 'gzip', { ...exact, wireBytes: packed.length - 1 })));
    expect(wire.message).toBe(`The request body is over ${byteSize(packed.length - 1)}`);
    const decoded = await refusal(collect(decodeBytes(chunksOf(packed, 10), 'gzip', { ...exact, decodedBytes: text.length - 1 })));
    expect(decoded.message).toBe(`The request body, decoded, is over ${byteSize(text.length - 1)}`);
  });

  it.for([
    ['gzip', zeros(64 * MB)],
    ['br', zlib.brotliCompressSync(Buffer.alloc(64 * MB), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } })],
  ] as const)('stops a %s bomb at the decoded limit: the decoder is destroyed and the source left', async ([encoding, member], { annotate }) => {
    // Members joined without end (gzip reads them as one body); brotli stops at its first end.
    const bomb = repeated(member);
    const progress: BodyProgress = { wireBytes: 0, decodedBytes: 0 };
    const limits = { wireBytes: 100 * MB, decodedBytes: MB };
    const error = await refusal(collect(decodeBytes(bomb.source, encoding, limits, progress)));
    expect(error.status).toBe(413);
    expect(error.details).toEqual({ limit: MB });
    // One megabyte taken, and no more than the chunk that crossed it: 64 MB never inflated.
    expect(progress.decodedBytes).toBeGreaterThan(MB);
    expect(progress.decodedBytes).toBeLessThanOrEqual(MB + 64 * 1024);
    const taken = { ...bomb.taken };
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bomb.taken).toEqual(taken);
    // Taken from the source: the chunk being inflated, and what the stream buffers hold ahead of it.
    expect(taken.bytes).toBeLessThanOrEqual(member.length + 64 * 1024);
    await annotate(`decoded ${progress.decodedBytes} bytes (limit ${MB}) from ${taken.bytes} bytes taken of a bomb without end`);
  });

  it('refuses an encoding not taken by name, before reading, and an unreadable stream as 400', async () => {
    expect(() => decodeBytes(chunksOf(text), 'zip', { wireBytes: MB, decodedBytes: MB })).toThrowError(
      expect.objectContaining({ status: 415, message: 'Content-Encoding "zip" is not taken; use gzip, deflate or br' }),
    );
    const broken = await refusal(collect(decodeBytes(chunksOf(Buffer.from('not gzip at all')), 'gzip', { wireBytes: MB, decodedBytes: MB })));
    expect(broken.status).toBe(400);
    expect(broken.message).toMatch(/^The body could not be read: /);
    const cut = zlib.gzipSync(text).subarray(0, 100);
    expect((await refusal(collect(decodeBytes(chunksOf(cut), 'gzip', { wireBytes: MB, decodedBytes: MB })))).status).toBe(400);
  });

  it('passes on a refusal from the bytes it reads', async () => {
    const inner = decodeBytes(chunksOf(Buffer.alloc(2000)), '', { wireBytes: 1000, decodedBytes: 1000 });
    const error = await refusal(collect(decodeBytes(inner, 'identity', { wireBytes: MB, decodedBytes: MB })));
    expect(error.message).toBe('The request body is over 1,000 bytes');
  });
});

describe('requestBody', () => {
  const request = (headers: Record<string, string>) => Object.assign(new PassThrough(), { headers }) as unknown as http.IncomingMessage;

  it('refuses a declared length over the wire limit before reading anything', () => {
    expect(() => requestBody(request({ 'content-length': '1001' }), { wireBytes: 1000, decodedBytes: MB })).toThrowError(
      expect.objectContaining({ status: 413, unread: true, message: 'The request body is over 1,000 bytes' }),
    );
    expect(() => requestBody(request({ 'content-encoding': 'compress' }), { wireBytes: 1000, decodedBytes: MB })).toThrowError(
      expect.objectContaining({ status: 415 }),
    );
  });
});

describe('discardBody', () => {
  let server: http.Server;
  let url: string;
  const limits = { wireBytes: 64 * 1024, decodedBytes: 64 * 1024 };
  const seen: BodyProgress[] = [];
  beforeAll(async () => {
    // Answers after reading the body, or after refusing it and discarding the rest (up to 1 MB).
    const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      const progress = { wireBytes: 0, decodedBytes: 0 };
      seen.push(progress);
      try {
        const body = await collect(requestBody(req, limits, progress));
        res.end(`read ${body.length}`);
      } catch (error) {
        await discardBody(req, res, error, MB);
        res.statusCode = (error as BodyError).status;
        res.end((error as BodyError).message);
      }
    };
    server = http.createServer((req, res) => void answer(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** POSTs `chunks` one by one, then answers the status and body, or the error that broke the exchange. */
  function post(headers: Record<string, string>, chunks: Iterable<Buffer>) {
    return new Promise<{ status: number; body: string; reused: boolean }>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers, agent: new http.Agent({ keepAlive: true }) });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, reused: res.headers.connection !== 'close' }));
      });
      req.on('error', reject);
      const it = chunks[Symbol.iterator]();
      const next = () => {
        for (let step = it.next(); !step.done; step = it.next()) if (!req.write(step.value)) return void req.once('drain', next);
        req.end();
      };
      next();
    });
  }

  it('drains the raw rest of a gzip bomb, never inflating it, so that the client gets the answer', async ({ annotate }) => {
    const member = zeros(16 * MB); // ~16 KB of gzip
    const answer = await post({ 'content-encoding': 'gzip' }, Array.from({ length: 40 }, () => member));
    expect(answer).toMatchObject({ status: 413, body: 'The request body, decoded, is over 64 KB', reused: true });
    const progress = seen.at(-1)!;
    expect(progress.decodedBytes).toBeLessThanOrEqual(128 * 1024);
    expect(progress.wireBytes).toBeLessThanOrEqual(128 * 1024); // of some 640 KB sent
    await annotate(`decoded ${progress.decodedBytes} bytes (limit 65536) from ${progress.wireBytes} of ${40 * member.length} bytes sent (${40 * 16} MB inflated)`);
  });

  it('closes the connection after answering when the rest runs past the drain limit', async () => {
    const megabyte = Buffer.alloc(MB, 0x20);
    const answer = await post({}, Array.from({ length: 3 }, () => megabyte)).catch((error: Error) => ({ error: error.message }));
    // The answer is written before the close; a client still sending may see the reset instead.
    if ('status' in answer) expect(answer).toMatchObject({ status: 413, reused: false });
    else expect(answer.error).toMatch(/EPIPE|ECONNRESET|socket hang up/);
  });
});
