import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import type { Principal } from './shared/auth.js';
import type { AppError } from './shared/errors.js';
import { createLoaders, type Loaders } from './shared/loaders.js';
import type { Services } from './services.js';

/** Everything one request needs; services take it first. */
export interface Context {
  /** Forked per request. */
  em: EntityManager;
  /** The driver pool, for set-based bulk work. */
  pool: Pool;
  principal: Principal | null;
  /** Why a token that was sent was refused (expired, revoked, malformed). */
  authError: AppError | null;
  /** The login session behind the principal, if it is a user. */
  sessionId: string | null;
  services: Services;
  loaders: Loaders;
  /** An anonymous fingerprint of the caller's device, for the public scan log and throttling. */
  client: Buffer;
}

/** What a request tells about who is calling. */
export interface RequestInfo {
  authorization?: string;
  ip?: string;
  userAgent?: string;
}

export interface ContextDeps {
  em: EntityManager;
  pool: Pool;
  services: Services;
}

export async function createContext(deps: ContextDeps, request: RequestInfo): Promise<Context> {
  const em = deps.em.fork();
  const auth = await deps.services.auth.authenticate(em, request.authorization);
  return {
    em,
    pool: deps.pool,
    principal: auth.principal,
    authError: auth.error,
    sessionId: auth.sessionId,
    services: deps.services,
    loaders: createLoaders(em),
    client: clientFingerprint(request),
  };
}

/** Random per process and mixed with the day, so fingerprints cannot be followed across days. */
const FINGERPRINT_SECRET = randomBytes(32);

export function clientFingerprint(request: RequestInfo): Buffer {
  const day = new Date().toISOString().slice(0, 10);
  return createHmac('sha256', FINGERPRINT_SECRET)
    .update(`${day}|${request.ip ?? ''}|${request.userAgent ?? ''}`)
    .digest()
    .subarray(0, 16);
}

/** The caller's details from an HTTP request, through Express or straight from Node's server. */
export function requestInfo(req: IncomingMessage): RequestInfo {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  // The peer's address: what Express calls req.ip while no proxy is trusted.
  return { authorization: header('authorization'), ip: req.socket.remoteAddress, userAgent: header('user-agent') };
}
