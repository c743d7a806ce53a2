import { Router } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { isBpomAdmin, requirePrincipal } from '../../shared/auth.js';
import { forbidden } from '../../shared/errors.js';
import { logger } from '../../shared/logger.js';
import { writeBackup } from './backup.js';

/**
 * `GET /api/backup`: a backup of the running system (backup.ts), streamed as it is read, for
 * BPOM's administrators only: it holds every organisation's records and every account.
 */
export function backupRoutes(deps: ContextDeps): Router {
  const router = Router();
  router.get('/api/backup', async (req, res, next) => {
    try {
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      const principal = requirePrincipal(ctx);
      if (!isBpomAdmin(principal)) throw forbidden('Only BPOM administrators take backups');
      ctx.services.audit.record(ctx.em, ctx, { action: 'BACKUP_TAKEN', organizationId: principal.organizationId, targetType: 'DATABASE' });
      await ctx.em.flush();
      const name = `jejak-${new Date().toISOString().replace(/[:.]/g, '-')}.backup.gz`;
      res.setHeader('Content-Type', 'application/gzip');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      const summary = await writeBackup(deps.pool, res);
      logger.info({ by: principal.id, ...summary }, 'backup taken');
    } catch (error) {
      // A client that leaves mid-download ends it: nothing to answer, nothing broken.
      if (res.headersSent && (res.destroyed || req.destroyed)) logger.info('a backup download was abandoned by its client');
      else next(error);
    }
  });
  return router;
}
