import { isIPv4, isIPv6 } from 'node:net';

/** What a count of failed logins is kept for. */
export type ThrottleScope = 'ACCOUNT' | 'ADDRESS' | 'NETWORK';

export interface ThrottleRule {
  /** Failures after which each further attempt waits. */
  threshold: number;
  /** The wait after the failure that reaches the threshold; it doubles with each failure after that. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * Per account (the email as typed, whether or not it exists) and per client address at most 10
 * failures; the address's network (an IPv4 /24, an IPv6 /64) is shared by many people behind one
 * router or provider, so it gets a higher threshold.
 */
export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  ACCOUNT: { threshold: 10, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  ADDRESS: { threshold: 10, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  NETWORK: { threshold: 50, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
};

/** A count is forgotten this long after its last failure. */
const FORGET_AFTER_MS = 24 * 3_600_000;
/** When the attempts still being checked could pass the threshold, the next one waits this long. */
const BUSY_WAIT_MS = 1_000;

interface Count {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
  /** Attempts begun and not yet known to have failed or succeeded. */
  pending: number;
}

export interface ThrottleKey {
  scope: ThrottleScope;
  /** The email, the address or the network, e.g. `203.0.113.0/24`. */
  value: string;
}

/** A key whose count passed its threshold with this failure: it now waits `retryAfterSeconds`. */
export interface Blocked extends ThrottleKey {
  failures: number;
  retryAfterSeconds: number;
}

/** One login attempt, counted from its start; it must end in `failed`, `succeeded` or `abandoned`. */
export interface LoginAttempt {
  /** Counts the failure; answers the keys this failure has made wait. */
  failed(): Blocked[];
  /** The account's count starts again; the addresses' counts stay as they are. */
  succeeded(): void;
  /** Neither: the attempt stopped before the password was judged. */
  abandoned(): void;
}

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`wait ${retryAfterSeconds} s`);
    this.name = 'TooManyAttempts';
  }
}

/**
 * Counts failed logins and makes the next attempts wait, longer with each failure: 30 s after the
 * 10th failure, then 1, 2, 4, 8 min, then 15 min at most. While a key waits, every attempt is
 * refused before the password is looked at, so the right password is refused too, and an unknown
 * email is counted like a known one. Attempts are counted when they begin, so that many sent at
 * once cannot all be checked before the first failure is counted.
 *
 * The counts live in this process's memory: a restart forgets them, and each API process counts
 * for itself (several processes behind a load balancer would need a shared store). Each scope
 * keeps at most `maxKeys` counts, the least recently touched going first, so a flood of made-up
 * emails or addresses cannot exhaust memory.
 */
export class LoginThrottle {
  private readonly counts: Record<ThrottleScope, Map<string, Count>> = { ACCOUNT: new Map(), ADDRESS: new Map(), NETWORK: new Map() };

  constructor(
    private readonly now: () => number = Date.now,
    private readonly rules: Record<ThrottleScope, ThrottleRule> = THROTTLE_RULES,
    private readonly maxKeys = 100_000,
  ) {}

  /** The keys an attempt for `email` from `address` is counted under. */
  static keysOf(email: string, address: string): ThrottleKey[] {
    const keys: ThrottleKey[] = [{ scope: 'ACCOUNT', value: email }];
    const ip = plainAddress(address);
    if (ip) {
      keys.push({ scope: 'ADDRESS', value: ip });
      const network = networkOf(ip);
      if (network) keys.push({ scope: 'NETWORK', value: network });
    }
    return keys;
  }

  /** Starts an attempt, or throws TooManyAttempts with the longest wait of its keys. */
  begin(keys: readonly ThrottleKey[]): LoginAttempt {
    const now = this.now();
    let waitMs = 0;
    for (const key of keys) {
      const count = this.read(key, now);
      if (!count) continue;
      if (count.blockedUntil > now) waitMs = Math.max(waitMs, count.blockedUntil - now);
      else if (count.pending > 0 && count.failures + count.pending >= this.rules[key.scope].threshold) waitMs = Math.max(waitMs, BUSY_WAIT_MS);
    }
    if (waitMs > 0) throw new TooManyAttempts(Math.ceil(waitMs / 1000));
    for (const key of keys) this.touch(key, now).pending++;
    let open = true;
    const settle = (outcome: (count: Count | undefined, key: ThrottleKey) => void) => {
      if (!open) return;
      open = false;
      for (const key of keys) {
        const count = this.counts[key.scope].get(key.value);
        if (count) count.pending = Math.max(0, count.pending - 1);
        outcome(count, key);
      }
    };
    return {
      failed: () => {
        const blocked: Blocked[] = [];
        settle((_, key) => {
          const at = this.now();
          const count = this.touch(key, at);
          count.failures++;
          count.lastFailureAt = at;
          const rule = this.rules[key.scope];
          const over = count.failures - rule.threshold;
          if (over < 0) return;
          const delay = Math.min(rule.firstDelayMs * 2 ** Math.min(over, 30), rule.maxDelayMs);
          count.blockedUntil = at + delay;
          blocked.push({ ...key, failures: count.failures, retryAfterSeconds: Math.ceil(delay / 1000) });
        });
        return blocked;
      },
      succeeded: () =>
        settle((count, key) => {
          if (key.scope === 'ACCOUNT' && count) this.counts.ACCOUNT.delete(key.value);
        }),
      abandoned: () => settle(() => undefined),
    };
  }

  /** How many counts are kept, per scope (for tests and the bound on memory). */
  size(scope: ThrottleScope): number {
    return this.counts[scope].size;
  }

  /** The count of `key`, or nothing when it has none or it has been forgotten. */
  private read(key: ThrottleKey, now: number): Count | undefined {
    const map = this.counts[key.scope];
    const count = map.get(key.value);
    if (count && count.pending === 0 && count.blockedUntil <= now && now - count.lastFailureAt > FORGET_AFTER_MS) {
      map.delete(key.value);
      return undefined;
    }
    return count;
  }

  /** The count of `key`, made the most recently used; a new one evicts the least recently used when full. */
  private touch(key: ThrottleKey, now: number): Count {
    const map = this.counts[key.scope];
    const count = this.read(key, now) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0, pending: 0 };
    map.delete(key.value);
    while (map.size >= this.maxKeys) map.delete(map.keys().next().value!);
    map.set(key.value, count);
    return count;
  }
}

/** The address without an IPv6 zone, and an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as IPv4. */
export function plainAddress(address: string): string | null {
  const ip = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return ip.toLowerCase();
  return null;
}

/** The /24 of an IPv4 address or the /64 of an IPv6 one, written as a CIDR range. */
export function networkOf(ip: string): string | null {
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return null;
  const groups = expandIPv6(ip);
  return groups ? `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64` : null;
}

/** The eight groups of an IPv6 address (an embedded IPv4 tail counted as two). */
function expandIPv6(ip: string): string[] | null {
  let text = ip.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  return [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => '0'), ...right];
}
