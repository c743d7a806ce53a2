import type { Pool, PoolClient } from 'pg';
import { AppError } from './errors.js';
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

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization failure, deadlock
const ATTEMPTS = 5;

/**
 * Runs `work` in one transaction on a client of its own. Rows changed by someone else between
 * reading and writing (or a deadlock) roll it back and run it again, from a fresh read.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      // Bulk statements join a list of ids to `pack`; however many the planner guesses, index
      // look-ups (nested loops) beat reading the whole table for a hash or merge join.
      await client.query('set local enable_hashjoin = off; set local enable_mergejoin = off');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const retryable =
        error instanceof RetryTransaction || RETRYABLE_SQLSTATES.has((error as { code?: string }).code ?? '');
      if (!retryable) throw error;
      if (attempt >= ATTEMPTS) {
        throw new AppError('CONFLICT', 'The same packs are being changed by someone else right now; try again.');
      }
      logger.debug({ attempt, reason: (error as Error).message }, 'transaction retried');
    } finally {
      client.release();
    }
  }
}
