import type { Pool } from 'pg';
import { createPool } from '../shared/db.js';
import { lostConnection } from '../shared/errors.js';
import { logger } from '../shared/logger.js';

/** How often the primary's WAL position and each replica's replay position are read. */
const POLL_MS = 500;
/** Writers remembered for read-your-writes, at most (the oldest are forgotten first). */
const WRITERS = 10_000;

/** A PostgreSQL WAL position (`16/B374D848`) as a number of bytes. */
export const lsnBytes = (lsn: string): bigint => {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

interface Replica {
  url: string;
  pool: Pool;
  /** When the replica last answered the poll; 0 once it failed. */
  seenAt: number;
  /** The latest moment whose primary WAL position the replica has replayed. */
  caughtUpAt: number;
}

/**
 * Streaming replicas (DATABASE_REPLICA_URLS) for the reads that need not be on the primary:
 * public verification, reports and trace. A read goes to a replica that answered within the last
 * two polls and has replayed the primary's WAL up to at most `maxLagSeconds` ago, and, for a
 * caller that has just written, up to a moment after that write (read-your-writes); otherwise, or
 * with no replica, to the primary. A replica whose connection drops is left at once and taken back
 * when it answers again. The primary's position is sampled with the time its query was sent, so a
 * sample never claims a write it could not have seen.
 */
export class ReplicaSet {
  private readonly replicas: Replica[];
  /** Primary WAL positions, oldest first, each with the time its query was sent. */
  private samples: Array<{ at: number; lsn: bigint }> = [];
  private readonly writers = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private next = 0;

  constructor(
    private readonly primary: Pool,
    urls: readonly string[],
    private readonly maxLagMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.replicas = urls.map((url) => {
      const replica: Replica = { url, pool: createPool(url, 10), seenAt: 0, caughtUpAt: 0 };
      // A connection the replica drops takes it out of use until it answers a poll again.
      const down = (error: Error) => {
        if (replica.seenAt && lostConnection(error)) logger.warn({ replica: redacted(url) }, 'a replica dropped its connection: reads go elsewhere');
        replica.seenAt = 0;
      };
      replica.pool.on('error', down);
      replica.pool.on('connect', (client) => client.on('error', down));
      return replica;
    });
  }

  get size(): number {
    return this.replicas.length;
  }

  async start(): Promise<void> {
    if (!this.replicas.length) return;
    await this.poll();
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.replicas.map((replica) => replica.pool.end()));
  }

  /** Remembers that `writer` (a login token, say) has just written. */
  wrote(writer: string | undefined) {
    if (!writer || !this.replicas.length) return;
    this.writers.delete(writer);
    this.writers.set(writer, this.now());
    if (this.writers.size > WRITERS) this.writers.delete(this.writers.keys().next().value!);
  }

  /** The pool for a read by `reader` (null: anonymous): a fresh enough replica, else the primary. */
  pick(reader: string | null | undefined): Pool {
    if (!this.replicas.length) return this.primary;
    const now = this.now();
    const wroteAt = reader ? this.writers.get(reader) : undefined;
    const fresh = this.replicas.filter(
      (replica) => now - replica.seenAt <= 2 * POLL_MS + 250 && now - replica.caughtUpAt <= this.maxLagMs && (wroteAt === undefined || replica.caughtUpAt > wroteAt),
    );
    if (!fresh.length) return this.primary;
    return fresh[this.next++ % fresh.length]!.pool;
  }

  /** What each replica is doing, for /metrics. */
  state(): Array<{ replica: string; up: boolean; lagSeconds: number }> {
    const now = this.now();
    return this.replicas.map((replica) => ({
      replica: redacted(replica.url),
      up: now - replica.seenAt <= 2 * POLL_MS + 250,
      lagSeconds: replica.caughtUpAt ? (now - replica.caughtUpAt) / 1000 : Infinity,
    }));
  }

  private async poll(): Promise<void> {
    const sentAt = this.now();
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      this.samples.push({ at: sentAt, lsn: lsnBytes(rows[0]!.lsn) });
      const horizon = sentAt - this.maxLagMs - 5 * POLL_MS;
      while (this.samples.length > 2 && this.samples[1]!.at < horizon) this.samples.shift();
    } catch (error) {
      logger.warn({ lost: lostConnection(error) ?? (error as Error).message }, 'replicas: the primary did not say where its WAL stands');
    }
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const { rows } = await replica.pool.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
          const replayed = rows[0]?.lsn ? lsnBytes(rows[0].lsn) : -1n;
          for (const sample of this.samples) if (sample.lsn <= replayed && sample.at > replica.caughtUpAt) replica.caughtUpAt = sample.at;
          if (!replica.seenAt) logger.info({ replica: redacted(replica.url) }, 'a replica answers: reads may go to it');
          replica.seenAt = this.now();
        } catch (error) {
          if (replica.seenAt) logger.warn({ replica: redacted(replica.url), lost: lostConnection(error) ?? (error as Error).message }, 'a replica does not answer: reads go elsewhere');
          replica.seenAt = 0;
        }
      }),
    );
  }
}

/** A database URL without its password, for the log. */
const redacted = (url: string) => {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
};
