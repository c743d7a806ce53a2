import type { Context } from '../../context.js';
import { requirePrincipal, type Principal, type PrincipalOptions } from '../../shared/auth.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { AuditLog } from '../audit/audit.service.js';
import { Session, User } from './auth.entity.js';
import type { Credentials } from './credentials.js';
import { checkNewPassword, passwordRefused } from './password-policy.js';
import { PASSWORD_MAX, hashPassword, verifyPassword } from './tokens.js';
import { endSessions } from './users.service.js';

/** A logged-in user's own account: the password and the logins. */
export class AccountService {
  constructor(
    private readonly credentials: Credentials,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Sets a new password after checking the current one (under the login throttle). A login made
   * with a temporary password is proof enough and need not repeat it. Every other login of the
   * user ends; this one stays.
   */
  async changePassword(ctx: Context, currentPassword: string | null | undefined, newPassword: string): Promise<{ user: User; sessionsEnded: number }> {
    const principal = requireUser(ctx, { duringPasswordChange: true });
    const user = await ctx.em.findOneOrFail(User, principal.id);
    if (!principal.mustChangePassword) {
      if (!currentPassword) throw badInput('currentPassword must not be empty', 'currentPassword');
      if (currentPassword.length > PASSWORD_MAX) throw badInput(`currentPassword is longer than ${PASSWORD_MAX} characters`, 'currentPassword');
      if (!(await this.credentials.check(ctx, user.email, user, currentPassword))) {
        throw passwordRefused('currentPassword', 'WRONG_PASSWORD', 'currentPassword is not your current password');
      }
      if (newPassword === currentPassword) throw sameAsCurrent();
    } else if (newPassword.length <= PASSWORD_MAX && (await verifyPassword(user.passwordHash, newPassword))) {
      throw sameAsCurrent();
    }
    checkNewPassword(newPassword, user, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    return ctx.em.transactional(async (tx) => {
      const now = new Date();
      const current = await tx.findOneOrFail(User, user.id);
      current.passwordHash = passwordHash;
      current.mustChangePassword = false;
      current.temporaryPasswordExpiresAt = null;
      current.passwordChangedAt = now;
      const sessionsEnded = await endSessions(tx, current.id, now, ctx.sessionId);
      this.audit.record(tx, ctx, {
        action: 'PASSWORD_CHANGED',
        organizationId: current.organization.id,
        targetType: 'USER',
        targetId: current.id,
        targetLabel: current.email,
        detail: { sessionsEnded },
      });
      return { user: current, sessionsEnded };
    });
  }

  /** The caller's live logins, newest first. */
  async mySessions(ctx: Context): Promise<Session[]> {
    const principal = requireUser(ctx);
    return ctx.em.find(
      Session,
      { user: principal.id, revokedAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc', id: 'asc' } },
    );
  }

  /** Ends one of the caller's own logins (the current one too: that is logging out). */
  async endSession(ctx: Context, idInput: string): Promise<boolean> {
    const principal = requireUser(ctx);
    const id = check.uuid(idInput, 'id');
    return ctx.em.transactional(async (tx) => {
      const now = new Date();
      const ended = await tx.nativeUpdate(Session, { id, user: principal.id, revokedAt: null, expiresAt: { $gt: now } }, { revokedAt: now });
      if (!ended) throw notFound(`No live login with id ${id} of yours`);
      this.recordEnded(tx, ctx, principal, ended);
      return true;
    });
  }

  /** Ends every login of the caller but the current one; answers how many ended. */
  async endOtherSessions(ctx: Context): Promise<number> {
    const principal = requireUser(ctx);
    return ctx.em.transactional(async (tx) => {
      const ended = await endSessions(tx, principal.id, new Date(), ctx.sessionId);
      if (ended) this.recordEnded(tx, ctx, principal, ended);
      return ended;
    });
  }

  private recordEnded(tx: Context['em'], ctx: Context, principal: Principal, sessionsEnded: number) {
    this.audit.record(tx, ctx, {
      action: 'SESSIONS_ENDED',
      organizationId: principal.organizationId,
      targetType: 'USER',
      targetId: principal.id,
      detail: { sessionsEnded },
    });
  }
}

const sameAsCurrent = () => passwordRefused('newPassword', 'SAME_AS_CURRENT', 'newPassword is the same as the current password');

/** A logged-in user: an API key has no password and no logins. */
function requireUser(ctx: Context, options: PrincipalOptions = {}): Principal {
  const principal = requirePrincipal(ctx, options);
  if (principal.kind !== 'user') throw forbidden('An API key has no password or logins; log in as a user to do this.');
  return principal;
}
