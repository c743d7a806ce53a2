import { BOM, csvLine } from '@jejak/csv';
import { Router } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { notFound } from '../../shared/errors.js';

/**
 * `GET /api/inspections/:id.csv`, a visit as CSV (every cell guarded against spreadsheet
 * formulas), and `GET /api/inspection-findings/:id/photo`: for BPOM.
 */
export function inspectionRoutes(deps: ContextDeps): Router {
  const router = Router();
  router.get('/api/inspections/:id.csv', async (req, res, next) => {
    try {
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      const { visit, rows } = await ctx.services.inspections.exportRows(ctx, req.params.id);
      const day = visit.openedAt.toISOString().slice(0, 10);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="jejak-inspection-${day}-${visit.id.slice(0, 8)}.csv"`);
      res.end(BOM + rows.map(csvLine).join(''));
    } catch (error) {
      next(error);
    }
  });
  router.get('/api/inspection-findings/:id/photo', async (req, res, next) => {
    try {
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      const photo = await ctx.services.inspections.photo(ctx, req.params.id);
      if (!photo) throw notFound(`No photo for finding ${req.params.id}`);
      res.setHeader('Content-Type', photo.type);
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.end(photo.bytes);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
