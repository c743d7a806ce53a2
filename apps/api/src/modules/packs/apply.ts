import type { PoolClient } from 'pg';
import { RetryTransaction } from '../../shared/db.js';
import { MILESTONES, type Milestone } from './milestones.js';
import type { PackRow } from './pack-rows.js';
import type { FacilityRef } from './rules.js';
import { updateSummaries } from '../reports/summaries.js';
import type { EventSourceName, EventTypeName, PackStatusName } from './pack.types.js';

/** What a movement sets on every pack it changes; undefined leaves a column as it is. */
export interface Change {
  status?: PackStatusName;
  custodianId?: string | null;
  destinationId?: string | null;
  /** Record the acting facility and time as the author of the status (for undo). */
  stampStatus?: boolean;
  /** Set the parent of every changed pack (aggregation) … */
  parentId?: string | null;
  /** … or take just these packs out of their parents (they leave a case on their own). */
  detach?: string[];
  reach?: Milestone[];
  unreach?: Milestone[];
  /** Goods going out to a facility (ship, return) or coming in from their sender (receive). */
  flow?: { direction: 'out'; counterpartyId: string } | { direction: 'in' };
}

/**
 * Writes the change to all `rows` in one statement, guarded by each row's `xmin`: if any row
 * changed since it was read, the transaction is run again from a fresh read.
 */
export async function applyChange(client: PoolClient, rows: PackRow[], change: Change, actor: FacilityRef) {
  if (rows.length === 0) return;
  const params: unknown[] = [rows.map((row) => row.id), rows.map((row) => row.xmin)];
  const param = (value: unknown) => `$${params.push(value)}`;
  const sets: string[] = [];
  if (change.status !== undefined) sets.push(`status = ${param(change.status)}::pack_status`);
  if (change.custodianId !== undefined) sets.push(`custodian_id = ${param(change.custodianId)}::uuid`);
  if (change.destinationId !== undefined) sets.push(`destination_id = ${param(change.destinationId)}::uuid`);
  if (change.stampStatus) sets.push(`status_by_id = ${param(actor.id)}::uuid, status_at = now()`);
  if (change.parentId !== undefined) sets.push(`parent_id = ${param(change.parentId)}::bigint`);
  if (change.detach?.length) {
    sets.push(`parent_id = case when p.id = any(${param(change.detach)}::bigint[]) then null else p.parent_id end`);
  }
  const setBits = bits(change.reach);
  const clearBits = bits(change.unreach);
  if (setBits || clearBits) sets.push(`milestones = (p.milestones | ${param(setBits)}::smallint) & ~${param(clearBits)}::smallint`);

  const result = await client.query(
    `update pack p set ${sets.join(', ')}
       from unnest($1::bigint[], $2::xid[]) as t(id, seen)
      where p.id = t.id and p.xmin = t.seen`,
    params,
  );
  if (result.rowCount !== rows.length) {
    throw new RetryTransaction(`${rows.length - (result.rowCount ?? 0)} packs changed while being moved`);
  }
  await updateSummaries(client, rows, change, actor);
}

const bits = (milestones: Milestone[] = []) => milestones.reduce((sum, m) => sum | MILESTONES[m], 0);

export interface EventRecord {
  type: EventTypeName;
  facilityId: string;
  counterpartyId?: string | null;
  reason?: string | null;
  parentId?: string | null;
  packs: PackRow[];
}

export interface EventContext {
  userId: string | null;
  apiKeyId: string | null;
  source: EventSourceName;
  latitude: number | null;
  longitude: number | null;
  /** When it happened, if reported (CSV); else now. */
  at: Date | null;
}

/** Appends the event and one row per pack it touched, in the caller's transaction. */
export async function recordEvent(client: PoolClient, event: EventRecord, context: EventContext): Promise<string> {
  const units = event.packs.filter((pack) => pack.level === 'UNIT').length;
  const { rows } = await client.query(
    `insert into event (type, at, facility_id, counterparty_id, user_id, api_key_id, source, latitude, longitude, reason, parent_id, units)
     values ($1, coalesce($2, now()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id::text`,
    [
      event.type,
      context.at,
      event.facilityId,
      event.counterpartyId ?? null,
      context.userId,
      context.apiKeyId,
      context.source,
      context.latitude,
      context.longitude,
      event.reason ?? null,
      event.parentId ?? null,
      units,
    ],
  );
  const eventId = rows[0].id as string;
  await client.query(`insert into event_pack (pack_id, event_id) select unnest($1::bigint[]), $2`, [
    event.packs.map((pack) => pack.id),
    eventId,
  ]);
  return eventId;
}
