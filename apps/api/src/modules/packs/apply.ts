import type { PoolClient } from 'pg';
import { holdChain, sealOn, writeEntries } from '../ledger/seal.js';
import { RetryTransaction } from '../../shared/db.js';
import type { Clock } from '../lifecycle/clock.js';
import type { Change, EventTypeName } from '../lifecycle/effects.js';
import type { FacilityRef } from '../lifecycle/guards.js';
import { MILESTONES, type Milestone } from '../lifecycle/stages.js';
import { updateSummaries } from '../reports/summaries.js';
import type { PackRow } from './pack-rows.js';
import type { EventSourceName } from './pack.types.js';

/** Packs a movement changes together, and when it happened to them. */
export interface Moved {
  at: Date;
  rows: PackRow[];
}

/**
 * Writes the change to every moved pack in one statement, guarded by each row's `xmin`: if any
 * row changed since it was read, the transaction is run again from a fresh read. The summaries
 * the reports read follow in the same transaction.
 */
export async function applyChange(client: PoolClient, moved: Moved[], change: Change, actor: FacilityRef, clock: Clock) {
  const ids: string[] = [];
  const xmins: string[] = [];
  for (const { rows } of moved) {
    for (const row of rows) {
      ids.push(row.id);
      xmins.push(row.xmin);
    }
  }
  if (ids.length === 0) return;
  // One time for all (a call) is one parameter; a time per row (a file) is an array beside the ids.
  const oneTime = moved.every((m) => m.at.getTime() === moved[0]!.at.getTime());
  const times = oneTime ? [] : moved.flatMap(({ at, rows }) => rows.map(() => at));
  const params: unknown[] = oneTime ? [ids, xmins, moved[0]!.at] : [ids, xmins, times];
  const at = oneTime ? '$3::timestamptz' : 't.at';
  const param = (value: unknown) => `$${params.push(value)}`;
  const sets = [`last_event_at = greatest(p.last_event_at, ${at})`];
  if (change.status !== undefined) sets.push(`status = ${param(change.status)}::pack_status`);
  if (change.custodianId !== undefined) sets.push(`custodian_id = ${param(change.custodianId)}::uuid`);
  if (change.destinationId !== undefined) sets.push(`destination_id = ${param(change.destinationId)}::uuid`);
  if (change.stampStatus) sets.push(`status_by_id = ${param(actor.id)}::uuid, status_at = ${at}`);
  if (change.parentId !== undefined) sets.push(`parent_id = ${param(change.parentId)}::bigint`);
  if (change.shipmentId !== undefined) sets.push(`shipment_id = ${param(change.shipmentId)}::uuid`);
  if (change.detach?.length) {
    sets.push(`parent_id = case when p.id = any(${param(change.detach)}::bigint[]) then null else p.parent_id end`);
  }
  const setBits = bits(change.reach);
  const clearBits = bits(change.unreach);
  if (setBits || clearBits) sets.push(`milestones = (p.milestones | ${param(setBits)}::smallint) & ~${param(clearBits)}::smallint`);

  const result = await client.query(
    `update pack p set ${sets.join(', ')}
       from ${oneTime ? 'unnest($1::bigint[], $2::xid[]) as t(id, seen)' : 'unnest($1::bigint[], $2::xid[], $3::timestamptz[]) as t(id, seen, at)'}
      where p.id = t.id and p.xmin = t.seen`,
    params,
  );
  if (result.rowCount !== ids.length) {
    throw new RetryTransaction(`${ids.length - (result.rowCount ?? 0)} packs changed while being moved`);
  }
  await updateSummaries(client, moved, change, actor, clock);
}

const bits = (milestones: Milestone[] = []) => milestones.reduce((sum, m) => sum | MILESTONES[m], 0);

export interface EventRecord {
  type: EventTypeName;
  facilityId: string;
  counterpartyId?: string | null;
  reason?: string | null;
  parentId?: string | null;
  /** When it happened, as reported (or when it was received). */
  at: Date;
  latitude?: number | null;
  longitude?: number | null;
  /** The shipment the packs travel in, for shipping, returning and receiving. */
  shipmentId?: string | null;
  packs: Array<Pick<PackRow, 'id' | 'level'>>;
}

/** Who reported the events, and how. */
export interface Reporter {
  userId: string | null;
  apiKeyId: string | null;
  source: EventSourceName;
}

/**
 * Appends events, one row per pack each touched and their ledger entries, in the caller's
 * transaction: four statements however many events there are (a CSV file may report a time
 * per row). The entries go onto the chain this connection holds (ledger/seal.ts).
 */
export async function recordEvents(client: PoolClient, events: EventRecord[], reporter: Reporter): Promise<string[]> {
  const used = events.filter((event) => event.packs.length > 0);
  if (used.length === 0) return [];
  const { ids } = await reserveEvents(client, used.length);
  const written = used.map(({ packs, ...event }, i) => ({
    ...event,
    id: ids[i]!,
    packIds: packs.map((pack) => pack.id),
    units: packs.filter((pack) => pack.level === 'UNIT').length,
  }));
  await writeEvents(client, written, reporter, { packsWritten: null });
  return ids;
}

/** Ids for events about to be written, and the database's clock when they were taken. */
export interface EventSlots {
  ids: string[];
  now: Date;
}

/** Takes `count` event ids. */
export async function reserveEvents(client: PoolClient, count: number): Promise<EventSlots> {
  const { rows } = await client.query<{ ids: string[]; now: Date }>(
    `select array(select nextval(pg_get_serial_sequence('event', 'id'))::text from generate_series(1, $1)) as ids, clock_timestamp() as now`,
    [count],
  );
  return rows[0]!;
}

/** An event with its reserved id, the ids of the packs it touched and how many of them are units. */
export type EventToWrite = Omit<EventRecord, 'packs'> & { id: string; packIds: string[]; units: number };

/**
 * Writes events with reserved ids (`reserveEvents`), their `event_pack` rows and their ledger
 * entries, on this connection's chain (ledger/seal.ts), recorded as they are sealed. When a
 * statement has written the `event_pack` rows already, `packsWritten` is the time it recorded
 * them at: the events are recorded at that time, and sealed now.
 */
export async function writeEvents(client: PoolClient, events: EventToWrite[], reporter: Reporter, { packsWritten }: { packsWritten: Date | null }) {
  const head = await holdChain(client);
  const recordedAt = packsWritten ?? head.now;
  const contents = events.map((e) => ({
    id: e.id,
    type: e.type,
    at: e.at,
    facilityId: e.facilityId,
    counterpartyId: e.counterpartyId ?? null,
    reason: e.reason ?? null,
    parentId: e.parentId ?? null,
    latitude: e.latitude ?? null,
    longitude: e.longitude ?? null,
    units: e.units,
    shipmentId: e.shipmentId ?? null,
    userId: reporter.userId,
    apiKeyId: reporter.apiKeyId,
    source: reporter.source,
    packIds: e.packIds,
    recordedAt,
  }));
  const sealed = sealOn(head, contents);
  const params: unknown[] = [
    contents.map((e) => e.id),
    contents.map((e) => e.type),
    contents.map((e) => e.at),
    contents.map((e) => e.facilityId),
    contents.map((e) => e.counterpartyId),
    contents.map((e) => e.reason),
    contents.map((e) => e.parentId),
    contents.map((e) => e.latitude),
    contents.map((e) => e.longitude),
    contents.map((e) => e.units),
    contents.map((e) => e.shipmentId),
    reporter.userId,
    reporter.apiKeyId,
    reporter.source,
    recordedAt,
  ];
  const insertEvents = `insert into event (id, type, at, facility_id, counterparty_id, reason, parent_id, latitude, longitude, units, shipment_id,
                                         user_id, api_key_id, source, recorded_at)
     overriding system value
     select t.*, $12::uuid, $13::uuid, $14, $15::timestamptz
       from unnest($1::bigint[], $2::event_type[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::text[], $7::bigint[],
                   $8::float8[], $9::float8[], $10::int[], $11::uuid[]) as t`;
  if (!packsWritten) {
    const packIds: string[] = [];
    const eventIds: string[] = [];
    for (const event of contents) {
      for (const packId of event.packIds) {
        packIds.push(packId);
        eventIds.push(event.id);
      }
    }
    params.push(packIds, eventIds);
    await client.query(
      `with events as (${insertEvents})
       insert into event_pack (pack_id, event_id, recorded_at) select t.*, $15::timestamptz from unnest($16::bigint[], $17::bigint[]) as t`,
      params,
    );
  } else {
    await client.query(insertEvents, params);
  }
  await writeEntries(client, sealed);
}
