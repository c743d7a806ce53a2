import type { Pool } from 'pg';
import { retryIfDisconnected } from '../../shared/db.js';
import { logger } from '../../shared/logger.js';
import type { Sighting } from './clone.js';

export interface Scan {
  at: Date;
  packId: string | null;
  code: string;
  verdict: string;
  reasons: string[];
  latitude: number | null;
  longitude: number | null;
  client: Buffer;
  /** The device under the pack's own key (see clone.ts); null when no pack was found. */
  device: Buffer | null;
}

/**
 * The log of public checks, written in batches: one multi-row insert every few milliseconds
 * instead of one per verification. Scans not yet written still count for clone detection.
 */
export class ScanLog {
  private pending: Scan[] = [];
  /** Batches being written: still unseen by readers of the table. */
  private readonly inFlight = new Set<Scan[]>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly delayMs = 20,
    private readonly maxBatch = 1000,
  ) {}

  add(scan: Scan) {
    this.pending.push(scan);
    if (this.pending.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /**
   * Checks logged but perhaps not yet written, as they stand now: take them before reading the
   * table. Nothing is copied: batches are not changed once flushed, and `pending` only grows
   * until a flush replaces it.
   */
  unwritten(): Unwritten {
    return { batches: [...this.inFlight], pending: this.pending, count: this.pending.length };
  }

  /** How many checks are logged and not yet written. */
  get size(): number {
    let size = this.pending.length;
    for (const batch of this.inFlight) size += batch.length;
    return size;
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.writing;
    this.inFlight.add(batch);
    this.writing = this.writing.then(() => this.write(batch)).finally(() => this.inFlight.delete(batch));
    return this.writing;
  }

  private async write(batch: Scan[]) {
    try {
      // A scan written twice when a connection is cut mid-insert counts once for clone
      // detection (the same device); a scan lost would not count at all.
      await retryIfDisconnected(() => this.pool.query(
        `insert into scan (at, pack_id, code, verdict, reasons, latitude, longitude, client, device)
         select t.at, t.pack_id, t.code, t.verdict, string_to_array(t.reasons, ','), t.latitude, t.longitude, t.client, t.device
           from unnest($1::timestamptz[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::bytea[], $9::bytea[])
             as t(at, pack_id, code, verdict, reasons, latitude, longitude, client, device)`,
        [
          batch.map((s) => s.at),
          batch.map((s) => s.packId),
          batch.map((s) => s.code),
          batch.map((s) => s.verdict),
          batch.map((s) => s.reasons.join(',')),
          batch.map((s) => s.latitude),
          batch.map((s) => s.longitude),
          batch.map((s) => s.client),
          batch.map((s) => s.device),
        ],
      ));
    } catch (error) {
      logger.error({ err: error, scans: batch.length }, 'could not write the scan log');
    }
  }
}

/** Checks not yet written at one moment: see ScanLog.unwritten. */
export interface Unwritten {
  batches: Scan[][];
  pending: Scan[];
  /** How many of `pending` there were at that moment. */
  count: number;
}

/** The sightings of one pack among unwritten scans, from `since` on. */
export function sightingsOf(unwritten: Unwritten, packId: string, since: Date): Sighting[] {
  const sightings: Sighting[] = [];
  const take = (scan: Scan) => {
    if (scan.packId === packId && scan.device !== null && scan.at >= since) {
      sightings.push({ at: scan.at, latitude: scan.latitude, longitude: scan.longitude, device: scan.device.toString('hex') });
    }
  };
  for (const batch of unwritten.batches) batch.forEach(take);
  for (let i = 0; i < unwritten.count; i++) take(unwritten.pending[i]!);
  return sightings;
}
