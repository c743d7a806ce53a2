import { Router } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { forbidden, notFound } from '../../shared/errors.js';

/** `GET /api/complaints/:id/photo`: a complaint's photo, for BPOM. */
export function complaintPhotos(deps: ContextDeps): Router {
  const router = Router();
  router.get('/api/complaints/:id/photo', async (req, res, next) => {
    try {
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      if (requirePrincipal(ctx).organizationType !== 'REGULATOR') throw forbidden('Only BPOM sees complaint photos');
      const photo = await ctx.services.complaints.photo(ctx, req.params.id);
      if (!photo) throw notFound(`No photo for complaint ${req.params.id}`);
      res.setHeader('Content-Type', photo.type);
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(photo.bytes);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
