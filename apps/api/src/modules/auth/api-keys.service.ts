import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { AuditLog } from '../audit/audit.service.js';
import { ApiKey } from './auth.entity.js';
import { API_KEY_PREFIX, hashToken, newToken } from './tokens.js';

/** The furthest an API key's expiry may lie ahead. */
export const API_KEY_MAX_DAYS = 3 * 366;

/** An organisation's keys for integrators: created (the secret shown once), listed, revoked; each change audited. */
export class ApiKeyService {
  constructor(private readonly audit: AuditLog) {}

  async createApiKey(ctx: Context, nameInput: string, expiresAtInput?: Date | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const principal = requirePrincipal(ctx);
    const name = check.requiredText(nameInput, 'name', 100);
    const expiresAt = checkExpiry(expiresAtInput ?? null, new Date());
    const secret = newToken(API_KEY_PREFIX);
    return ctx.em.transactional(async (tx) => {
      const apiKey = tx.create(ApiKey, {
        organization: principal.organizationId,
        name,
        prefix: secret.slice(0, 10),
        secretHash: hashToken(secret),
        createdBy: principal.kind === 'user' ? principal.id : null,
        createdAt: new Date(),
        revokedAt: null,
        lastUsedAt: null,
        expiresAt,
      });
      this.audit.record(tx, ctx, {
        action: 'API_KEY_CREATED',
        organizationId: principal.organizationId,
        targetType: 'API_KEY',
        targetId: apiKey.id,
        targetLabel: name,
        detail: expiresAt ? { expiresAt: expiresAt.toISOString() } : {},
      });
      return { apiKey, secret };
    });
  }

  async apiKeys(ctx: Context): Promise<ApiKey[]> {
    const principal = requirePrincipal(ctx);
    return ctx.em.find(ApiKey, { organization: principal.organizationId }, { orderBy: { createdAt: 'desc' } });
  }

  async revokeApiKey(ctx: Context, id: string): Promise<ApiKey> {
    const principal = requirePrincipal(ctx);
    return ctx.em.transactional(async (tx) => {
      const apiKey = await tx.findOne(ApiKey, { id: check.uuid(id, 'id'), organization: principal.organizationId });
      if (!apiKey) throw notFound(`No API key with id ${id} in your organisation`);
      if (!apiKey.revokedAt) {
        apiKey.revokedAt = new Date();
        this.audit.record(tx, ctx, {
          action: 'API_KEY_REVOKED',
          organizationId: principal.organizationId,
          targetType: 'API_KEY',
          targetId: apiKey.id,
          targetLabel: apiKey.name,
        });
      }
      return apiKey;
    });
  }
}

/** An expiry in the future and at most API_KEY_MAX_DAYS ahead, or none. */
function checkExpiry(expiresAt: Date | null, now: Date): Date | null {
  if (!expiresAt) return null;
  if (Number.isNaN(expiresAt.getTime())) throw badInput('expiresAt is not a date and time', 'expiresAt');
  if (expiresAt.getTime() <= now.getTime()) throw badInput(`expiresAt ${expiresAt.toISOString()} is not in the future`, 'expiresAt');
  const latest = new Date(now.getTime() + API_KEY_MAX_DAYS * 86_400_000);
  if (expiresAt > latest) {
    throw badInput(`expiresAt ${expiresAt.toISOString()} is more than 3 years ahead; the latest is ${latest.toISOString()}`, 'expiresAt');
  }
  return expiresAt;
}
