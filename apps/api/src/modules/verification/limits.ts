import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import type { RequestInfo } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { RateLimiter } from '../../shared/limiter.js';
import { networkOf } from '../../shared/network.js';

/**
 * What the public may ask of Jejak, counted per call (every alias of a GraphQL request counts):
 * per device (address and user agent), per address (a carrier's NAT puts many phones behind
 * one) and per network (/24 or /64). Unknown codes spend a budget of their own: guessing
 * serials at random runs out of it fast; a shopper's typo does not. Complaints and their
 * photos have small quotas. Kept in this process's memory.
 */
const MB = 1024 * 1024;
export const PUBLIC_LIMITS = {
  verifyDevice: { capacity: 120, perSecond: 2 },
  verifyAddress: { capacity: 600, perSecond: 10 },
  verifyNetwork: { capacity: 3000, perSecond: 50 },
  unknownAddress: { capacity: 20, perSecond: 1 / 30 },
  unknownNetwork: { capacity: 200, perSecond: 1 / 3 },
  complaintDevice: { capacity: 3, perSecond: 1 / 1200 },
  complaintAddress: { capacity: 10, perSecond: 1 / 360 },
  complaintNetwork: { capacity: 50, perSecond: 1 / 60 },
  photoBytesAddress: { capacity: 20 * MB, perSecond: (20 * MB) / 86_400 },
};
type LimitName = keyof typeof PUBLIC_LIMITS;
type Keys = ReadonlyArray<readonly [LimitName, string]>;

export class PublicLimits {
  private readonly limiter = new RateLimiter(PUBLIC_LIMITS);

  constructor(private readonly now: () => Date) {}

  /** A check's keys: the device, its address and its network; unknown codes by address and network. */
  private verifyKeys(request: RequestInfo, client: Buffer): { verify: Keys; unknown: Keys } {
    const network = networkOf(request.ip);
    return {
      verify: [['verifyDevice', client.toString('hex')], ['verifyAddress', request.ip], ['verifyNetwork', network]],
      unknown: [['unknownAddress', request.ip], ['unknownNetwork', network]],
    };
  }

  private complaintKeys(request: RequestInfo, client: Buffer): { complaint: Keys; photo: Keys } {
    return {
      complaint: [['complaintDevice', client.toString('hex')], ['complaintAddress', request.ip], ['complaintNetwork', networkOf(request.ip)]],
      photo: [['photoBytesAddress', request.ip]],
    };
  }

  /**
   * Charges one check, or throws TOO_MANY_ATTEMPTS. Every check also holds one unknown code's
   * worth of the guessing budget until its answer is known (checks run side by side, as the
   * aliases of one request do); `known()` gives it back when the code was a real one, and
   * `cancel()` gives the whole check back when it could not be answered (the database away), so
   * the check tried again on a fresh connection is counted once.
   */
  verify(request: RequestInfo, client: Buffer): { known(): void; cancel(): void } {
    const keys = this.verifyKeys(request, client);
    const now = this.now().getTime();
    const unknown = this.limiter.take(keys.unknown, 1, now);
    if (unknown > 0) throw tooMany(`Too many unknown codes were checked from this network; try again in ${unknown} s.`, unknown);
    const wait = this.limiter.take(keys.verify, 1, now);
    if (wait > 0) {
      this.limiter.spend(keys.unknown, -1, now);
      throw tooMany(`Too many checks from this device or network; try again in ${wait} s.`, wait);
    }
    return {
      known: () => this.limiter.spend(keys.unknown, -1, this.now().getTime()),
      cancel: () => {
        const at = this.now().getTime();
        this.limiter.spend(keys.verify, -1, at);
        this.limiter.spend(keys.unknown, -1, at);
      },
    };
  }

  /** Charges one complaint and its photo's bytes, or throws TOO_MANY_ATTEMPTS. */
  complaint(request: RequestInfo, client: Buffer, photoBytes: number) {
    const keys = this.complaintKeys(request, client);
    const now = this.now().getTime();
    const wait = Math.max(this.limiter.wait(keys.complaint, 1, now), photoBytes ? this.limiter.wait(keys.photo, photoBytes, now) : 0);
    if (wait > 0) throw tooMany(`Too many reports from this device or network; try again in ${wait} s.`, wait);
    this.limiter.spend(keys.complaint, 1, now);
    if (photoBytes) this.limiter.spend(keys.photo, photoBytes, now);
  }
}

const tooMany = (message: string, retryAfterSeconds: number) => new AppError('TOO_MANY_ATTEMPTS', message, { retryAfterSeconds });

/**
 * A device as one pack's checks know it: a keyed hash of the pack, the client's address and its
 * user agent. The same device checking the same pack twice gets the same key; nothing links a
 * device's checks of different packs. The key's secret is made once and kept in `setting`.
 */
export class DeviceKeys {
  private secret: KeyObject | null = null;
  private loading: Promise<KeyObject> | null = null;

  constructor(private readonly pool: Pool) {}

  /** The key, at once once the secret is read (a check needs no extra turn of the event loop for it). */
  of(packId: string, request: RequestInfo): Buffer | Promise<Buffer> {
    if (this.secret) return keyOf(this.secret, packId, request);
    // A failed read (the database away) is tried again by the next check.
    const loading = (this.loading ??= this.load().finally(() => (this.loading = null)));
    return loading.then((secret) => keyOf(secret, packId, request));
  }

  private async load(): Promise<KeyObject> {
    await this.pool.query(`insert into setting (name, value) values ('device_key', $1) on conflict (name) do nothing`, [randomBytes(32).toString('hex')]);
    const { rows } = await this.pool.query(`select value from setting where name = 'device_key'`);
    return (this.secret = createSecretKey(Buffer.from(rows[0].value, 'hex')));
  }
}

const keyOf = (secret: KeyObject, packId: string, request: RequestInfo) =>
  createHmac('sha256', secret).update(`${packId}|${request.ip}|${request.userAgent}`).digest().subarray(0, 16);
