import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { createContext, type Context, type ContextDeps } from './context.js';
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
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return false;
    void answer(apollo, deps, req, res, url);
    return true;
  };
}

async function answer(apollo: ApolloServer<Context>, deps: ContextDeps, req: IncomingMessage, res: ServerResponse, url: string) {
  try {
    const body = await readJson(req);
    if ('error' in body) {
      // The rest of an oversized body is not read: the connection closes after the answer.
      if (body.status === 413) res.shouldKeepAlive = false;
      sendError(res, body.status, body.error);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const header = (name: string) => headers.get(name);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: url.slice('/graphql'.length), body: body.json },
      context: () => createContext(deps, { authorization: header('authorization'), ip: req.socket.remoteAddress, userAgent: header('user-agent') }),
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

/** The request's JSON body, or why it cannot be read (too large, not JSON). */
async function readJson(req: IncomingMessage): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > BODY_LIMIT) return { status: 413, error: `The request body is over ${BODY_LIMIT / 1024 / 1024} MB` };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) return { status: 413, error: `The request body is over ${BODY_LIMIT / 1024 / 1024} MB` };
    chunks.push(chunk);
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks, size).toString('utf8')) };
  } catch (error) {
    return { status: 400, error: `The body is not valid JSON: ${(error as Error).message}` };
  }
}

function sendError(res: ServerResponse, status: number, message: string, code = 'BAD_REQUEST') {
  const json = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}
