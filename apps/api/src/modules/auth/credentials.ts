import type { Context } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { logger } from '../../shared/logger.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { User } from './auth.entity.js';
import { LoginThrottle, TooManyAttempts, type Blocked } from './login-throttle.js';
import { dummyPasswordHash, verifyPassword } from './tokens.js';

/**
 * Checks a password someone types (to log in, or as the current one before changing it) under
 * the login throttle: every check counts, one after another within a request as across requests.
 */
export class Credentials {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Whether `password` is `user`'s (with `user` null, an unknown email, as slow as a known one).
   * Throws TOO_MANY_ATTEMPTS while the email or the client's address must wait, before looking at
   * the password, so the answer is the same for a right or wrong one and for a known or unknown email.
   */
  async check(ctx: Context, email: string, user: User | null, password: string): Promise<boolean> {
    let attempt;
    try {
      attempt = this.throttle.begin(LoginThrottle.keysOf(email, ctx.request.ip));
    } catch (error) {
      if (!(error instanceof TooManyAttempts)) throw error;
      throw tooManyAttempts(error.retryAfterSeconds);
    }
    let ok: boolean;
    try {
      ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    } catch (error) {
      attempt.abandoned();
      throw error;
    }
    if (ok) {
      attempt.succeeded();
      return true;
    }
    const blocked = attempt.failed();
    if (blocked.length) await this.recordThrottled(ctx, user, blocked);
    return false;
  }

  /** A LOGIN_THROTTLED event for each count that started to wait. */
  private async recordThrottled(ctx: Context, user: User | null, blocked: Blocked[]) {
    const em = ctx.em.fork();
    for (const key of blocked) {
      logger.info({ scope: key.scope, failures: key.failures, retryAfterSeconds: key.retryAfterSeconds }, 'logins throttled');
      this.audit.record(em, ctx, {
        action: 'LOGIN_THROTTLED',
        organizationId: key.scope === 'ACCOUNT' && user ? user.organization.id : null,
        targetType: key.scope,
        targetId: key.scope === 'ACCOUNT' && user ? user.id : null,
        targetLabel: key.value,
        detail: { failures: key.failures, retryAfterSeconds: key.retryAfterSeconds },
      });
    }
    await em.flush();
  }
}

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed logins for this account or from this address; try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
