import type { ParseKeys, TFunction } from 'i18next';
import { errorCodeOf, errorFieldOf, errorReasonOf } from '../../shared/errors';

/** The API's rule for new passwords: at least this many characters (and at most 256). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** Why the API refused a password (`extensions.reason`), in the reader's language. */
const REASONS: Record<string, ParseKeys> = {
  TOO_SHORT: 'account.password.reasons.TOO_SHORT',
  TOO_LONG: 'account.password.reasons.TOO_LONG',
  COMMON: 'account.password.reasons.COMMON',
  LIKE_ACCOUNT: 'account.password.reasons.LIKE_ACCOUNT',
  REPETITIVE: 'account.password.reasons.REPETITIVE',
  SAME_AS_CURRENT: 'account.password.reasons.SAME_AS_CURRENT',
  WRONG_PASSWORD: 'account.password.reasons.WRONG_PASSWORD',
};

/** What the browser can tell of a new password before sending it. */
export function localPasswordProblem(t: TFunction, password: string): string | undefined {
  const length = [...password].length;
  if (!password) return t('form.required');
  if (length < PASSWORD_MIN) return t('account.password.reasons.TOO_SHORT', { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) return t('account.password.reasons.TOO_LONG', { max: PASSWORD_MAX });
  return undefined;
}

/**
 * A BAD_USER_INPUT about a password field, as the field's message: `{ field, message }`, or
 * nothing when the error is about something else.
 */
export function passwordFieldError(t: TFunction, error: unknown): { field: string; message: string } | undefined {
  if (errorCodeOf(error) !== 'BAD_USER_INPUT') return undefined;
  const field = errorFieldOf(error);
  const reason = errorReasonOf(error);
  if (!field || !reason || !REASONS[reason]) return undefined;
  return { field, message: t(REASONS[reason], { min: PASSWORD_MIN, max: PASSWORD_MAX }) };
}
