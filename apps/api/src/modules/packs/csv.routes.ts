import { Router } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { discardBody, requestBody, requireUtf8 } from '../../shared/body.js';
import { CSV_LIMITS, readCsv } from '../../shared/csv.js';
import { badInput, errorBody } from '../../shared/errors.js';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

/** A CSV body is taken up to the file limit, as sent and once decoded. */
const BODY_LIMITS = { wireBytes: CSV_LIMITS.bytes, decodedBytes: CSV_LIMITS.bytes };

/**
 * `POST /api/csv/activation` and `POST /api/csv/movements`: a CSV body with the bearer token;
 * the answer is a BulkResult whose rejections name their row. `?facility=<id>` picks the acting facility.
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
      const rows = await readCsv(requestBody(req, BODY_LIMITS));
      const options = { facilityId: facility };
      const result =
        kind === 'activation'
          ? await ctx.services.csv.activation(ctx, rows, options, actor)
          : await ctx.services.csv.movements(ctx, rows, options, actor);
      res.json(result);
    } catch (error) {
      if (req.destroyed && !req.complete) return; // the client went away mid-body: no one to answer
      await discardBody(req, res, error);
      next(error);
    }
  });
  return router;
}
