import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { ParseKeys, TFunction } from 'i18next';

/** The API's closed set of `extensions.code` values, plus what can fail before it answers. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'UNAVAILABLE',
  'NETWORK',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one map from error codes to messages (message keys in `shared/i18n`). */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: 'errors.UNAUTHENTICATED',
  TOKEN_EXPIRED: 'errors.TOKEN_EXPIRED',
  INVALID_CREDENTIALS: 'errors.INVALID_CREDENTIALS',
  FORBIDDEN: 'errors.FORBIDDEN',
  BAD_USER_INPUT: 'errors.BAD_USER_INPUT',
  NOT_FOUND: 'errors.NOT_FOUND',
  CONFLICT: 'errors.CONFLICT',
  TOO_MANY_ATTEMPTS: 'errors.TOO_MANY_ATTEMPTS',
  GRAPHQL_PARSE_FAILED: 'errors.GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'errors.GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'errors.BAD_REQUEST',
  INTERNAL_SERVER_ERROR: 'errors.INTERNAL_SERVER_ERROR',
  UNAVAILABLE: 'errors.UNAVAILABLE',
  NETWORK: 'errors.NETWORK',
  UNKNOWN: 'errors.UNKNOWN',
} as const satisfies Record<ErrorCode, `errors.${ErrorCode}`>;

/** Codes that mean the login is gone: the app signs out and asks to log in again. */
export const SESSION_ENDED_CODES = ['UNAUTHENTICATED', 'TOKEN_EXPIRED'] as const;
export type SessionEndedCode = (typeof SESSION_ENDED_CODES)[number];

export const isSessionEnded = (code: ErrorCode): code is SessionEndedCode =>
  (SESSION_ENDED_CODES as readonly ErrorCode[]).includes(code);

const isErrorCode = (value: unknown): value is ErrorCode => ERROR_CODES.includes(value as ErrorCode);

export interface ErrorEntry {
  message?: string;
  extensions?: Record<string, unknown>;
}

/** A failed call to one of the API's plain HTTP endpoints (CSV, downloads, `/api/verify`). */
export class RestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The `errors` of the answer's body, as GraphQL answers carry them. */
    readonly entries: readonly ErrorEntry[] = [],
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/** The GraphQL errors in whatever failed: a 200 answer, an HTTP error body, a plain HTTP call. */
function graphQLErrorsOf(error: unknown): readonly ErrorEntry[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors as readonly ErrorEntry[];
  if (error instanceof RestError) return error.entries;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorEntry[] };
      if (Array.isArray(body.errors)) return body.errors;
    } catch {
      // Not JSON: fall through to the HTTP status.
    }
  }
  return [];
}

/** The code of the first error, or what the HTTP status or a failed fetch implies. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (!error) return 'UNKNOWN';
  if (error instanceof RestError) return error.code;
  const first = graphQLErrorsOf(error)[0];
  const code = first?.extensions?.code;
  if (isErrorCode(code)) return code;
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
    if (error.statusCode === 429) return 'TOO_MANY_ATTEMPTS';
    if (error.statusCode === 503) return 'UNAVAILABLE';
    if (error.statusCode >= 500) return 'INTERNAL_SERVER_ERROR';
    return 'BAD_REQUEST';
  }
  if (ServerParseError.is(error)) return 'INTERNAL_SERVER_ERROR';
  if (error instanceof TypeError) return 'NETWORK';
  return 'UNKNOWN';
}

/** For BAD_USER_INPUT: the input field the API named, if any. */
export function errorFieldOf(error: unknown): string | undefined {
  const field = graphQLErrorsOf(error)[0]?.extensions?.field;
  return typeof field === 'string' ? field : undefined;
}

/** Why the API refused, where it says more than the code (`extensions.reason`, e.g. a password rule). */
export function errorReasonOf(error: unknown): string | undefined {
  const reason = graphQLErrorsOf(error)[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** For TOO_MANY_ATTEMPTS: the seconds the API asks to wait (`extensions.retryAfterSeconds`). */
export function retryAfterOf(error: unknown): number | undefined {
  const seconds = graphQLErrorsOf(error)[0]?.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** A wait in words: seconds under two minutes, else whole minutes (rounded up). */
export function formatWait(t: TFunction, seconds: number): string {
  return seconds < 120 ? t('errors.wait.seconds', { count: seconds }) : t('errors.wait.minutes', { count: Math.ceil(seconds / 60) });
}

/** Per-screen wording for a code, e.g. CONFLICT on "add user" means the email is taken. */
export type ErrorOverrides = Partial<Record<ErrorCode, ParseKeys>>;

/**
 * The message to show for an error, in the current language. TOO_MANY_ATTEMPTS also says how
 * long to wait, when the API said so.
 */
export function errorMessage(t: TFunction, error: unknown, overrides: ErrorOverrides = {}): string {
  const code = errorCodeOf(error);
  const key: ParseKeys = overrides[code] ?? ERROR_MESSAGES[code];
  if (code !== 'TOO_MANY_ATTEMPTS') return t(key);
  const wait = retryAfterOf(error);
  const when = wait === undefined ? t('errors.retryLater') : t('errors.retryIn', { wait: formatWait(t, wait) });
  return `${t(key)} ${when}`;
}
