import { describe, expect, it } from 'vitest';
import { LoginThrottle, THROTTLE_RULES, TooManyAttempts, networkOf, plainAddress, type ThrottleKey } from './login-throttle.js';

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const waitOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof TooManyAttempts) return error.retryAfterSeconds;
    throw error;
  }
  return 0;
};

describe('LoginThrottle', () => {
  const keys = LoginThrottle.keysOf('user@demo.test', '203.0.113.7');

  it('lets 10 failures through, then makes each next attempt wait longer, up to 15 minutes', () => {
    const time = clock();
    const throttle = new LoginThrottle(time.now);
    for (let i = 0; i < 9; i++) expect(throttle.begin(keys).failed()).toEqual([]);
    const tenth = throttle.begin(keys).failed();
    expect(tenth.map((key) => [key.scope, key.retryAfterSeconds])).toEqual([
      ['ACCOUNT', 30],
      ['ADDRESS', 30],
    ]);
    expect(waitOf(() => throttle.begin(keys))).toBe(30);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      time.advance(throttle_wait(throttle, keys) * 1000);
      throttle.begin(keys).failed();
      waits.push(throttle_wait(throttle, keys));
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900, 900, 900]);
  });

  it('refuses during the wait even an attempt that would succeed, and a success resets only the account', () => {
    const time = clock();
    const throttle = new LoginThrottle(time.now);
    for (let i = 0; i < 10; i++) throttle.begin(keys).failed();
    expect(waitOf(() => throttle.begin(keys))).toBe(30);
    time.advance(30_000);
    throttle.begin(keys).succeeded();
    // The account starts again; the address keeps its 10 failures and waits again after one more.
    const other = LoginThrottle.keysOf('other@demo.test', '203.0.113.7');
    expect(throttle.begin(other).failed().map((key) => key.scope)).toEqual(['ADDRESS']);
    const fromElsewhere = LoginThrottle.keysOf('user@demo.test', '198.51.100.1');
    for (let i = 0; i < 9; i++) expect(throttle.begin(fromElsewhere).failed()).toEqual([]);
  });

  it('counts an unknown email like a known one, and the network with a higher threshold', () => {
    const throttle = new LoginThrottle(clock().now);
    for (let host = 1; host <= 50; host++) {
      const blocked = throttle.begin(LoginThrottle.keysOf(`nobody${host}@demo.test`, `198.51.100.${host}`)).failed();
      expect(blocked.map((key) => key.scope)).toEqual(host === 50 ? ['NETWORK'] : []);
    }
    expect(waitOf(() => throttle.begin(LoginThrottle.keysOf('someone@demo.test', '198.51.100.200')))).toBe(30);
    expect(waitOf(() => throttle.begin(LoginThrottle.keysOf('someone@demo.test', '198.51.101.1')))).toBe(0);
  });

  it('counts attempts from when they begin, so many at once cannot pass the threshold', () => {
    const throttle = new LoginThrottle(clock().now);
    const attempts = Array.from({ length: 10 }, () => throttle.begin(keys));
    expect(waitOf(() => throttle.begin(keys))).toBe(1);
    attempts.forEach((attempt) => attempt.abandoned());
    expect(waitOf(() => throttle.begin(keys).abandoned())).toBe(0);
  });

  it('forgets a count a day after its last failure', () => {
    const time = clock();
    const throttle = new LoginThrottle(time.now);
    for (let i = 0; i < 10; i++) throttle.begin(keys).failed();
    time.advance(24 * 3_600_000 + 1);
    for (let i = 0; i < 9; i++) expect(throttle.begin(keys).failed()).toEqual([]);
  });

  it('keeps at most maxKeys counts per scope', () => {
    const throttle = new LoginThrottle(clock().now, THROTTLE_RULES, 100);
    for (let i = 0; i < 1000; i++) throttle.begin(LoginThrottle.keysOf(`guess${i}@demo.test`, `10.${i >> 8}.${i & 255}.1`)).failed();
    expect(throttle.size('ACCOUNT')).toBe(100);
    expect(throttle.size('ADDRESS')).toBe(100);
    expect(throttle.size('NETWORK')).toBe(100);
  });
});

/** The wait a new attempt gets now (0: it may go ahead, and is abandoned at once). */
function throttle_wait(throttle: LoginThrottle, keys: ThrottleKey[]) {
  return waitOf(() => throttle.begin(keys).abandoned());
}

describe('addresses', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7', '203.0.113.0/24'],
    ['::ffff:203.0.113.7', '203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80::1', 'fe80:0:0:0::/64'],
    ['::1', '::1', '0:0:0:0::/64'],
    ['2001:db8:0:5::192.0.2.1', '2001:db8:0:5::192.0.2.1', '2001:db8:0:5::/64'],
  ])('%s is %s in %s', (address, plain, network) => {
    expect(plainAddress(address)).toBe(plain);
    expect(networkOf(plain)).toBe(network);
  });

  it('ignores what is not an address', () => {
    expect(plainAddress('')).toBeNull();
    expect(LoginThrottle.keysOf('a@b.test', '')).toEqual([{ scope: 'ACCOUNT', value: 'a@b.test' }]);
  });
});
