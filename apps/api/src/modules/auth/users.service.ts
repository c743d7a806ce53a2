import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { REGULATOR_ONLY_ROLES, isBpomAdmin, requirePrincipal, type Principal, type Role } from '../../shared/auth.js';
import { AppError, badInput, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { AuditLog } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { Session, User } from './auth.entity.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword, newTemporaryPassword } from './tokens.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId?: string | null;
}

/** How long a temporary password from a reset may wait for its one login. */
export const TEMPORARY_PASSWORD_HOURS = 72;

/** Ends a user's live logins (all, or all but `keep`); answers how many ended. */
export async function endSessions(em: EntityManager, userId: string, at: Date, keep: string | null = null): Promise<number> {
  return em.nativeUpdate(
    Session,
    { user: userId, revokedAt: null, expiresAt: { $gt: at }, ...(keep ? { id: { $ne: keep } } : {}) },
    { revokedAt: at },
  );
}

/** Administrators' work on accounts: add, list, disable, enable, reset a password. Each change is audited. */
export class UserService {
  constructor(private readonly audit: AuditLog) {}

  /** The organisation an admin acts on: BPOM admins name any, others only their own. */
  private async targetOrganization(ctx: Context, organizationId: string | null | undefined): Promise<Organization> {
    const principal = requirePrincipal(ctx);
    const id = organizationId ? check.uuid(organizationId, 'organizationId') : principal.organizationId;
    if (id !== principal.organizationId && !isBpomAdmin(principal)) {
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
    checkNewPassword(input.password, { email, name }, 'password');
    if (REGULATOR_ONLY_ROLES.includes(input.role) && organization.type !== 'REGULATOR') {
      throw badInput(`role ${input.role} exists only at BPOM`, 'role');
    }
    if (await ctx.em.count(User, { email })) throw new AppError('CONFLICT', `A user with email ${email} already exists`);
    const passwordHash = await hashPassword(input.password);
    return ctx.em.transactional(async (tx) => {
      const user = tx.create(User, { organization, email, name, role: input.role, passwordHash, active: true, createdAt: new Date() });
      this.audit.record(tx, ctx, { action: 'USER_CREATED', organizationId: organization.id, targetType: 'USER', targetId: user.id, targetLabel: email });
      return user;
    });
  }

  async users(ctx: Context, organizationId: string | null | undefined): Promise<User[]> {
    const organization = await this.targetOrganization(ctx, organizationId);
    return ctx.em.find(User, { organization }, { orderBy: { email: 'asc' } });
  }

  /** The account can no longer log in, and every login it has ends now. */
  async disableUser(ctx: Context, id: string): Promise<User> {
    return this.change(ctx, id, 'You cannot disable your own account; another administrator can.', async (tx, user, now) => {
      if (!user.active) return;
      user.active = false;
      user.disabledAt = now;
      const sessionsEnded = await endSessions(tx, user.id, now);
      this.audit.record(tx, ctx, { ...about(user), action: 'USER_DISABLED', detail: { sessionsEnded } });
    });
  }

  async enableUser(ctx: Context, id: string): Promise<User> {
    return this.change(ctx, id, 'You cannot enable your own account.', async (tx, user) => {
      if (user.active) return;
      user.active = true;
      user.disabledAt = null;
      this.audit.record(tx, ctx, { ...about(user), action: 'USER_ENABLED' });
    });
  }

  /**
   * A temporary password, answered this once: it logs in once within TEMPORARY_PASSWORD_HOURS,
   * and that login can do nothing but change it. Every login the user has ends now.
   */
  async resetPassword(ctx: Context, id: string): Promise<{ user: User; temporaryPassword: string; expiresAt: Date }> {
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    let expiresAt = new Date();
    const user = await this.change(ctx, id, 'You cannot reset your own password; change it on your account page (changePassword).', async (tx, user, now) => {
      expiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_HOURS * 3_600_000);
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      user.temporaryPasswordExpiresAt = expiresAt;
      user.passwordChangedAt = now;
      const sessionsEnded = await endSessions(tx, user.id, now);
      this.audit.record(tx, ctx, { ...about(user), action: 'PASSWORD_RESET', detail: { sessionsEnded } });
    });
    return { user, temporaryPassword, expiresAt };
  }

  /**
   * Loads a user the caller administers, locked, applies `work` and commits, in one transaction;
   * the caller's own account is refused with `selfRefusal`.
   */
  private async change(
    ctx: Context,
    idInput: string,
    selfRefusal: string,
    work: (tx: EntityManager, user: User, now: Date) => Promise<void>,
  ): Promise<User> {
    const principal = requirePrincipal(ctx);
    const id = check.uuid(idInput, 'id');
    if (principal.kind === 'user' && id === principal.id) throw badInput(selfRefusal, 'id');
    return ctx.em.transactional(async (tx) => {
      const user = await this.administered(tx, principal, id);
      await work(tx, user, new Date());
      return user;
    });
  }

  private async administered(em: EntityManager, principal: Principal, id: string): Promise<User> {
    const user = await em.findOne(User, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user || (!isBpomAdmin(principal) && user.organization.id !== principal.organizationId)) {
      throw notFound(isBpomAdmin(principal) ? `No user with id ${id}` : `No user with id ${id} in your organisation`);
    }
    return user;
  }
}

/** The audit fields every event about `user` shares. */
const about = (user: User) => ({ organizationId: user.organization.id, targetType: 'USER' as const, targetId: user.id, targetLabel: user.email });
