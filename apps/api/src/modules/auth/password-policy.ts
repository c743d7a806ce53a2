import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../shared/errors.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './tokens.js';

/** Why a new password is refused: `extensions.reason` beside `extensions.field`. */
export type PasswordRefusal = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'LIKE_ACCOUNT' | 'REPETITIVE' | 'SAME_AS_CURRENT' | 'WRONG_PASSWORD';

/** The fewest different characters a new password must use: `aaaaaaaaaa` and `abababababab` are refused. */
const MIN_DISTINCT = 4;

/**
 * The common passwords of zxcvbn-ts's list (`@zxcvbn-ts/language-common`, 49,233 passwords from
 * leaked password sets, stored lower-case) that are long enough to pass the length rule at all:
 * a shorter one is refused as too short first. Read on first use.
 */
let commonPasswords: Set<string> | null = null;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].filter((entry) => entry.length >= PASSWORD_MIN));
  return commonPasswords.has(password.toLowerCase());
}

/** Letters and digits only, lower-case: `Apt. Lina` and `apt-lina` are the same here. */
const folded = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Whose password it is, for the rule that a password must not be the account's own name or email. */
export interface PasswordOwner {
  email: string;
  name: string;
}

/** Why `password` may not become the password of `owner`, or null if it may. */
export function passwordRefusal(password: string, owner: PasswordOwner): { reason: PasswordRefusal; message: string } | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { reason: 'TOO_SHORT', message: `is ${length} characters; at least ${PASSWORD_MIN} are needed` };
  if (password.length > PASSWORD_MAX) return { reason: 'TOO_LONG', message: `is longer than ${PASSWORD_MAX} characters` };
  if (new Set(password).size < MIN_DISTINCT) {
    return { reason: 'REPETITIVE', message: `uses fewer than ${MIN_DISTINCT} different characters` };
  }
  if (isCommon(password) || isCommon(password.trim())) {
    return { reason: 'COMMON', message: 'is in a list of commonly used passwords; choose another' };
  }
  const candidate = folded(password);
  const own = [owner.email, owner.email.split('@')[0] ?? '', owner.name].map(folded).filter(Boolean);
  if (own.includes(candidate)) return { reason: 'LIKE_ACCOUNT', message: "is the account's own email or name" };
  return null;
}

/** Throws BAD_USER_INPUT naming `field` and the rule when `password` may not be set for `owner`. */
export function checkNewPassword(password: string, owner: PasswordOwner, field: string): void {
  const refusal = passwordRefusal(password, owner);
  if (refusal) throw passwordRefused(field, refusal.reason, `${field} ${refusal.message}`);
}

export const passwordRefused = (field: string, reason: PasswordRefusal, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field, reason });
