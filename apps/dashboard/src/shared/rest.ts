import { ERROR_CODES, RestError, type ErrorCode, type ErrorEntry } from './errors';

function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'TOO_MANY_ATTEMPTS';
  if (status === 503) return 'UNAVAILABLE';
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  return 'BAD_REQUEST';
}

/**
 * `fetch` with the login token. A failed answer throws a `RestError` with the API's
 * `extensions.code` (or what the HTTP status implies); no network throws the browser's TypeError.
 */
export async function restFetch(path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (response.ok) return response;
  let code = codeOfStatus(response.status);
  let message = response.statusText;
  let entries: ErrorEntry[] = [];
  try {
    const body = (await response.json()) as { errors?: ErrorEntry[] };
    entries = Array.isArray(body.errors) ? body.errors : [];
    const first = entries[0];
    if (ERROR_CODES.includes(first?.extensions?.code as ErrorCode)) code = first!.extensions!.code as ErrorCode;
    if (first?.message) message = first.message;
  } catch {
    // Not JSON: the status says enough.
  }
  throw new RestError(code, message, entries);
}
