import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { logger } from './logger.js';

/** The closed set of `extensions.code` values a client can see. */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid login token or API key was given.',
  TOKEN_EXPIRED: 'The login token or API key has expired; log in again or ask for a new key.',
  INVALID_CREDENTIALS: 'The email or password is wrong.',
  FORBIDDEN: 'The caller may not do this.',
  BAD_USER_INPUT: 'An argument is missing, malformed or out of range.',
  NOT_FOUND: 'The thing named does not exist or is not visible to the caller.',
  CONFLICT: 'The change clashes with what is already stored.',
  TOO_MANY_ATTEMPTS: 'Too many attempts from this client or for this account; wait retryAfterSeconds and try again.',
  GRAPHQL_PARSE_FAILED: 'The request is not valid GraphQL.',
  GRAPHQL_VALIDATION_FAILED: 'The request does not match the schema.',
  BAD_REQUEST: 'The HTTP request is malformed.',
  INTERNAL_SERVER_ERROR: 'Something failed on the server; it has been logged.',
  UNAVAILABLE: 'The database could not be reached for a moment (a restart or failover); wait retryAfterSeconds and try again.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure: thrown anywhere, mapped to `extensions.code` in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** How long a client waits before trying again after UNAVAILABLE. */
export const UNAVAILABLE_RETRY_SECONDS = 1;

/**
 * The database connection went away under a call (a restart, a failover, an administrator).
 * Reads are tried once more on a fresh connection before this is answered; a write caught in the
 * cut was rolled back by the server unless its commit had already gone through.
 */
export const unavailable = () =>
  new AppError(
    'UNAVAILABLE',
    'The database connection was lost (a restart or failover); what this call changed was not applied unless a later read shows it. Try again in a moment.',
    { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
  );

/**
 * SQLSTATEs of a lost connection: class 08, the server shutting down or not yet up, and a write
 * reaching a primary that has just become a standby (25006, read_only_sql_transaction: a failover).
 */
const CONNECTION_SQLSTATE = /^(08\d{3}|57P0[123]|25006)$/;
const CONNECTION_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const CONNECTION_MESSAGE =
  /Connection terminated|Connection ended unexpectedly|connection error and is not queryable|Client was closed and is not queryable|terminating connection due to|timeout exceeded when trying to connect|is not currently accepting connections/i;

/**
 * What a lost or refused database connection left in an error, or in one it wraps (an ORM's
 * driver exception, Apollo's context failure): its SQLSTATE or errno, or "closed"; null when the
 * error is something else. Never the SQL, which may hold a token's hash.
 */
export function lostConnection(error: unknown): string | null {
  for (let depth = 0, current: unknown = error; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || CONNECTION_ERRNO.has(code))) return code;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return 'closed';
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return null;
}

/** An unexpected error as the client sees it: a lost database connection is UNAVAILABLE, the rest are logged. */
export function knownError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const lost = lostConnection(error);
  if (lost) {
    logger.warn({ lost }, `${what}: the database connection was lost`);
    return unavailable();
  }
  logger.error({ err: error }, `unexpected error in ${what}`);
  return new AppError('INTERNAL_SERVER_ERROR', 'Internal server error');
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  UNAVAILABLE: 503,
};
export const httpStatusOf = (code: ErrorCode) => HTTP_STATUS[code] ?? 500;

/** An error answered outside GraphQL (CSV, downloads, /api/verify), in the shape GraphQL answers carry it. */
export const errorBody = (message: string, code: ErrorCode, details: Record<string, unknown> = {}) => ({
  errors: [{ message, extensions: { code, ...details } }],
});

const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo's `formatError`: the one place errors become what a client sees. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (isArgumentValidationError(original)) {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code) && original instanceof GraphQLError) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  const known = knownError(original, 'a GraphQL operation');
  return { ...base, message: known.message, extensions: { code: known.code, ...known.details } };
}

/** GraphQL's suggestion at the end of a message: ` Did you mean "facilities"?` */
const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * `formatError` for a server that keeps its schema to itself: GraphQL's "Did you mean …?" names
 * fields, arguments and enum values the caller did not ask for, in validation and variable errors alike.
 */
export function formatErrorWithoutSuggestions(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const answer = formatError(formatted, error);
  return { ...answer, message: answer.message.replace(SUGGESTION, '') };
}

function isArgumentValidationError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ArgumentValidationError';
}
