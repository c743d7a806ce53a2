import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { getOperationAST, parse } from 'graphql';
import { createContext, requestInfo, type Context, type ContextDeps } from './context.js';
import { beforeReread } from './shared/db.js';
import { BodyError, discardBody, requestBody, requireUtf8 } from './shared/body.js';
import { UNAVAILABLE_RETRY_SECONDS, errorBody, httpStatusOf, type ErrorCode } from './shared/errors.js';
import { sendJson } from './shared/http.js';
import { logger } from './shared/logger.js';

/**
 * The largest GraphQL request body taken, as sent and once decoded: a bulk movement of 200,000
 * codes fits (as Digital Links of ~100 characters, about 21 MB of JSON).
 */
const BODY_LIMIT = 50 * 1024 * 1024;
const BODY_LIMITS = { wireBytes: BODY_LIMIT, decodedBytes: BODY_LIMIT };

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
    const json = await readJson(req);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: url.slice('/graphql'.length), body: json },
        context: () => createContext(deps, requestInfo(req, deps.trustProxy)),
      });
    // Parsed once, and only when it matters: after a lost connection, or with replicas.
    let query: boolean | undefined;
    const readsOnly = () => (query ??= isQuery(json));
    let response = await execute();
    let lostHere = lost(response);
    // A query that lost its database connection (a restart, a failover) is run once more on a
    // fresh one; a mutation is not, and answers UNAVAILABLE for the client to try again.
    if (lostHere !== 'none' && readsOnly()) {
      await beforeReread();
      response = await execute();
      lostHere = lost(response);
    }
    // A caller that has written reads its own writes: from the primary until a replica has them.
    if (deps.replicas.size && !readsOnly()) deps.replicas.wrote(req.headers.authorization);
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (lostHere === 'whole') {
      res.statusCode = httpStatusOf('UNAVAILABLE');
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_SECONDS));
    }
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    if (error instanceof BodyError) return refuse(req, res, error);
    logger.error({ err: error }, 'GraphQL request failed outside Apollo');
    if (res.headersSent) res.destroy();
    else sendError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
  }
}

/**
 * What a lost database connection did to an answer, read from its errors (never its data):
 * `none`; `some` (a field failed with UNAVAILABLE); `whole` (and no field has data, so nothing in
 * it was applied).
 */
function lost(response: HTTPGraphQLResponse): 'none' | 'some' | 'whole' {
  if (response.body.kind !== 'complete' || !response.body.string.includes('UNAVAILABLE')) return 'none';
  try {
    const { data, errors } = JSON.parse(response.body.string) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> };
    if (!errors?.some((error) => error.extensions?.code === 'UNAVAILABLE')) return 'none';
    return !data || Object.values(data).every((value) => value === null) ? 'whole' : 'some';
  } catch {
    return 'none';
  }
}

/** Whether a request body is a single query operation (nothing it runs changes anything). */
function isQuery(json: unknown): boolean {
  const { query, operationName } = (json ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    return getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined)?.operation === 'query';
  } catch {
    return false;
  }
}

/**
 * The request's JSON body (UTF-8, compressed or not). Refused with a BodyError: too large the
 * moment a limit is passed (nothing more is inflated), or not UTF-8, not an encoding taken, not JSON.
 */
async function readJson(req: IncomingMessage): Promise<unknown> {
  requireUtf8(req.headers['content-type']);
  const chunks: Buffer[] = [];
  for await (const chunk of requestBody(req, BODY_LIMITS)) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new BodyError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A body refused: the rest of it drained raw (or the connection closed), then the answer naming why. */
async function refuse(req: IncomingMessage, res: ServerResponse, refusal: BodyError) {
  if (req.destroyed && !req.complete) return; // the client went away mid-body: no one to answer
  await discardBody(req, res, refusal);
  sendError(res, refusal.status, refusal.message, 'BAD_REQUEST', refusal.details);
}

function sendError(res: ServerResponse, status: number, message: string, code: ErrorCode = 'BAD_REQUEST', details?: Record<string, unknown>) {
  sendJson(res, status, errorBody(message, code, details));
}
