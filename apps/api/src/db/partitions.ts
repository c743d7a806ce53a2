import type { Pool, PoolClient } from 'pg';
import { logger } from '../shared/logger.js';

/**
 * How an `event_pack` row `ep` finds its event `e`: by id and by the month both are kept in, so
 * the join reads one partition of `event` for each row instead of every month.
 */
export const EVENT_OF_ROW = 'e.id = ep.event_id and e.recorded_at = ep.recorded_at';

/** Months of the event log kept made ahead of the current one. */
export const MONTHS_AHEAD = 3;
const DAY_MS = 86_400_000;

/**
 * The monthly partitions of `event` and `event_pack` (see the partitioned_history migration):
 * made up to MONTHS_AHEAD months ahead at start and checked once a day after, so a write never
 * finds its month missing however long the API runs.
 */
export class HistoryPartitions {
  private timer: NodeJS.Timeout | null = null;

  async start(pool: Pool) {
    await ensureHistoryPartitions(pool);
    this.timer = setInterval(() => {
      ensureHistoryPartitions(pool).catch((error: Error) => logger.warn({ reason: error.message }, 'the months ahead of the event log were not made; tried again tomorrow'));
    }, DAY_MS);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * Makes the missing months from the month of `from` (the current one when null) to MONTHS_AHEAD
 * ahead; returns how many tables it made.
 */
export async function ensureHistoryPartitions(db: Pool | PoolClient, from: string | Date | null = null): Promise<number> {
  const { rows } = await db.query<{ made: number }>(
    `select ensure_history_partitions((coalesce($1::timestamptz, now()) at time zone 'UTC')::date, $2) as made`,
    [from, MONTHS_AHEAD],
  );
  const made = rows[0]!.made;
  if (made > 0) logger.info({ tables: made }, 'months of the event log made ahead');
  return made;
}
