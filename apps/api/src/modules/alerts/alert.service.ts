import { parse } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { FacilityRef, Movement } from '../lifecycle/guards.js';
import type { Queryable } from '../packs/pack-rows.js';
import type { Refused } from '../packs/resolve.js';
import { severityOf } from './severity.js';
import type { AlertCommentObject, AlertObject, AlertResolutionName, AlertStatusName } from './alert.types.js';

export interface Evidence {
  at: string;
  kind: 'VERIFICATION' | 'MOVEMENT' | 'COMPLAINT' | 'LEDGER';
  detail: string;
  /** The code seen, where an alert groups several. */
  code?: string;
  latitude?: number | null;
  longitude?: number | null;
  facility?: string | null;
}

export interface NewAlert {
  reason: string;
  code: string;
  /** What alerts of the same reason are gathered by while open; by default the code. */
  groupKey?: string;
  packId?: string | null;
  productId?: string | null;
  evidence: Evidence;
}

const EVIDENCE_KEPT = 20;

/** The form alerts are keyed by: bracketed where the code can be read, else as sent. */
export const alertCode = (code: string) => parse(code).bracketed ?? code.trim().slice(0, 200);

const ALERT_VIEW = `
  select a.id, a.reason, a.status, a.resolution, a.code, a.occurrences, a.first_seen_at as "firstSeenAt",
         a.last_seen_at as "lastSeenAt", a.evidence, a.assignee_id as "assigneeId", pr.nie, pr.name as "productName"
    from alert a left join product pr on pr.id = a.product_id`;

export class AlertService {
  /** Opens an alert, or adds the evidence to the open one of the same code and reason. */
  async raise(db: Queryable, alert: NewAlert): Promise<void> {
    await this.raiseAll(db, [alert]);
  }

  /**
   * Opens alerts, or adds to the open ones of the same code and reason, in one statement: alerts
   * about the same code and reason are merged first, so one statement never touches a row twice.
   */
  async raiseAll(db: Queryable, alerts: NewAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    const merged = new Map<string, { alert: NewAlert; code: string; groupKey: string; count: number; evidence: Evidence[] }>();
    for (const alert of alerts) {
      const code = alertCode(alert.code);
      const groupKey = alert.groupKey ?? code;
      const key = `${alert.reason}\u0000${groupKey}`;
      const entry = merged.get(key) ?? { alert, code, groupKey, count: 0, evidence: [] };
      entry.count++;
      if (entry.evidence.length < EVIDENCE_KEPT) entry.evidence.unshift(alert.evidence);
      merged.set(key, entry);
    }
    const entries = [...merged.values()];
    await db.query(
      `insert into alert (id, reason, code, group_key, pack_id, product_id, occurrences, evidence)
       select gen_random_uuid(), t.reason, t.code, t.group_key, t.pack_id, t.product_id, t.occurrences, t.evidence
         from unnest($1::text[], $2::text[], $7::text[], $3::bigint[], $4::uuid[], $5::int[], $6::jsonb[])
           as t(reason, code, group_key, pack_id, product_id, occurrences, evidence)
       on conflict (group_key, reason) where status <> 'CLOSED' do update
         set occurrences = alert.occurrences + excluded.occurrences,
             last_seen_at = now(),
             evidence = jsonb_path_query_array(excluded.evidence || alert.evidence, '$[0 to ${EVIDENCE_KEPT - 1}]')`,
      [
        entries.map((e) => e.alert.reason),
        entries.map((e) => e.code),
        entries.map((e) => e.alert.packId ?? null),
        entries.map((e) => e.alert.productId ?? null),
        entries.map((e) => e.count),
        entries.map((e) => JSON.stringify(e.evidence)),
        entries.map((e) => e.groupKey),
      ],
    );
  }

  /**
   * The refusals of a movement that BPOM must see, raised in the movement's own transaction:
   * receipts of goods not shipped to the receiver, and dispenses refused for a recall.
   */
  async fromMovement(db: Queryable, movement: Movement, refused: Refused[], actor: FacilityRef, at: Date) {
    const alarming = refused.filter(
      ({ rejection: r }) => (movement.kind === 'receive' && r.reason === 'NOT_SHIPPED_TO_YOU') || (movement.kind === 'dispense' && r.reason === 'RECALLED'),
    );
    await this.raiseAll(
      db,
      alarming.map(({ rejection, pack }) => ({
        reason: rejection.reason,
        code: rejection.code,
        packId: pack?.id ?? null,
        productId: pack?.productId ?? null,
        evidence: { at: at.toISOString(), kind: 'MOVEMENT', detail: rejection.message, facility: actor.name },
      })),
    );
  }

  async list(ctx: Context, status: AlertStatusName | null | undefined, first = 100): Promise<AlertObject[]> {
    const principal = requirePrincipal(ctx);
    const limit = Math.min(Math.max(first, 1), 500);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (status) conditions.push(`a.status = $${params.push(status)}`);
    if (principal.organizationType !== 'REGULATOR') conditions.push(`pr.registrant_id = $${params.push(principal.organizationId)}`);
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const { rows } = await ctx.pool.query(`${ALERT_VIEW} ${where} order by a.last_seen_at desc limit ${limit}`, params);
    return Promise.all(rows.map((row) => this.toObject(ctx, row)));
  }

  async byId(ctx: Context, id: string): Promise<AlertObject | null> {
    const principal = requirePrincipal(ctx);
    const { rows } = await ctx.pool.query(
      `${ALERT_VIEW} where a.id = $1 ${principal.organizationType === 'REGULATOR' ? '' : 'and pr.registrant_id = $2'}`,
      principal.organizationType === 'REGULATOR' ? [check.uuid(id, 'id')] : [check.uuid(id, 'id'), principal.organizationId],
    );
    return rows[0] ? this.toObject(ctx, rows[0]) : null;
  }

  private async mustFind(ctx: Context, id: string): Promise<AlertObject> {
    const alert = await this.byId(ctx, id);
    if (!alert) throw notFound(`No alert with id ${id}`);
    return alert;
  }

  /** Gives the alert to a BPOM user (by default the caller). */
  async assign(ctx: Context, id: string, userId: string | null | undefined): Promise<AlertObject> {
    const principal = requirePrincipal(ctx);
    const alert = await this.mustFind(ctx, id);
    if (alert.status === 'CLOSED') throw conflict('The alert is closed');
    const assignee = userId ? check.uuid(userId, 'userId') : principal.id;
    const { rowCount } = await ctx.pool.query(
      `update alert set assignee_id = u.id, status = 'ASSIGNED'
         from app_user u join organization o on o.id = u.organization_id
        where alert.id = $1 and u.id = $2 and o.type = 'REGULATOR'`,
      [alert.id, assignee],
    );
    if (!rowCount) throw badInput(`User ${assignee} is not a BPOM user`, 'userId');
    return this.mustFind(ctx, id);
  }

  async comment(ctx: Context, id: string, textInput: string): Promise<AlertCommentObject> {
    const principal = requirePrincipal(ctx);
    const alert = await this.mustFind(ctx, id);
    const text = check.requiredText(textInput, 'text', 4000);
    const { rows } = await ctx.pool.query(
      `insert into alert_comment (id, alert_id, user_id, text) values (gen_random_uuid(), $1, $2, $3)
       returning text, at, (select name from app_user where id = $2) as author`,
      [alert.id, principal.id, text],
    );
    return rows[0];
  }

  /** BPOM's own discussion of an alert: for BPOM only. */
  async comments(ctx: Context, alertId: string): Promise<AlertCommentObject[]> {
    if (requirePrincipal(ctx).organizationType !== 'REGULATOR') return [];
    const { rows } = await ctx.pool.query(
      `select c.text, c.at, u.name as author from alert_comment c join app_user u on u.id = c.user_id where c.alert_id = $1 order by c.at`,
      [alertId],
    );
    return rows;
  }

  /**
   * Closes an alert with BPOM's finding. For a suspected clone the finding settles the public
   * verdict: CONFIRMED_FALSIFIED makes the pack SUSPECT; a false alarm (or a diversion: the pack
   * is genuine) returns it to its normal verdict, and only checks after now count against it.
   */
  async close(ctx: Context, id: string, resolution: AlertResolutionName, comment: string | null | undefined): Promise<AlertObject> {
    const principal = requirePrincipal(ctx);
    const alert = await this.mustFind(ctx, id);
    if (alert.status === 'CLOSED') throw conflict('The alert is already closed');
    const text = comment ? check.requiredText(comment, 'comment', 4000) : null;
    await inTransaction(ctx.pool, async (client) => {
      const { rows } = await client.query(
        `update alert set status = 'CLOSED', resolution = $2, closed_at = now(), closed_by_id = $3
          where id = $1 and status <> 'CLOSED' returning reason, pack_id`,
        [alert.id, resolution, principal.id],
      );
      if (!rows[0]) throw conflict('The alert is already closed');
      if (text) await client.query(`insert into alert_comment (id, alert_id, user_id, text) values (gen_random_uuid(), $1, $2, $3)`, [alert.id, principal.id, text]);
      if (rows[0].reason === 'CLONE_SUSPECTED' && rows[0].pack_id) {
        await client.query(`update clone_suspect set status = $2, decided_at = now() where pack_id = $1`, [
          rows[0].pack_id,
          resolution === 'CONFIRMED_FALSIFIED' ? 'CONFIRMED' : 'CLEARED',
        ]);
      }
    });
    return this.mustFind(ctx, id);
  }

  /**
   * An alert as the caller may see it: BPOM sees everything; a manufacturer (alerts about its own
   * products) sees what was seen and when, but not who works the alert, nor where members of
   * the public stood.
   */
  private async toObject(ctx: Context, row: Record<string, any>): Promise<AlertObject> {
    const bpom = requirePrincipal(ctx).organizationType === 'REGULATOR';
    const assignee = bpom && row.assigneeId ? await ctx.services.auth.userById(ctx, row.assigneeId) : null;
    return {
      id: row.id,
      reason: row.reason,
      severity: severityOf(row.reason),
      status: row.status,
      resolution: row.resolution,
      code: row.code,
      occurrences: row.occurrences,
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
      product: row.nie ? { nie: row.nie, name: row.productName } : null,
      assignee,
      evidence: (row.evidence as Evidence[]).map((e) => ({
        at: new Date(e.at),
        kind: e.kind,
        detail: e.detail,
        code: e.code ?? null,
        latitude: bpom ? (e.latitude ?? null) : null,
        longitude: bpom ? (e.longitude ?? null) : null,
        facility: e.facility ?? null,
      })),
    };
  }
}
