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
}

export interface ContextDeps {
  em: EntityManager;
  pool: Pool;
  services: Services;
}

export async function createContext(deps: ContextDeps, authorization: string | undefined): Promise<Context> {
  const em = deps.em.fork();
  const auth = await deps.services.auth.authenticate(em, authorization);
  return {
    em,
    pool: deps.pool,
    principal: auth.principal,
    authError: auth.error,
    sessionId: auth.sessionId,
    services: deps.services,
    loaders: createLoaders(em),
  };
}
