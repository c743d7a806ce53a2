import { describe, expect, it } from 'vitest';
import { passwordRefusal } from './password-policy.js';

const owner = { email: 'lina.farmasi@rsud-bogor.test', name: 'Apt. Lina' };

describe('the password policy', () => {
  it.each([
    ['aaaaaaaa', 'TOO_SHORT'],
    ['demo12345', 'TOO_SHORT'],
    ['p'.repeat(257), 'TOO_LONG'],
    ['aaaaaaaaaa', 'REPETITIVE'],
    ['abababababab', 'REPETITIVE'],
    ['password123', 'COMMON'],
    ['Password123', 'COMMON'],
    ['qwertyuiop', 'COMMON'],
    ['1234567890', 'COMMON'],
    ['lina.farmasi@rsud-bogor.test', 'LIKE_ACCOUNT'],
    ['LinaFarmasi', 'LIKE_ACCOUNT'],
    ['apt. lina!!', 'LIKE_ACCOUNT'],
  ])('refuses %s as %s', (password, reason) => {
    expect(passwordRefusal(password, owner)?.reason).toBe(reason);
  });

  it.each(['rahasia-123', 'kuda-laut-biru', 'Obat#Aman2026', 'xq7-mm2p-9kfa-ve3r'])('takes %s', (password) => {
    expect(passwordRefusal(password, owner)).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordRefusal('😀😀😀😀😀', owner)?.reason).toBe('TOO_SHORT');
  });
});
