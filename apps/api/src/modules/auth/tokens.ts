import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/** Login tokens and API keys: a kind prefix and 256 random bits. Only their SHA-256 is stored. */
export const SESSION_PREFIX = 'jjs_';
export const API_KEY_PREFIX = 'jjk_';
const TOKEN_BODY = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (prefix: string) => prefix + randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest();

export function tokenKind(token: string): 'session' | 'apiKey' | null {
  const body = token.slice(4);
  if (!TOKEN_BODY.test(body)) return null;
  if (token.startsWith(SESSION_PREFIX)) return 'session';
  if (token.startsWith(API_KEY_PREFIX)) return 'apiKey';
  return null;
}

/** The shortest new password (see password-policy.ts). */
export const PASSWORD_MIN = 10;
/** Longer passwords are refused before hashing, so a huge one cannot tie up the server. */
export const PASSWORD_MAX = 256;

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password an administrator hands over: four groups of four (about 79 random bits). */
export function newTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/**
 * Argon2id with 64 MiB, 3 passes and 4 lanes (the parameters Jejak has always used, so every
 * stored hash verifies as before). `2` is Algorithm.Argon2id, an ambient const enum.
 */
const PASSWORD_HASHING: Options = { algorithm: 2 as NonNullable<Options['algorithm']>, memoryCost: 65_536, timeCost: 3, parallelism: 4 };

export const hashPassword = (password: string) => hash(password, PASSWORD_HASHING);
export const verifyPassword = (stored: string, password: string) => verify(stored, password);

/** Compared against when the email is unknown, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
