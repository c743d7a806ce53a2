/**
 * Token buckets, one per key, in this process's memory: a key may spend `capacity` at once and
 * earns `perSecond` back. The number of keys held is bounded; the oldest go first (a bucket
 * left alone long enough is full again, so forgetting it changes nothing).
 */
export interface Limit {
  capacity: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class Buckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limit: Limit,
    private readonly maxKeys = 200_000,
  ) {}

  /** What `bucket` holds at `now`: full when there is none. */
  private tokens(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.limit.capacity;
    return Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
  }

  /** Seconds until `cost` is there: 0 when it is now. */
  wait(key: string, cost = 1, now = Date.now()): number {
    const tokens = this.tokens(this.buckets.get(key), now);
    if (tokens >= cost) return 0;
    return Math.max(1, Math.ceil((cost - tokens) / this.limit.perSecond));
  }

  /** Spends `cost` (it may go below zero: overspending makes the wait longer); a negative cost gives back. */
  spend(key: string, cost = 1, now = Date.now()) {
    const bucket = this.buckets.get(key);
    const tokens = Math.min(this.limit.capacity, this.tokens(bucket, now) - cost);
    // Most recently used last, so the oldest is the one forgotten.
    if (bucket) this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

/** Several limits over several keys at once: a call waits for the slowest, and is charged to all. */
export class RateLimiter<Name extends string> {
  private readonly buckets: Record<Name, Buckets>;

  constructor(limits: Record<Name, Limit>) {
    this.buckets = Object.fromEntries(Object.entries<Limit>(limits).map(([name, limit]) => [name, new Buckets(limit)])) as Record<Name, Buckets>;
  }

  /** Seconds to wait before `keys` may each spend `cost`; 0 when they may now. */
  wait(keys: ReadonlyArray<readonly [Name, string]>, cost = 1, now = Date.now()): number {
    let wait = 0;
    for (const [name, key] of keys) wait = Math.max(wait, this.buckets[name].wait(key, cost, now));
    return wait;
  }

  spend(keys: ReadonlyArray<readonly [Name, string]>, cost = 1, now = Date.now()) {
    for (const [name, key] of keys) this.buckets[name].spend(key, cost, now);
  }

  /** Charges `cost` to every key when all can pay now; else the seconds to wait, charging none. */
  take(keys: ReadonlyArray<readonly [Name, string]>, cost = 1, now = Date.now()): number {
    const wait = this.wait(keys, cost, now);
    if (wait === 0) this.spend(keys, cost, now);
    return wait;
  }
}
