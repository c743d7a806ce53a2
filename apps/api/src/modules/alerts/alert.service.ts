import { randomUUID } from 'node:crypto';
import { parse } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { FacilityRef, Movement } from '../lifecycle/guards.js';
import type { Queryable } from '../packs/pack-rows.js';
import type { Refused } from '../packs/resolve.js';
import { ALERT_SEVERITIES, severityOf, severitySql, type AlertSeverityName } from './severity.js';
import type { AlertBulkResult, AlertCommentObject, AlertConnection, AlertObject, AlertResolutionName, AlertStatusName } from './alert.types.js';
import { ALERT_OBSERVATIONS, legacyObservation, type AlertObservationName, type ObservationParams } from './observations.js';
import { ALERT_REASONS } from './reasons.js';

export interface Evidence {
  at: string;
  kind: 'VERIFICATION' | 'MOVEMENT' | 'COMPLAINT' | 'LEDGER';
  /** What was seen, as a code; evidence stored before codes has none. */
  what?: AlertObservationName;
  params?: ObservationParams;
  /** The same in English, for logs. */
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
  /** The facility involved: the one that moved or received. */
  facilityId?: string | null;
  evidence: Evidence;
}

/** Evidence kept on an alert that gathers sightings over time: the newest. */
const EVIDENCE_KEPT = 20;
/** Evidence kept of the one call that raises an alert: every refused code of a movement, up to this. */
const CALL_EVIDENCE_KEPT = 1000;

export interface AlertFilter {
  status?: AlertStatusName | null;
  reasons?: string[] | null;
  severity?: AlertSeverityName | null;
  facilityId?: string | null;
  productId?: string | null;
  batch?: string | null;
  /** First and last day (YYYY-MM-DD, reporting time zone) the alert was last seen on. */
  from?: string | null;
  to?: string | null;
}

const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;
/** Alerts one bulk call may change. */
export const BULK_ALERTS_MAX = 500;

/** The form alerts are keyed by: bracketed where the code can be read, else as sent. */
export const alertCode = (code: string) => parse(code).bracketed ?? code.trim().slice(0, 200);

const ALERT_VIEW = `
  select a.id, a.reason, a.status, a.resolution, a.code, a.occurrences, a.first_seen_at as "firstSeenAt",
         a.last_seen_at as "lastSeenAt", a.last_seen_at::text as "cursorAt", a.evidence, a.assignee_id as "assigneeId",
         pr.nie, pr.name as "productName", b.lot as batch, f.id as "facilityId", f.name as "facilityName"
    from alert a left join product pr on pr.id = a.product_id
         left join batch b on b.id = a.batch_id
         left join facility f on f.id = a.facility_id`;

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
    // Oldest first in, newest first kept: the code the alert is named by is the first seen.
    for (const alert of alerts) {
      const code = alertCode(alert.code);
      const groupKey = alert.groupKey ?? code;
      const key = `${alert.reason}\u0000${groupKey}`;
      const entry = merged.get(key) ?? { alert, code, groupKey, count: 0, evidence: [] };
      entry.count++;
      if (entry.evidence.length < CALL_EVIDENCE_KEPT) entry.evidence.unshift(alert.evidence);
      merged.set(key, entry);
    }
    const entries = [...merged.values()];
    await db.query(
      `insert into alert (id, reason, code, group_key, pack_id, product_id, batch_id, facility_id, occurrences, evidence)
       select gen_random_uuid(), t.reason, t.code, t.group_key, t.pack_id, t.product_id,
              (select p.batch_id from pack p where p.id = t.pack_id), t.facility_id, t.occurrences, t.evidence
         from unnest($1::text[], $2::text[], $7::text[], $3::bigint[], $4::uuid[], $5::int[], $6::jsonb[], $8::uuid[])
           as t(reason, code, group_key, pack_id, product_id, occurrences, evidence, facility_id)
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
        entries.map((e) => e.alert.facilityId ?? null),
      ],
    );
  }

  /**
   * The refusals of a movement that BPOM must see, raised in the movement's own transaction:
   * receipts of goods not shipped to the receiver, and dispenses refused for a recall. One alert
   * per movement and reason, named by its first code, carrying every refused code as evidence.
   */
  async fromMovement(db: Queryable, movement: Movement, refused: Refused[], actor: FacilityRef, at: Date) {
    const alarming = refused.filter(
      ({ rejection: r }) => (movement.kind === 'receive' && r.reason === 'NOT_SHIPPED_TO_YOU') || (movement.kind === 'dispense' && r.reason === 'RECALLED'),
    );
    if (alarming.length === 0) return;
    const call = randomUUID();
    await this.raiseAll(
      db,
      alarming.map(({ rejection, pack }) => ({
        reason: rejection.reason,
        code: rejection.code,
        groupKey: `movement:${call}`,
        packId: pack?.id ?? null,
        productId: pack?.productId ?? null,
        facilityId: actor.id,
        evidence: {
          at: at.toISOString(),
          kind: 'MOVEMENT',
          what: movement.kind === 'receive' ? 'RECEIVED_NOT_SHIPPED' : 'DISPENSE_RECALLED',
          detail: rejection.message,
          code: alertCode(rejection.code),
          facility: actor.name,
        },
      })),
    );
  }

  /**
   * The inbox a page at a time, newest first, filtered: BPOM sees every alert, a manufacturer
   * those about its own products.
   */
  async page(ctx: Context, filter: AlertFilter, firstInput: number | null | undefined, after: string | null | undefined): Promise<AlertConnection> {
    const first = firstInput ?? PAGE_DEFAULT;
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) throw badInput(`first must be 1 to ${PAGE_MAX}, got ${first}`, 'first');
    const { conditions, params } = this.conditions(ctx, filter);
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const cursorConditions = [...conditions];
    const cursorParams = [...params];
    if (after) {
      const [at, id] = decodeCursor(after);
      cursorConditions.push(`(a.last_seen_at, a.id) < ($${cursorParams.push(at)}::timestamptz, $${cursorParams.push(id)}::uuid)`);
    }
    const [{ rows }, count] = await Promise.all([
      ctx.pool.query(
        `${ALERT_VIEW} ${cursorConditions.length ? `where ${cursorConditions.join(' and ')}` : ''}
          order by a.last_seen_at desc, a.id desc limit $${cursorParams.push(first + 1)}`,
        cursorParams,
      ),
      ctx.pool.query(`select count(*)::int as n from alert a left join product pr on pr.id = a.product_id ${where}`, params),
    ]);
    const page = rows.slice(0, first);
    const nodes = await Promise.all(page.map((row) => this.toObject(ctx, row)));
    return {
      edges: nodes.map((node, index) => ({ node, cursor: encodeCursor(page[index]!.cursorAt, node.id) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page.at(-1)!.cursorAt, page.at(-1)!.id) : null },
      totalCount: count.rows[0].n,
    };
  }

  /** The filter as SQL on `alert a` joined to `product pr`, within what the caller may see. */
  private conditions(ctx: Context, filter: AlertFilter): { conditions: string[]; params: unknown[] } {
    const principal = requirePrincipal(ctx);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (principal.organizationType !== 'REGULATOR') conditions.push(`pr.registrant_id = $${params.push(principal.organizationId)}`);
    if (filter.status) conditions.push(`a.status = $${params.push(filter.status)}`);
    if (filter.reasons?.length) {
      const unknown = filter.reasons.filter((reason) => !(ALERT_REASONS as readonly string[]).includes(reason));
      if (unknown.length) throw badInput(`reasons: ${unknown.join(', ')} is not an alert reason (${ALERT_REASONS.join(', ')})`, 'reasons');
      conditions.push(`a.reason = any($${params.push(filter.reasons)}::text[])`);
    }
    if (filter.severity) {
      if (!ALERT_SEVERITIES.includes(filter.severity)) throw badInput(`severity ${filter.severity} is not one of ${ALERT_SEVERITIES.join(', ')}`, 'severity');
      conditions.push(`${severitySql('a')} = $${params.push(filter.severity)}`);
    }
    if (filter.facilityId) conditions.push(`a.facility_id = $${params.push(check.uuid(filter.facilityId, 'facilityId'))}`);
    if (filter.productId) conditions.push(`a.product_id = $${params.push(check.uuid(filter.productId, 'productId'))}`);
    if (filter.batch) {
      const batch = check.requiredText(filter.batch, 'batch', 20);
      conditions.push(`a.batch_id in (select id from batch where lot = $${params.push(batch)})`);
    }
    const from = filter.from ? check.isoDate(filter.from, 'from') : null;
    const to = filter.to ? check.isoDate(filter.to, 'to') : null;
    if (from && to && from > to) throw badInput(`from ${from} is after to ${to}`, 'from');
    const zone = ctx.services.clock.timeZone;
    if (from) conditions.push(`a.last_seen_at >= ($${params.push(from)}::date)::timestamp at time zone $${params.push(zone)}`);
    if (to) conditions.push(`a.last_seen_at < ($${params.push(to)}::date + 1)::timestamp at time zone $${params.push(zone)}`);
    return { conditions, params };
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
   * Gives many alerts to one BPOM user (by default the caller) at once. Alerts the caller cannot
   * see, or closed ones, are left as they are and named in `skipped`.
   */
  async assignMany(ctx: Context, idsInput: string[], userId: string | null | undefined): Promise<AlertBulkResult> {
    const principal = requirePrincipal(ctx);
    const ids = bulkIds(idsInput);
    const assignee = userId ? check.uuid(userId, 'userId') : principal.id;
    const { changed, skipped } = await inTransaction(ctx.pool, async (client) => {
      const { rows: users } = await client.query(
        `select 1 from app_user u join organization o on o.id = u.organization_id where u.id = $1 and o.type = 'REGULATOR'`,
        [assignee],
      );
      if (!users[0]) throw badInput(`User ${assignee} is not a BPOM user`, 'userId');
      const { open, skipped } = await this.lockVisible(ctx, client, ids);
      await client.query(`update alert set assignee_id = $2, status = 'ASSIGNED' where id = any($1::uuid[])`, [open, assignee]);
      return { changed: open, skipped };
    });
    return { updated: await this.byIds(ctx, changed), skipped };
  }

  /**
   * Closes many alerts with one finding (and one comment on each), in one transaction; a
   * suspected clone among them is settled as `close` settles it.
   */
  async closeMany(ctx: Context, idsInput: string[], resolution: AlertResolutionName, comment: string | null | undefined): Promise<AlertBulkResult> {
    const principal = requirePrincipal(ctx);
    const ids = bulkIds(idsInput);
    const text = comment ? check.requiredText(comment, 'comment', 4000) : null;
    const { changed, skipped } = await inTransaction(ctx.pool, async (client) => {
      const { open, skipped } = await this.lockVisible(ctx, client, ids);
      const { rows } = await client.query(
        `update alert set status = 'CLOSED', resolution = $2, closed_at = now(), closed_by_id = $3
          where id = any($1::uuid[]) returning id, reason, pack_id`,
        [open, resolution, principal.id],
      );
      if (text && open.length) {
        await client.query(
          `insert into alert_comment (id, alert_id, user_id, text) select gen_random_uuid(), id, $2, $3 from unnest($1::uuid[]) as id`,
          [open, principal.id, text],
        );
      }
      const clones = rows.filter((row) => row.reason === 'CLONE_SUSPECTED' && row.pack_id).map((row) => row.pack_id);
      if (clones.length) {
        await client.query(`update clone_suspect set status = $2, decided_at = now() where pack_id = any($1::bigint[])`, [
          clones,
          resolution === 'CONFIRMED_FALSIFIED' ? 'CONFIRMED' : 'CLEARED',
        ]);
      }
      return { changed: open, skipped };
    });
    return { updated: await this.byIds(ctx, changed), skipped };
  }

  /** Locks the named alerts the caller may see; splits them into open ones and those skipped, and why. */
  private async lockVisible(ctx: Context, client: Queryable, ids: string[]) {
    const { conditions, params } = this.conditions(ctx, {});
    conditions.push(`a.id = any($${params.push(ids)}::uuid[])`);
    const { rows } = await client.query(
      `select a.id, a.status from alert a left join product pr on pr.id = a.product_id where ${conditions.join(' and ')} for update of a`,
      params,
    );
    const status = new Map<string, string>(rows.map((row: { id: string; status: string }) => [row.id, row.status]));
    const open = ids.filter((id) => status.has(id) && status.get(id) !== 'CLOSED');
    const skipped = ids
      .filter((id) => !open.includes(id))
      .map((id) => ({ id, reason: status.has(id) ? ('CLOSED' as const) : ('NOT_FOUND' as const) }));
    return { open, skipped };
  }

  private async byIds(ctx: Context, ids: string[]): Promise<AlertObject[]> {
    if (ids.length === 0) return [];
    const { rows } = await ctx.pool.query(`${ALERT_VIEW} where a.id = any($1::uuid[]) order by a.last_seen_at desc, a.id desc`, [ids]);
    return Promise.all(rows.map((row) => this.toObject(ctx, row)));
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
      batch: row.batch ?? null,
      facility: row.facilityId ? { id: row.facilityId, name: row.facilityName } : null,
      assignee,
      evidence: (row.evidence as Evidence[]).map((e) => {
        // Evidence stored before observations had codes is read from its reason and detail.
        const known = e.what && (ALERT_OBSERVATIONS as readonly string[]).includes(e.what);
        const { what, params } = known ? { what: e.what!, params: e.params ?? {} } : legacyObservation(row.reason, e.detail, row.code);
        return {
          at: new Date(e.at),
          kind: e.kind,
          observation: what,
          params: Object.entries(params).map(([name, value]) => ({ name, value: String(value) })),
          detail: e.detail,
          code: e.code ?? null,
          latitude: bpom ? (e.latitude ?? null) : null,
          longitude: bpom ? (e.longitude ?? null) : null,
          facility: e.facility ?? null,
        };
      }),
    };
  }
}

/** The ids of a bulk call: 1 to BULK_ALERTS_MAX, each an id, each once. */
function bulkIds(ids: string[]): string[] {
  if (ids.length === 0) throw badInput('ids is empty: name at least one alert', 'ids');
  const unique = [...new Set(ids.map((id) => check.uuid(id, 'ids')))];
  if (unique.length > BULK_ALERTS_MAX) throw badInput(`ids names ${unique.length} alerts; at most ${BULK_ALERTS_MAX} at once`, 'ids');
  return unique;
}

const encodeCursor = (at: string, id: string) => Buffer.from(`alert:${at}|${id}`).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  const match = /^alert:(\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(?::\d{2})?)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`after "${cursor}" is not a cursor from this list`, 'after');
  return [match[1]!, match[2]!];
}
