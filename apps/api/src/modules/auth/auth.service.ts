import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { AppError, badInput } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { ApiKey, Session, User } from './auth.entity.js';
import { toUserObject, type UserObject } from './auth.types.js';
import type { Credentials } from './credentials.js';
import { plainAddress } from './login-throttle.js';
import { PASSWORD_MAX, SESSION_PREFIX, hashToken, newToken, tokenKind } from './tokens.js';

export interface Authentication {
  principal: Principal | null;
  sessionId: string | null;
  error: AppError | null;
}

/** No one in particular; with `error`, a token was sent and refused. */
export const anonymous = (error: AppError | null = null): Authentication => ({ principal: null, sessionId: null, error });
const unauthenticated = (message: string) => anonymous(new AppError('UNAUTHENTICATED', message));

/** A login's "last used" is written when it is older than this, not on every request. */
const LAST_USED_PRECISION_MS = 5 * 60_000;
/** The user agent kept with a login: enough to tell a browser from a phone. */
const USER_AGENT_MAX = 300;

/** Logging in and out, and who a bearer token stands for. */
export class AuthService {
  constructor(
    private readonly config: Config,
    private readonly credentials: Credentials,
  ) {}

  /** Reads `Authorization: Bearer …`; never throws, so public operations work with a bad token. */
  async authenticate(em: EntityManager, authorization: string | undefined): Promise<Authentication> {
    if (!authorization) return anonymous();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1]!;
    const kind = tokenKind(token);
    if (!kind) return unauthenticated('The token is malformed.');
    return kind === 'session' ? this.authenticateSession(em, token) : this.authenticateApiKey(em, token);
  }

  /** One statement per request: the session, its user and the user's organisation. */
  private async authenticateSession(em: EntityManager, token: string): Promise<Authentication> {
    const [session] = await em.getConnection().execute(
      `select s.id, s.revoked_at, s.expires_at, s.last_used_at, u.id as user_id, u.active, u.role, u.must_change_password,
              o.id as organization_id, o.type
         from session s join app_user u on u.id = s.user_id join organization o on o.id = u.organization_id
        where s.token_hash = ?`,
      [hashToken(token)],
    );
    if (!session) return unauthenticated('The token is not recognised.');
    if (session.revoked_at) return unauthenticated('This login has ended; log in again.');
    if (new Date(session.expires_at).getTime() <= Date.now()) {
      return anonymous(new AppError('TOKEN_EXPIRED', 'The login token has expired; log in again.'));
    }
    if (!session.active) return unauthenticated('This account is disabled.');
    if (!session.last_used_at || Date.now() - new Date(session.last_used_at).getTime() > LAST_USED_PRECISION_MS) {
      await em.getConnection().execute('update session set last_used_at = now() where id = ?', [session.id]);
    }
    return {
      principal: {
        kind: 'user',
        id: session.user_id,
        organizationId: session.organization_id,
        organizationType: session.type,
        role: session.role,
        mustChangePassword: session.must_change_password,
      },
      sessionId: session.id,
      error: null,
    };
  }

  private async authenticateApiKey(em: EntityManager, token: string): Promise<Authentication> {
    const key = await em.findOne(ApiKey, { secretHash: hashToken(token) }, { populate: ['organization'] });
    if (!key) return unauthenticated('The API key is not recognised.');
    if (key.revokedAt) return unauthenticated('This API key has been revoked.');
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      return anonymous(
        new AppError('TOKEN_EXPIRED', `This API key expired at ${key.expiresAt.toISOString()}; ask an administrator of your organisation for a new one.`),
      );
    }
    await em.getConnection().execute('update api_key set last_used_at = now() where id = ?', [key.id]);
    return {
      principal: {
        kind: 'apiKey',
        id: key.id,
        organizationId: key.organization.id,
        organizationType: key.organization.type,
        role: 'OPERATOR',
      },
      sessionId: null,
      error: null,
    };
  }

  /**
   * A new login token. Throttled per email and per address (see LoginThrottle); a disabled
   * account and a used or expired temporary password are named only to whoever knows the password.
   */
  async login(ctx: Context, emailInput: string, password: string) {
    const email = check.email(emailInput);
    if (!password) throw badInput('password must not be empty', 'password');
    if (password.length > PASSWORD_MAX) throw badInput(`password is longer than ${PASSWORD_MAX} characters`, 'password');
    const user = await ctx.em.findOne(User, { email });
    if (!(await this.credentials.check(ctx, email, user, password)) || !user) {
      throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    if (!user.active) {
      throw new AppError('INVALID_CREDENTIALS', 'This account is disabled; ask an administrator of your organisation.', {
        reason: 'ACCOUNT_DISABLED',
      });
    }
    const now = new Date();
    if (user.mustChangePassword) {
      if (!user.temporaryPasswordExpiresAt || user.temporaryPasswordExpiresAt <= now) {
        throw new AppError('INVALID_CREDENTIALS', 'This temporary password has been used or has expired; ask an administrator for a new one.', {
          reason: 'TEMPORARY_PASSWORD_USED',
        });
      }
      // A temporary password logs in once: this login is the one that must change it.
      user.temporaryPasswordExpiresAt = now;
    }
    const token = newToken(SESSION_PREFIX);
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000);
    ctx.em.create(Session, {
      user,
      tokenHash: hashToken(token),
      expiresAt,
      createdAt: now,
      revokedAt: null,
      lastUsedAt: now,
      ip: plainAddress(ctx.request.ip) ?? (ctx.request.ip || null),
      userAgent: ctx.request.userAgent.slice(0, USER_AGENT_MAX) || null,
    });
    await ctx.em.flush();
    return { token, user, expiresAt, mustChangePassword: user.mustChangePassword };
  }

  async logout(ctx: Context): Promise<boolean> {
    requirePrincipal(ctx, { duringPasswordChange: true });
    if (!ctx.sessionId) return false;
    await ctx.em.nativeUpdate(Session, { id: ctx.sessionId, revokedAt: null }, { revokedAt: new Date() });
    return true;
  }

  async me(ctx: Context): Promise<User | null> {
    const principal = requirePrincipal(ctx, { duringPasswordChange: true });
    if (principal.kind !== 'user') return null;
    return ctx.em.findOne(User, principal.id);
  }

  async userById(ctx: Context, id: string): Promise<UserObject | null> {
    const user = await ctx.em.findOne(User, id);
    return user && toUserObject(user);
  }
}
