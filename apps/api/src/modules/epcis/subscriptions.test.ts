import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './subscriptions.js';

describe('isPrivateAddress', () => {
  it('knows loopback, private, link-local and unique-local addresses', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it('lets public addresses and names through', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '203.0.113.7', '2001:db8::1', '::ffff:8.8.8.8', 'example.com']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
