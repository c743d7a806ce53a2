import express, { Router } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { parseCsv } from '../../shared/csv.js';
import { badInput, errorBody } from '../../shared/errors.js';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

/**
 * `POST /api/csv/activation` and `POST /api/csv/movements`: a CSV body with the bearer token;
 * the answer is a BulkResult whose rejections name their row. `?facility=<id>` picks the acting facility.
 */
export function csvUploads(deps: ContextDeps): Router {
  const router = Router();
  router.post('/api/csv/:kind', express.text({ type: CSV_TYPES, limit: '256mb' }), async (req, res, next) => {
    try {
      const kind = req.params.kind;
      if (kind !== 'activation' && kind !== 'movements') {
        res.status(404).json(errorBody(`No CSV upload "${kind}"; use activation or movements`, 'NOT_FOUND'));
        return;
      }
      const ctx = await createContext(deps, requestInfo(req));
      requirePrincipal(ctx);
      if (typeof req.body !== 'string') throw badInput('Send the file as the body with Content-Type: text/csv', 'csv');
      const facility = typeof req.query.facility === 'string' ? req.query.facility : null;
      const actor = await ctx.services.movements.actingFacility(ctx, facility);
      const options = { facilityId: facility };
      const rows = parseCsv(req.body);
      const result =
        kind === 'activation'
          ? await ctx.services.csv.activation(ctx, rows, options, actor)
          : await ctx.services.csv.movements(ctx, rows, options, actor);
      res.json(result);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
