import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from './shared/proxies.js';
import type { Principal } from './shared/auth.js';
import type { AppError } from './shared/errors.js';
import { createLoaders, type Loaders } from './shared/loaders.js';
import type { Services } from './services.js';
import { retryIfDisconnected } from './shared/db.js';
import { anonymous } from './modules/auth/auth.service.js';
import type { ReplicaSet } from './db/replicas.js';

/** Everything one request needs; services take it first. */
export interface Context {
  /** Forked per request, when first used. */
  em: EntityManager;
  /** The driver pool, for set-based bulk work. */
  pool: Pool;
  /** For reads that may come from a replica (verification, reports, trace): see db/replicas.ts. */
  read: Pool;
  principal: Principal | null;
  /** Why a token that was sent was refused (expired, revoked, malformed). */
  authError: AppError | null;
  /** The login session behind the principal, if it is a user. */
  sessionId: string | null;
  services: Services;
  loaders: Loaders;
  /** An anonymous fingerprint of the caller's device (address and user agent), per day. */
  client: Buffer;
  /** Who is calling from where: the client's address (behind trusted proxies) and user agent. */
  request: RequestInfo;
}

/** What a request tells about who is calling. */
export interface RequestInfo {
  authorization?: string;
  /** The client's address: the peer's, or behind a trusted proxy the one it forwarded. */
  ip: string;
  userAgent: string;
}

export interface ContextDeps {
  em: EntityManager;
  pool: Pool;
  replicas: ReplicaSet;
  services: Services;
  /** Which peer addresses are proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES). */
  trustProxy: TrustProxy;
}


export async function createContext(deps: ContextDeps, request: RequestInfo): Promise<Context> {
  // Nothing has run yet: a connection lost while reading the caller's session is simply tried again.
  // The public sends no token, and most of its calls never touch the ORM: forked when first asked.
  const { authorization } = request;
  const { em, auth } = authorization
    ? await retryIfDisconnected(async () => {
        const em = deps.em.fork();
        return { em, auth: await deps.services.auth.authenticate(em, authorization) };
      })
    : { em: null, auth: anonymous() };
  return new RequestContext(
    { root: deps.em, em, loaders: null },
    deps.pool,
    deps.replicas.pick(authorization),
    auth.principal,
    auth.error,
    auth.sessionId,
    deps.services,
    clientFingerprint(request),
    request,
  );
}

/** A request's entity manager and loaders, made when first asked for. */
interface OrmOfRequest {
  root: EntityManager;
  em: EntityManager | null;
  loaders: Loaders | null;
}

/**
 * A request's context. The ORM's part is made when first used, by getters on the prototype:
 * Apollo copies a context's own properties for each operation, which would call them; the copy
 * shares `orm` with the original, so both see one entity manager.
 */
class RequestContext implements Context {
  constructor(
    private readonly orm: OrmOfRequest,
    readonly pool: Pool,
    readonly read: Pool,
    readonly principal: Principal | null,
    readonly authError: AppError | null,
    readonly sessionId: string | null,
    readonly services: Services,
    readonly client: Buffer,
    readonly request: RequestInfo,
  ) {}

  get em(): EntityManager {
    return (this.orm.em ??= this.orm.root.fork());
  }

  get loaders(): Loaders {
    return (this.orm.loaders ??= createLoaders(this.em));
  }
}

/** Random per process and mixed with the day, so fingerprints cannot be followed across days. */
const FINGERPRINT_SECRET = randomBytes(32);

/** Today's fingerprints, so a phone that checks pack after pack is hashed once. */
const fingerprints = { day: -1, known: new Map<string, Buffer>() };
const MAX_FINGERPRINTS = 50_000;

export function clientFingerprint(request: Pick<RequestInfo, 'ip' | 'userAgent'>): Buffer {
  // The UTC day as a number: no date text to format on every request.
  const day = Math.floor(Date.now() / 86_400_000);
  if (fingerprints.day !== day) {
    fingerprints.day = day;
    fingerprints.known.clear();
  }
  const client = `${request.ip}|${request.userAgent}`;
  let fingerprint = fingerprints.known.get(client);
  if (!fingerprint) {
    fingerprint = createHmac('sha256', FINGERPRINT_SECRET).update(`${day}|${client}`).digest().subarray(0, 16);
    if (fingerprints.known.size >= MAX_FINGERPRINTS) fingerprints.known.clear();
    fingerprints.known.set(client, fingerprint);
  }
  return fingerprint;
}

/** The caller's details from an HTTP request, through Express or straight from Node's server. */
export function requestInfo(req: IncomingMessage, trustProxy: TrustProxy): RequestInfo {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  // X-Forwarded-For is believed only hop by hop from a trusted proxy; else the peer's own address.
  const ip = req.socket.remoteAddress ? proxyAddr(req, trustProxy) : '';
  return { authorization: header('authorization'), ip, userAgent: (header('user-agent') ?? '').slice(0, 512) };
}
