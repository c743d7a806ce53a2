import type { Pool } from 'pg';
import { logger } from '../shared/logger.js';

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

/** Makes the missing months from the current one to MONTHS_AHEAD ahead; returns how many tables it made. */
export async function ensureHistoryPartitions(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ made: number }>(`select ensure_history_partitions((now() at time zone 'UTC')::date, $1) as made`, [MONTHS_AHEAD]);
  const made = rows[0]!.made;
  if (made > 0) logger.info({ tables: made }, 'months of the event log made ahead');
  return made;
}
