import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { isBpomAdmin, requirePrincipal } from '../../shared/auth.js';
import { badInput, forbidden } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { plainAddress } from '../auth/login-throttle.js';
import { AUDIT_ACTIONS, AuditEvent, type AuditAction, type AuditDetail, type AuditTarget } from './audit.entity.js';
import type { AuditEventConnection, AuditEventObject } from './audit.types.js';

/** What a change says about itself; who made it and from where come from the request. */
export interface AuditEntry {
  action: AuditAction;
  organizationId: string | null;
  targetType: AuditTarget;
  targetId?: string | null;
  targetLabel?: string | null;
  detail?: AuditDetail;
}

export interface AuditQuery {
  first?: number | null;
  after?: string | null;
  organizationId?: string | null;
  action?: AuditAction | null;
}

const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;

/** The append-only log of changes to accounts, logins and API keys. */
export class AuditLog {
  /**
   * Adds an event to `em`'s unit of work, so that it is written by the same flush, in the same
   * transaction, as the change it records.
   */
  record(em: EntityManager, ctx: Pick<Context, 'principal' | 'request'>, entry: AuditEntry): AuditEvent {
    return em.create(AuditEvent, {
      action: entry.action,
      actorId: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
      organizationId: entry.organizationId,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel ?? null,
      ip: plainAddress(ctx.request.ip) ?? (ctx.request.ip || null),
      detail: entry.detail ?? {},
      at: new Date(),
    });
  }

  /**
   * Newest first, a page at a time: BPOM administrators read every organisation's events (or one
   * organisation's), other administrators their own organisation's.
   */
  async list(ctx: Context, query: AuditQuery): Promise<AuditEventConnection> {
    const principal = requirePrincipal(ctx);
    const first = query.first ?? PAGE_DEFAULT;
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) throw badInput(`first must be 1 to ${PAGE_MAX}, got ${first}`, 'first');
    const organizationId = query.organizationId ? check.uuid(query.organizationId, 'organizationId') : null;
    if (!isBpomAdmin(principal) && organizationId && organizationId !== principal.organizationId) {
      throw forbidden('Only BPOM administrators read the audit events of other organisations.');
    }
    if (query.action && !AUDIT_ACTIONS.includes(query.action)) throw badInput(`action ${query.action} is not an audit action`, 'action');
    const conditions: string[] = [];
    const params: unknown[] = [];
    const scope = isBpomAdmin(principal) ? organizationId : principal.organizationId;
    if (scope) conditions.push(`a.organization_id = $${params.push(scope)}`);
    if (query.action) conditions.push(`a.action = $${params.push(query.action)}`);
    if (query.after) conditions.push(`a.id < $${params.push(decodeCursor(query.after))}`);
    const { rows } = await ctx.pool.query<AuditRow>(
      `select a.id, a.at, a.action, a.actor_id, u.email as actor_email, a.organization_id, a.target_type, a.target_id,
              a.target_label, a.ip, a.detail
         from audit_event a left join app_user u on u.id = a.actor_id
        ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
        order by a.id desc
        limit $${params.push(first + 1)}`,
      params,
    );
    const page = rows.slice(0, first).map(toObject);
    return {
      edges: page.map((node) => ({ node, cursor: encodeCursor(node.id) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page.at(-1)!.id) : null },
    };
  }
}

interface AuditRow {
  id: string;
  at: Date;
  action: AuditAction;
  actor_id: string | null;
  actor_email: string | null;
  organization_id: string | null;
  target_type: AuditTarget;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  detail: AuditDetail;
}

const toObject = (row: AuditRow): AuditEventObject => ({
  id: row.id,
  at: row.at,
  action: row.action,
  actorId: row.actor_id,
  actorEmail: row.actor_email,
  organizationId: row.organization_id,
  targetType: row.target_type,
  targetId: row.target_id,
  targetLabel: row.target_label,
  address: row.ip,
  sessionsEnded: row.detail.sessionsEnded ?? null,
  expiresAt: row.detail.expiresAt ? new Date(row.detail.expiresAt) : null,
  failures: row.detail.failures ?? null,
  retryAfterSeconds: row.detail.retryAfterSeconds ?? null,
});

const encodeCursor = (id: string) => Buffer.from(`audit:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`after "${cursor}" is not a cursor from this list`, 'after');
  return match[1]!;
}
