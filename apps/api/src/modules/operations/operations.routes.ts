import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type RequestHandler } from 'express';
import type { Pool } from 'pg';
import { errorBody, lostConnection } from '../../shared/errors.js';
import { logger } from '../../shared/logger.js';
import type { Metrics } from './metrics.js';

export interface Operations {
  metrics: Metrics;
  /** Set once the server is stopping: it finishes what is under way and takes nothing new. */
  state: { draining: boolean };
}

/** How long a probe waits for the database before calling it down. */
const PROBE_TIMEOUT_MS = 2_000;

async function databaseUp(pool: Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
  try {
    return await Promise.race([pool.query('select 1').then(() => true), timeout]);
  } catch (error) {
    logger.warn({ lost: lostConnection(error) ?? (error as Error).message }, 'probe: the database is unreachable');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The probes and the figures: `/livez` (the process answers: restart it if not), `/readyz`
 * (it can serve: started, not stopping, its database answering; send it traffic only then),
 * `/healthz` (the same as /readyz, kept for those who already call it) and `/metrics`.
 */
export function operationRoutes(pool: Pool, { metrics, state }: Operations): Router {
  const router = Router();
  const noStore = { 'Cache-Control': 'no-store' };
  router.get('/livez', (_req, res) => {
    res.set(noStore).json({ status: 'alive' });
  });
  const ready: RequestHandler = async (_req, res) => {
    res.set(noStore);
    if (state.draining) {
      res.status(503).json({ status: 'draining', database: 'unchecked' });
      return;
    }
    if (await databaseUp(pool)) res.json({ status: 'ok', database: 'up' });
    else res.status(503).json({ status: 'unavailable', database: 'down' });
  };
  router.get('/readyz', ready);
  router.get('/healthz', ready);
  router.get('/metrics', async (req, res, next) => {
    if (!metrics.mayRead(req)) {
      res.status(403).json(errorBody('The figures are read only from the addresses in METRICS_ALLOW', 'FORBIDDEN'));
      return;
    }
    try {
      const { contentType, body } = await metrics.render();
      res.set(noStore).type(contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** The ORM's pool (knex's tarn pool) as used, free and waiting connections. */
export function ormPoolState(orm: MikroORM): { used: number; free: number; waiting: number } {
  const pool = (orm.em.getConnection().getKnex().client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
  return pool ? { used: pool.numUsed(), free: pool.numFree(), waiting: pool.numPendingAcquires() } : { used: 0, free: 0, waiting: 0 };
}
