import pg, { type Pool, type PoolClient } from 'pg';
import { AppError, lostConnection, unavailable } from './errors.js';
import { logger } from './logger.js';

/** Thrown inside a transaction when rows changed under it; the whole unit of work is run again. */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RetryTransaction';
  }
}

/**
 * Options of every database session: UTC, whatever the server's own zone (days are counted in
 * the reporting time zone by the application, never by the session), and no JIT (the bulk
 * statements are short; compiling them costs more than it saves).
 */
export const SESSION_OPTIONS = '-c timezone=UTC -c jit=off';

/**
 * A pool of sessions with SESSION_OPTIONS. A connection the server closes (a restart, a failover,
 * an administrator) must never end the process: idle in the pool it is dropped and replaced; in
 * use, its error reaches the query that was using it, and the pool drops it on release.
 */
export function createPool(connectionString: string, max: number): Pool {
  // Keep-alive probes find a server gone without a word (a network cut) in about a minute, not two hours.
  const pool = new pg.Pool({ connectionString, max, options: SESSION_OPTIONS, keepAlive: true, keepAliveInitialDelayMillis: 30_000 });
  const closed = (error: Error) => logger.warn({ lost: lostConnection(error) ?? error.message }, 'a database connection was closed');
  pool.on('error', closed);
  pool.on('connect', (client) => client.on('error', closed));
  return pool;
}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization failure, deadlock
const ATTEMPTS = 5;

/**
 * Runs `work` in one transaction on a client of its own. Rows changed by someone else between
 * reading and writing (or a deadlock) roll it back and run it again, from a fresh read.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: PoolClient | null = null;
    let committing = false;
    try {
      client = await pool.connect();
      await client.query('begin');
      // Bulk statements join a list of ids to `pack`; however many the planner guesses, index
      // look-ups (nested loops) beat reading the whole table for a hash or merge join.
      await client.query('set local enable_hashjoin = off; set local enable_mergejoin = off');
      const result = await work(client);
      committing = true;
      await client.query('commit');
      return result;
    } catch (error) {
      await client?.query('rollback').catch(() => undefined);
      // A connection lost before the commit was sent took the transaction with it: run it again
      // on a fresh one. Lost during the commit, no one knows whether it landed: say so.
      const lost = error instanceof AppError ? null : lostConnection(error);
      if (lost && (committing || attempt >= ATTEMPTS)) throw unavailable();
      if (lost) {
        logger.warn({ lost, attempt }, 'a transaction lost its database connection: running it again');
        await beforeReread();
        continue;
      }
      const retryable =
        error instanceof RetryTransaction || RETRYABLE_SQLSTATES.has((error as { code?: string }).code ?? '');
      if (!retryable) throw error;
      if (attempt >= ATTEMPTS) {
        throw new AppError('CONFLICT', 'The same packs are being changed by someone else right now; try again.');
      }
      logger.debug({ attempt, reason: (error as Error).message }, 'transaction retried');
    } finally {
      client?.release();
    }
  }
}

/** The pause before a read lost with its connection is tried again: the pool drops dead connections meanwhile. */
export const beforeReread = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * Runs `work`; when the database connection is lost under it (a restart, a failover), runs it
 * once more on a fresh connection. Only for reads, and for writes that may safely land twice.
 */
export async function retryIfDisconnected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const lost = lostConnection(error);
    if (!lost) throw error;
    logger.warn({ lost }, 'the database connection was lost: trying once more');
    await beforeReread();
    return work();
  }
}
