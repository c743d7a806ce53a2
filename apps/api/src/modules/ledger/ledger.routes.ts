import { Router } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { notFound } from '../../shared/errors.js';
import { dayJson, readDay } from './ledger.service.js';

/**
 * The ledger in public: `GET /api/ledger/days/{YYYY-MM-DD}` (a day's signed root, with the day
 * before's root and the public key; no login), `GET /api/ledger/key` (the public key, PEM), and
 * `GET /api/ledger/events/{id}/proof` (an event's proof of inclusion, for those who may see it).
 */
export function ledgerRoutes(deps: ContextDeps): Router {
  const router = Router();
  const ledger = deps.services.ledger;
  router.get('/api/ledger/key', (_req, res) => {
    res.type('application/x-pem-file').send(ledger.signingKey.publicPem);
  });
  router.get('/api/ledger/days/:day', async (req, res, next) => {
    try {
      const day = readDay(req.params.day, 'day')!;
      const published = await ledger.day(deps.pool, day);
      if (!published) throw notFound(`The ledger has no root for ${day}: a day's root is published once that UTC day has ended`);
      res.setHeader('Cache-Control', 'public, max-age=86400, immutable');
      res.json(dayJson(published, ledger.signingKey));
    } catch (error) {
      next(error);
    }
  });
  router.get('/api/ledger/events/:id/proof', async (req, res, next) => {
    try {
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      res.setHeader('Cache-Control', 'private, no-store');
      res.json(await ledger.proof(ctx, req.params.id));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
