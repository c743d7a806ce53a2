import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { Pool } from 'pg';
import type { Queryable } from '../packs/pack-rows.js';
import type { Mailer } from './mailer.js';
import type { NotificationKindName, NotificationList, NotificationObject } from './notification.types.js';

/** What a notification says, beside its kind: shown by the screens in the reader's language. */
export interface NotificationParams {
  shipmentId?: string;
  shipmentNumber?: string;
  counterparty?: string;
  recallId?: string;
  nie?: string;
  productName?: string;
  batch?: string;
  units?: number;
}

export interface NewNotification {
  organizationId: string;
  facilityId?: string | null;
  kind: NotificationKindName;
  params: NotificationParams;
}

const LIST_LIMIT = 200;

export class NotificationService {
  constructor(
    private readonly pool: Pool,
    private readonly mailer: Mailer | null,
  ) {}

  /**
   * Writes notifications in the caller's transaction, set-based; returns them for `email`, which
   * the caller sends once the transaction has committed.
   */
  async notify(db: Queryable, notifications: NewNotification[]): Promise<NewNotification[]> {
    if (notifications.length === 0) return [];
    await db.query(
      `insert into notification (id, organization_id, facility_id, kind, params)
       select gen_random_uuid(), t.organization_id, t.facility_id, t.kind, t.params
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) as t(organization_id, facility_id, kind, params)`,
      [
        notifications.map((n) => n.organizationId),
        notifications.map((n) => n.facilityId ?? null),
        notifications.map((n) => n.kind),
        notifications.map((n) => JSON.stringify(n.params)),
      ],
    );
    return notifications;
  }

  /** E-mails the notifications to the active users of their organisations, when SMTP is set up. Never throws. */
  async email(notifications: NewNotification[]): Promise<void> {
    if (!this.mailer || notifications.length === 0) return;
    await this.mailer.sendAll(this.pool, notifications);
  }

  async list(ctx: Context, unreadOnly = false, first = 50): Promise<NotificationList> {
    const principal = requirePrincipal(ctx);
    if (!Number.isInteger(first) || first < 1 || first > LIST_LIMIT) throw badInput(`first must be 1 to ${LIST_LIMIT}`, 'first');
    const reader = principal.kind === 'user' ? principal.id : null;
    const { rows } = await ctx.pool.query(
      `select n.id, n.kind, n.created_at as "createdAt", n.params, n.facility_id as "facilityId", f.name as "facilityName",
              r.read_at is not null as read, count(*) filter (where r.read_at is null) over () as unread
         from notification n
         left join facility f on f.id = n.facility_id
         left join notification_read r on r.notification_id = n.id and r.user_id = $2
        where n.organization_id = $1
        order by n.created_at desc, n.id
        limit $3`,
      [principal.organizationId, reader, LIST_LIMIT],
    );
    const items = rows.filter((row) => !unreadOnly || !row.read).slice(0, first).map(toObject);
    return { unread: Number(rows[0]?.unread ?? 0), items };
  }

  /** Marks the caller's notifications read: the ones named, or all of them. */
  async markRead(ctx: Context, ids: string[] | null | undefined): Promise<number> {
    const principal = requirePrincipal(ctx);
    if (principal.kind !== 'user') throw badInput('API keys have no notifications to read', 'ids');
    const checked = ids?.map((id) => check.uuid(id, 'ids')) ?? null;
    const { rowCount } = await ctx.pool.query(
      `insert into notification_read (notification_id, user_id)
       select n.id, $2 from notification n
        where n.organization_id = $1 and ($3::uuid[] is null or n.id = any($3::uuid[]))
       on conflict do nothing`,
      [principal.organizationId, principal.id, checked],
    );
    return rowCount ?? 0;
  }
}

function toObject(row: Record<string, any>): NotificationObject {
  const params = row.params as NotificationParams;
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt,
    read: row.read,
    facilityId: row.facilityId,
    facilityName: row.facilityName,
    shipmentId: params.shipmentId ?? null,
    shipmentNumber: params.shipmentNumber ?? null,
    counterparty: params.counterparty ?? null,
    recallId: params.recallId ?? null,
    nie: params.nie ?? null,
    productName: params.productName ?? null,
    batch: params.batch ?? null,
    units: params.units ?? null,
  };
}
