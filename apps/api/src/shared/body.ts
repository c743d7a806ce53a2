import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppError } from './errors.js';

/** How much of a request body is taken: bytes as sent, and bytes once decoded (inflated). */
export interface BodyLimits {
  wireBytes: number;
  decodedBytes: number;
}

/** How far a body has been read; a caller may pass one in to watch it. */
export interface BodyProgress {
  wireBytes: number;
  decodedBytes: number;
}

/**
 * The raw bytes drained after a refusal, so that a client still sending reads the answer;
 * a body running longer is left unread and its connection closed after the answer.
 */
export const DRAIN_BYTES = 256 * 1024 * 1024;

/** A request body refused whole: unreadable (400), too large (413), or in a charset or encoding not taken (415). */
export class BodyError extends AppError {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    details: Record<string, unknown> = {},
    /** Refused from its headers, before any of it was read. */
    readonly unread = false,
  ) {
    super('BAD_REQUEST', message, details);
    this.name = 'BodyError';
  }
}

/** A byte count as people write it: "50 MB", "4 KB", "1,000 bytes". */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes.toLocaleString('en')} bytes`;
}

export const tooLarge = (limit: number, what = 'The request body', unread = false) =>
  new BodyError(413, `${what} is over ${byteSize(limit)}`, { limit }, unread);

/** Refuses a Content-Type naming a charset other than UTF-8. */
export function requireUtf8(contentType: string | undefined) {
  const charset = /;\s*charset\s*=\s*"?([^";]+)/i.exec(contentType ?? '')?.[1]?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new BodyError(415, `The body must be UTF-8, not ${charset}`);
}

const ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** A Content-Encoding taken (none is identity), or a 415 naming it. */
function takenEncoding(header: string | undefined): Encoding {
  const name = (header ?? '').trim().toLowerCase() || 'identity';
  if ((ENCODINGS as readonly string[]).includes(name)) return name as Encoding;
  throw new BodyError(415, `Content-Encoding "${header}" is not taken; use gzip, deflate or br`);
}

function decoder(encoding: Encoding): Transform {
  if (encoding === 'gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return new PassThrough();
}

/**
 * The request's body, decoded by its Content-Encoding as it arrives. A body declared larger
 * than the wire limit is refused before it is read; the rest as soon as a limit is passed.
 */
export function requestBody(req: IncomingMessage, limits: BodyLimits, progress?: BodyProgress): AsyncGenerator<Buffer> {
  const encoding = takenEncoding(req.headers['content-encoding']);
  if (Number(req.headers['content-length'] ?? 0) > limits.wireBytes) throw tooLarge(limits.wireBytes, undefined, true);
  return decodeBytes(req, encoding, limits, progress);
}

/**
 * `source` decoded as a stream: counted as it comes, and stopped, its decoder destroyed, the
 * moment it passes either limit; past the decoded limit nothing is inflated but what the decoder
 * holds in its buffer (some kilobytes). A request given as the source is paused, never
 * destroyed, so that it can still be drained.
 */
export function decodeBytes(
  source: AsyncIterable<Buffer>,
  encoding: string | undefined,
  limits: BodyLimits,
  progress: BodyProgress = { wireBytes: 0, decodedBytes: 0 },
): AsyncGenerator<Buffer> {
  return decode(source, takenEncoding(encoding), limits, progress);
}

async function* decode(source: AsyncIterable<Buffer>, encoding: Encoding, limits: BodyLimits, progress: BodyProgress) {
  const input = source instanceof Readable ? source : Readable.from(source, { objectMode: false });
  const output = decoder(encoding);
  const onData = (chunk: Buffer) => {
    progress.wireBytes += chunk.length;
    if (progress.wireBytes > limits.wireBytes) {
      input.pause();
      output.destroy(tooLarge(limits.wireBytes));
    } else if (!output.write(chunk)) input.pause();
  };
  const onDrain = () => input.resume();
  const onEnd = () => output.end();
  const onError = (error: Error) => output.destroy(error);
  const onClose = () => {
    if (!input.readableEnded) output.destroy(new Error('the connection closed before the body ended'));
  };
  output.on('drain', onDrain);
  input.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      progress.decodedBytes += chunk.length;
      if (progress.decodedBytes > limits.decodedBytes) {
        throw tooLarge(limits.decodedBytes, encoding === 'identity' ? undefined : 'The request body, decoded,');
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, `The body could not be read: ${(error as Error).message}`);
  } finally {
    input.pause();
    input.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    output.off('drain', onDrain);
    output.destroy();
    if (input !== source) input.destroy();
  }
}

/**
 * What is left of a refused request body: drained as raw bytes, never decoded, so that a client
 * still sending reads the answer. A body refused from its headers, or running past DRAIN_BYTES,
 * is left unread and the connection closes after the answer.
 */
export async function discardBody(req: IncomingMessage, res: ServerResponse, refusal?: unknown, cap = DRAIN_BYTES): Promise<void> {
  if (req.complete || req.destroyed) return;
  const drained = !(refusal instanceof BodyError && refusal.unread) && (await drain(req, cap));
  if (!drained) res.shouldKeepAlive = false;
}

/** Reads and drops the rest of `req`: true once it has ended, false if it ran past `cap` or broke off. */
function drain(req: IncomingMessage, cap: number): Promise<boolean> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = (ended: boolean) => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      if (!ended) req.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) done(false);
    };
    const onEnd = () => done(true);
    const onGone = () => done(false);
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
    req.resume();
  });
}
