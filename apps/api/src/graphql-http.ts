import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { createContext, requestInfo, type Context, type ContextDeps } from './context.js';
import { errorBody, type ErrorCode } from './shared/errors.js';
import { sendJson } from './shared/http.js';
import { logger } from './shared/logger.js';

/** The largest GraphQL request body taken (a bulk movement of 200,000 codes fits). */
const BODY_LIMIT = 50 * 1024 * 1024;

/**
 * `POST /graphql` with a JSON body, handed to Apollo Server straight from Node's HTTP server:
 * every GraphQL call skips Express's router and body parser. Other methods and content types
 * return false and go through Express as before.
 */
export function graphqlPosts(apollo: ApolloServer<Context>, deps: ContextDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '';
    if (req.method !== 'POST' || (url !== '/graphql' && !url.startsWith('/graphql?'))) return false;
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return false;
    void answer(apollo, deps, req, res, url);
    return true;
  };
}

async function answer(apollo: ApolloServer<Context>, deps: ContextDeps, req: IncomingMessage, res: ServerResponse, url: string) {
  try {
    const body = await readJson(req);
    if (req.destroyed && !req.complete) return; // the client went away mid-body: no one to answer
    if ('error' in body) {
      // The rest of a body declared too large is not read: the connection closes after the answer.
      if (!req.complete) res.shouldKeepAlive = false;
      sendError(res, body.status, body.error);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: url.slice('/graphql'.length), body: body.json },
      context: () => createContext(deps, requestInfo(req)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    logger.error({ err: error }, 'GraphQL request failed outside Apollo');
    if (res.headersSent) res.destroy();
    else sendError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
  }
}

type Body = { json: unknown } | { status: number; error: string };

const TOO_LARGE = { status: 413, error: `The request body is over ${BODY_LIMIT / 1024 / 1024} MB` };

/** A decoder for the body's Content-Encoding, none for identity, or null when it is not one taken. */
function decoder(encoding: string): Readable | 'identity' | null {
  if (encoding === '' || encoding === 'identity') return 'identity';
  if (encoding === 'gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return null;
}

/**
 * The request's JSON body (UTF-8, compressed or not), or why it cannot be read. A body declared
 * too large is refused before it is read; one found too large while streaming is read to its end
 * and dropped, so that the client, still sending, gets the answer.
 */
async function readJson(req: IncomingMessage): Promise<Body> {
  const charset = /;\s*charset\s*=\s*"?([^";]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return { status: 415, error: `The body must be UTF-8, not ${charset}` };
  const decode = decoder((req.headers['content-encoding'] ?? '').trim().toLowerCase());
  if (!decode) return { status: 415, error: `Content-Encoding "${req.headers['content-encoding']}" is not taken; use gzip, deflate or br` };
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) return TOO_LARGE;
  const source: AsyncIterable<Buffer> = decode === 'identity' ? req : req.pipe(decode as NodeJS.ReadWriteStream & Readable);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    }
  } catch (error) {
    return { status: 400, error: `The body could not be read: ${(error as Error).message}` };
  }
  if (size > BODY_LIMIT) return TOO_LARGE;
  const text = Buffer.concat(chunks, size).toString('utf8');
  try {
    return { json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { status: 400, error: `The body is not valid JSON: ${(error as Error).message}` };
  }
}

function sendError(res: ServerResponse, status: number, message: string, code: ErrorCode = 'BAD_REQUEST') {
  sendJson(res, status, errorBody(message, code));
}
