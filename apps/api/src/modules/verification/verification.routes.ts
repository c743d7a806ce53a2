import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientFingerprint, requestInfo, type ContextDeps } from '../../context.js';
import { retryIfDisconnected } from '../../shared/db.js';
import { badInput, errorBody, httpStatusOf, knownError } from '../../shared/errors.js';
import { sendJson } from '../../shared/http.js';

const PATH = '/api/verify';

/**
 * `GET /api/verify?code=…&latitude=…&longitude=…`: the public `verify` as plain JSON, for phones,
 * scanners and Digital Link resolvers. The same answer as the GraphQL query, served straight from
 * Node's HTTP server (no router, no body, no GraphQL execution), since it is the busiest public call.
 * Returns false for any other request.
 */
export function publicVerification(deps: ContextDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '';
    if (url !== PATH && !url.startsWith(`${PATH}?`)) return false;
    void answer(deps, req, res);
    return true;
  };
}

async function answer(deps: ContextDeps, req: IncomingMessage, res: ServerResponse) {
  try {
    // GET only: every check is logged and counted, so nothing may check without being answered.
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendJson(res, 405, errorBody(`${req.method} is not allowed here; use GET ${PATH}?code=…`, 'BAD_REQUEST'), NO_STORE);
      return;
    }
    const query = new URLSearchParams((req.url ?? '').slice(PATH.length + 1));
    const code = query.get('code');
    if (code === null || code === '') throw badInput('code is required: the text of the 2D barcode', 'code');
    const request = requestInfo(req, deps.trustProxy);
    const latitude = numberParam(query, 'latitude');
    const longitude = numberParam(query, 'longitude');
    // A replica may answer; tried again, the choice is made again (one that dropped is left).
    const verification = await retryIfDisconnected(() => {
      const ctx = { pool: deps.pool, read: deps.replicas.pick(null), services: deps.services, client: clientFingerprint(request), request };
      return deps.services.verification.verify(ctx, code, latitude, longitude);
    });
    sendJson(res, 200, verification, NO_STORE);
  } catch (error) {
    const known = knownError(error, 'public verification');
    const retry = known.details.retryAfterSeconds;
    if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
    sendJson(res, httpStatusOf(known.code), errorBody(known.message, known.code, known.details), NO_STORE);
  }
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A JSON number, as GraphQL's Float takes it. */
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** An optional number in the query string: absent or blank is null. */
function numberParam(query: URLSearchParams, name: string): number | null {
  const text = query.get(name)?.trim();
  if (!text) return null;
  if (!DECIMAL.test(text)) throw badInput(`${name} must be a decimal number such as -6.2, got "${text.slice(0, 40)}"`, name);
  return Number(text);
}
