import { describe, expect, it } from 'vitest';
import { clientFingerprint } from './context.js';

describe('a client fingerprint', () => {
  it('is the same for the same address and user agent, and differs when either does', () => {
    const phone = { ip: '10.1.2.3', userAgent: 'Mozilla/5.0 (Linux; Android 14)' };
    const first = clientFingerprint(phone);
    expect(first).toHaveLength(16);
    expect(clientFingerprint({ ...phone })).toEqual(first);
    expect(clientFingerprint({ ...phone, ip: '10.1.2.4' })).not.toEqual(first);
    expect(clientFingerprint({ ...phone, userAgent: 'Mozilla/5.0 (iPhone)' })).not.toEqual(first);
  });
});
