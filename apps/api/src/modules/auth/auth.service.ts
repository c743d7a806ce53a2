import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import { REGULATOR_ONLY_ROLES, requirePrincipal, type Principal, type Role } from '../../shared/auth.js';
import { AppError, badInput, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { Organization } from '../organizations/organization.entity.js';
import { ApiKey, Session, User } from './auth.entity.js';
import { toUserObject, type UserObject } from './auth.types.js';
import {
  API_KEY_PREFIX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  SESSION_PREFIX,
  dummyPasswordHash,
  hashPassword,
  hashToken,
  newToken,
  tokenKind,
  verifyPassword,
} from './tokens.js';

export interface Authentication {
  principal: Principal | null;
  sessionId: string | null;
  error: AppError | null;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId?: string | null;
}

const anonymous = (error: AppError | null = null): Authentication => ({ principal: null, sessionId: null, error });
const unauthenticated = (message: string) => anonymous(new AppError('UNAUTHENTICATED', message));

export class AuthService {
  constructor(private readonly config: Config) {}

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
      `select s.id, s.revoked_at, s.expires_at, u.id as user_id, u.active, u.role, o.id as organization_id, o.type
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
    return {
      principal: {
        kind: 'user',
        id: session.user_id,
        organizationId: session.organization_id,
        organizationType: session.type,
        role: session.role,
      },
      sessionId: session.id,
      error: null,
    };
  }

  private async authenticateApiKey(em: EntityManager, token: string): Promise<Authentication> {
    const key = await em.findOne(ApiKey, { secretHash: hashToken(token) }, { populate: ['organization'] });
    if (!key) return unauthenticated('The API key is not recognised.');
    if (key.revokedAt) return unauthenticated('This API key has been revoked.');
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

  async login(ctx: Context, emailInput: string, password: string) {
    const email = check.email(emailInput);
    if (!password) throw badInput('password must not be empty', 'password');
    if (password.length > PASSWORD_MAX) throw badInput(`password is longer than ${PASSWORD_MAX} characters`, 'password');
    const user = await ctx.em.findOne(User, { email });
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    if (!user || !ok || !user.active) {
      throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    const token = newToken(SESSION_PREFIX);
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3_600_000);
    ctx.em.create(Session, { user, tokenHash: hashToken(token), expiresAt, createdAt: new Date(), revokedAt: null });
    await ctx.em.flush();
    return { token, user, expiresAt };
  }

  async logout(ctx: Context): Promise<boolean> {
    requirePrincipal(ctx);
    if (!ctx.sessionId) return false;
    await ctx.em.nativeUpdate(Session, { id: ctx.sessionId, revokedAt: null }, { revokedAt: new Date() });
    return true;
  }

  async me(ctx: Context): Promise<User | null> {
    const principal = requirePrincipal(ctx);
    if (principal.kind !== 'user') return null;
    return ctx.em.findOne(User, principal.id);
  }

  async userById(ctx: Context, id: string): Promise<UserObject | null> {
    const user = await ctx.em.findOne(User, id);
    return user && toUserObject(user);
  }

  /** The organisation an admin acts on: BPOM admins name any, others only their own. */
  private async targetOrganization(ctx: Context, organizationId: string | null | undefined): Promise<Organization> {
    const principal = requirePrincipal(ctx);
    const id = organizationId ? check.uuid(organizationId, "organizationId") : principal.organizationId;
    const isBpomAdmin = principal.organizationType === 'REGULATOR' && principal.role === 'ADMIN';
    if (id !== principal.organizationId && !isBpomAdmin) {
      throw forbidden('Only BPOM administrators manage other organisations.');
    }
    const organization = await ctx.em.findOne(Organization, id);
    if (!organization) throw notFound(`No organisation with id ${id}`);
    return organization;
  }

  async createUser(ctx: Context, input: NewUser): Promise<User> {
    const organization = await this.targetOrganization(ctx, input.organizationId);
    const email = check.email(input.email);
    const name = check.requiredText(input.name, 'name');
    if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
      throw badInput(`password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, 'password');
    }
    if (REGULATOR_ONLY_ROLES.includes(input.role) && organization.type !== 'REGULATOR') {
      throw badInput(`role ${input.role} exists only at BPOM`, 'role');
    }
    if (await ctx.em.count(User, { email })) throw new AppError('CONFLICT', `A user with email ${email} already exists`);
    const user = ctx.em.create(User, {
      organization,
      email,
      name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      active: true,
      createdAt: new Date(),
    });
    await ctx.em.flush();
    return user;
  }

  async users(ctx: Context, organizationId: string | null | undefined): Promise<User[]> {
    const organization = await this.targetOrganization(ctx, organizationId);
    return ctx.em.find(User, { organization }, { orderBy: { email: 'asc' } });
  }

  async createApiKey(ctx: Context, nameInput: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const principal = requirePrincipal(ctx);
    const name = check.requiredText(nameInput, 'name', 100);
    const secret = newToken(API_KEY_PREFIX);
    const apiKey = ctx.em.create(ApiKey, {
      organization: principal.organizationId,
      name,
      prefix: secret.slice(0, 10),
      secretHash: hashToken(secret),
      createdBy: principal.kind === 'user' ? principal.id : null,
      createdAt: new Date(),
      revokedAt: null,
      lastUsedAt: null,
    });
    await ctx.em.flush();
    return { apiKey, secret };
  }

  async apiKeys(ctx: Context): Promise<ApiKey[]> {
    const principal = requirePrincipal(ctx);
    return ctx.em.find(ApiKey, { organization: principal.organizationId }, { orderBy: { createdAt: 'desc' } });
  }

  async revokeApiKey(ctx: Context, id: string): Promise<ApiKey> {
    const principal = requirePrincipal(ctx);
    const apiKey = await ctx.em.findOne(ApiKey, { id: check.uuid(id, 'id'), organization: principal.organizationId });
    if (!apiKey) throw notFound(`No API key with id ${id} in your organisation`);
    apiKey.revokedAt ??= new Date();
    await ctx.em.flush();
    return apiKey;
  }
}
