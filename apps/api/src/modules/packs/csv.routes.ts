import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { discardBody, requestBody, requireUtf8 } from '../../shared/body.js';
import { CSV_LIMITS, readCsv } from '../../shared/csv.js';
import { badInput, errorBody } from '../../shared/errors.js';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

/** A CSV body is taken up to the file limit, as sent and once decoded. */
const BODY_LIMITS = { wireBytes: CSV_LIMITS.bytes, decodedBytes: CSV_LIMITS.bytes };

/** Printable ASCII, as RFC 9110 field values and the Idempotency-Key draft allow; at most 200 characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

function idempotencyKey(req: Request): string | null {
  const value = req.headers['idempotency-key'];
  if (value === undefined) return null;
  const text = String(value).replace(/^"(.*)"$/, '$1');
  if (!IDEMPOTENCY_KEY.test(text)) throw badInput('Idempotency-Key must be 1 to 200 printable ASCII characters (a UUID, say)', 'Idempotency-Key');
  return text;
}

/** The body's chunks, each also fed to `digest`. */
async function* hashing(chunks: AsyncIterable<Buffer>, digest: ReturnType<typeof createHash>): AsyncIterable<Buffer> {
  for await (const chunk of chunks) {
    digest.update(chunk);
    yield chunk;
  }
}

/**
 * `POST /api/csv/activation` and `POST /api/csv/movements`: a CSV body with the bearer token;
 * the answer is a BulkResult whose rejections name their row. `?facility=<id>` picks the acting facility.
 * A file is applied at most once (csv_import): sent again, it answers the first result with
 * `replayed: true` and `appliedAt`; an `Idempotency-Key` header names the attempt instead of the file.
 * The body is read as it arrives, after the caller is known, and refused as soon as it passes a limit.
 */
export function csvUploads(deps: ContextDeps): Router {
  const router = Router();
  router.post('/api/csv/:kind', async (req, res, next) => {
    try {
      const kind = req.params.kind;
      if (kind !== 'activation' && kind !== 'movements') {
        await discardBody(req, res);
        res.status(404).json(errorBody(`No CSV upload "${kind}"; use activation or movements`, 'NOT_FOUND'));
        return;
      }
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      requirePrincipal(ctx);
      if (!req.is(CSV_TYPES)) throw badInput('Send the file as the body with Content-Type: text/csv', 'csv');
      requireUtf8(req.headers['content-type']);
      const facility = typeof req.query.facility === 'string' ? req.query.facility : null;
      const actor = await ctx.services.movements.actingFacility(ctx, facility);
      const given = idempotencyKey(req);
      const digest = createHash('sha256');
      const rows = await readCsv(hashing(requestBody(req, BODY_LIMITS), digest));
      // A file is applied once: the same key (or the same file, for the same facility) again
      // answers the first result. Another key sends a file that was applied already afresh.
      const file = digest.digest('hex');
      const key = { key: `${actor.id}:${given ? `key:${given}` : `sha256:${file}`}`, file };
      const options = { facilityId: facility };
      const result =
        kind === 'activation'
          ? await ctx.services.csv.activation(ctx, rows, options, actor, key)
          : await ctx.services.csv.movements(ctx, rows, options, actor, key);
      deps.replicas.wrote(req.headers.authorization);
      res.json(result);
    } catch (error) {
      if (req.destroyed && !req.complete) return; // the client went away mid-body: no one to answer
      await discardBody(req, res, error);
      next(error);
    }
  });
  return router;
}
