import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { PUBLIC_LIMITS, PublicLimits } from './limits.js';

const phone = { ip: '203.0.113.7', userAgent: 'phone' };
const client = Buffer.alloc(16, 7);
const refused = (check: () => unknown) => {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : error;
  }
};

describe('the public check limits', () => {
  const at = new Date('2026-11-29T10:00:00Z');

  it('count a device’s checks up to its capacity, then refuse by name', () => {
    const limits = new PublicLimits(() => at);
    for (let i = 0; i < PUBLIC_LIMITS.verifyDevice.capacity; i++) limits.verify(phone, client).known();
    expect(refused(() => limits.verify(phone, client))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('give a check back when it could not be answered, so trying it again counts once', () => {
    const limits = new PublicLimits(() => at);
    // Every check fails once (a lost connection) and is tried again: each counts once.
    for (let i = 0; i < PUBLIC_LIMITS.verifyDevice.capacity; i++) {
      limits.verify(phone, client).cancel();
      limits.verify(phone, client).known();
    }
    expect(refused(() => limits.verify(phone, client))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('give back the unknown-code budget a cancelled check held', () => {
    const limits = new PublicLimits(() => at);
    for (let i = 0; i < PUBLIC_LIMITS.unknownAddress.capacity * 2; i++) limits.verify(phone, client).cancel();
    expect(refused(() => limits.verify(phone, client))).toBeNull();
  });
});
