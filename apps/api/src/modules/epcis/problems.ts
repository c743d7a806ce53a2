/**
 * Errors of the EPCIS REST binding: RFC 7807 problem details (`application/problem+json`) whose
 * `type` is one of the standard exceptions the binding names (openapi.yaml, `epcisException:…`).
 */
import { AppError, httpStatusOf } from '../../shared/errors.js';
import { BodyError } from '../../shared/body.js';

export const EXCEPTIONS = [
  'ValidationException',
  'CaptureLimitExceededException',
  'QueryParameterException',
  'QueryValidationException',
  'QueryTooLargeException',
  'QueryTooComplexException',
  'NoSuchNameException',
  'NoSuchResourceException',
  'NoSuchSubscriptionException',
  'SubscriptionControlsException',
  'DuplicateSubscriptionException',
  'InvalidURIException',
  'SecurityException',
  'ResourceConflictException',
  'UnsupportedMediaTypeException',
  'ImplementationException',
] as const;
export type ExceptionName = (typeof EXCEPTIONS)[number];

/** One problem: where it is (a JSON pointer into the document, as a URI fragment) and what is wrong. */
export interface Problem {
  type: `epcisException:${ExceptionName}`;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Each problem of a refused document, located. */
  errors?: Problem[];
  /** For a code the lifecycle rules refused: the code, Jejak's reason and rule (as GraphQL answers them). */
  code?: string;
  reason?: string;
  rule?: string;
}

export class EpcisError extends Error {
  constructor(
    readonly exception: ExceptionName,
    readonly status: number,
    message: string,
    readonly errors: Problem[] = [],
    readonly instance?: string,
  ) {
    super(message);
    this.name = 'EpcisError';
  }
}

export const problemOf = (exception: ExceptionName, status: number, title: string, instance?: string): Problem => ({
  type: `epcisException:${exception}`,
  title,
  status,
  ...(instance !== undefined ? { instance } : {}),
});

/** Any error thrown while answering, as the problem the binding answers with. */
export function toProblem(error: unknown): Problem | null {
  if (error instanceof EpcisError) {
    return { ...problemOf(error.exception, error.status, error.message, error.instance), ...(error.errors.length ? { errors: error.errors } : {}) };
  }
  if (error instanceof BodyError) {
    return problemOf(error.status === 413 ? 'CaptureLimitExceededException' : error.status === 415 ? 'UnsupportedMediaTypeException' : 'ValidationException', error.status, error.message);
  }
  if (error instanceof AppError) {
    const status = httpStatusOf(error.code);
    const exception: ExceptionName =
      status === 401 || status === 403 ? 'SecurityException' : status === 404 ? 'NoSuchResourceException' : status === 409 ? 'ResourceConflictException' : status === 400 ? 'ValidationException' : 'ImplementationException';
    return problemOf(exception, status, error.message);
  }
  return null;
}

/** A JSON pointer (RFC 6901) as the URI fragment a problem's `instance` gives. */
export const pointerOf = (path: ReadonlyArray<string | number>) =>
  '#' + path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
