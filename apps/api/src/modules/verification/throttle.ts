/**
 * Counts, per client, NOT_FOUND answers in a row: someone guessing serials at random. A found
 * code resets the count; past the limit the client waits until the window has passed.
 */
export class GuessThrottle {
  private readonly streaks = new Map<string, { count: number; since: number }>();

  constructor(
    readonly limit = 20,
    readonly windowMs = 10 * 60_000,
    private readonly maxClients = 100_000,
  ) {}

  /** Seconds to wait, or 0 if the client may ask now. */
  waitSeconds(client: string, now = Date.now()): number {
    const streak = this.streaks.get(client);
    if (!streak || streak.count < this.limit) return 0;
    const left = streak.since + this.windowMs - now;
    if (left <= 0) {
      this.streaks.delete(client);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  record(client: string, notFound: boolean, now = Date.now()) {
    if (!notFound) {
      this.streaks.delete(client);
      return;
    }
    const streak = this.streaks.get(client);
    if (streak && now - streak.since < this.windowMs) streak.count++;
    else {
      if (this.streaks.size >= this.maxClients) this.streaks.delete(this.streaks.keys().next().value!);
      this.streaks.set(client, { count: 1, since: now });
    }
  }
}
