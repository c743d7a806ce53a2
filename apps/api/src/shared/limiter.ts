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
  tokens(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.limit.capacity;
    return Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
  }

  bucket(key: string): Bucket | undefined {
    return this.buckets.get(key);
  }

  /** Seconds until `tokens` reach `cost`: 0 when they do now. */
  waitFor(tokens: number, cost: number): number {
    if (tokens >= cost) return 0;
    return Math.max(1, Math.ceil((cost - tokens) / this.limit.perSecond));
  }

  /** Seconds until `cost` is there: 0 when it is now. */
  wait(key: string, cost = 1, now = Date.now()): number {
    return this.waitFor(this.tokens(this.buckets.get(key), now), cost);
  }

  /** Spends `cost` (it may go below zero: overspending makes the wait longer); a negative cost gives back. */
  spend(key: string, cost = 1, now = Date.now()) {
    this.charge(key, cost, now, this.buckets.get(key));
    this.trim(now);
  }

  /** Spends `cost` from `bucket`, the one held for `key` (or none yet); `trim` afterwards. */
  charge(key: string, cost: number, now: number, bucket: Bucket | undefined) {
    const tokens = Math.min(this.limit.capacity, this.tokens(bucket, now) - cost);
    if (bucket) {
      bucket.tokens = tokens;
      bucket.at = now;
    } else {
      this.buckets.set(key, { tokens, at: now });
    }
  }

  /** Keeps to the bound on keys held. */
  trim(now: number) {
    if (this.buckets.size > this.maxKeys) this.forget(now);
  }

  /**
   * Makes room: forgets every bucket that is full again (that changes nothing), then, if that is
   * not enough, those charged longest ago, down to three quarters of the bound, so the sweep
   * runs once per many new keys.
   */
  private forget(now: number) {
    for (const [key, bucket] of this.buckets) if (this.tokens(bucket, now) >= this.limit.capacity) this.buckets.delete(key);
    const keep = Math.max(1, Math.floor((this.maxKeys * 3) / 4));
    if (this.buckets.size <= keep) return;
    const times = Float64Array.from(this.buckets.values(), (bucket) => bucket.at).sort();
    const cut = times[this.buckets.size - keep]!;
    let excess = this.buckets.size - keep;
    for (const [key, bucket] of this.buckets) {
      if (excess === 0) break;
      if (bucket.at < cut) {
        this.buckets.delete(key);
        excess--;
      }
    }
    // Ties at the cut: the oldest of them by insertion.
    for (const [key, bucket] of this.buckets) {
      if (excess === 0) break;
      if (bucket.at === cut) {
        this.buckets.delete(key);
        excess--;
      }
    }
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
    // Each bucket looked up once: the busiest public call charges five of them.
    const found = keys.map(([name, key]) => this.buckets[name].bucket(key));
    let wait = 0;
    keys.forEach(([name], i) => {
      const buckets = this.buckets[name];
      wait = Math.max(wait, buckets.waitFor(buckets.tokens(found[i], now), cost));
    });
    if (wait > 0) return wait;
    keys.forEach(([name, key], i) => this.buckets[name].charge(key, cost, now, found[i]));
    for (const [name] of keys) this.buckets[name].trim(now);
    return 0;
  }
}
