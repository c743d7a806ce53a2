/**
 * Jejak's own movements (the event log) served as EPCIS 2.0 events, so that
 * `GET /epcis/events?MATCH_epc=…` gives a pack's whole history: eventID `urn:jejak:event:<id>`,
 * CBV business steps and dispositions, readPoint and bizLocation the facility's GLN as a GS1
 * Digital Link (`urn:jejak:facility:<id>` for a facility without one), the packs as EPCs (an
 * SGTIN Digital Link when the code carries a GTIN, else the NIE URI; an SSCC Digital Link).
 *
 * They are answered for queries that name a pack (MATCH_epc, MATCH_anyEPC) or one of these
 * eventIDs, to callers who may see the pack (those who may trace it). Movements that came in as
 * EPCIS events are left out: the captured event is their EPCIS form.
 */
import type { Context } from '../../context.js';
import { EVENT_OF_ROW } from '../../db/partitions.js';
import type { Principal } from '../../shared/auth.js';
import type { Clock } from '../lifecycle/clock.js';
import { isRejection, readCode } from '../packs/code-input.js';
import type { Queryable } from '../packs/pack-rows.js';
import { canonicalIdentifier } from './canonical-epc.js';
import { packCodeOf } from './identifiers.js';
import type { EventQuery, Found, PageToken } from './query.js';
import { rowOf, type EventRow } from './store.js';
import type { JsonObject } from './validation.js';
import { FACILITY_URI_PREFIX, LIFECYCLE_EVENT_PREFIX, nieUri } from './vocabulary.js';

/** The CBV words of each of Jejak's event types (a decommission by its reason). */
const STEPS: Record<string, { type: 'ObjectEvent' | 'AggregationEvent'; action: string; bizStep: string; disposition: string }> = {
  ACTIVATED: { type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
  AGGREGATED: { type: 'AggregationEvent', action: 'ADD', bizStep: 'packing', disposition: 'in_progress' },
  DISAGGREGATED: { type: 'AggregationEvent', action: 'DELETE', bizStep: 'unpacking', disposition: 'in_progress' },
  SHIPPED: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  RETURNED: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'returned' },
  RECEIVED: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  DISPENSED: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'dispensing', disposition: 'dispensed' },
  UNDONE: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'other', disposition: 'active' },
  'DECOMMISSIONED:DESTROYED': { type: 'ObjectEvent', action: 'DELETE', bizStep: 'destroying', disposition: 'destroyed' },
  'DECOMMISSIONED:STOLEN': { type: 'ObjectEvent', action: 'DELETE', bizStep: 'decommissioning', disposition: 'stolen' },
  'DECOMMISSIONED:LOCKED': { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'holding', disposition: 'non_sellable_other' },
  'DECOMMISSIONED:SAMPLE': { type: 'ObjectEvent', action: 'DELETE', bizStep: 'decommissioning', disposition: 'inactive' },
  'DECOMMISSIONED:EXPORTED': { type: 'ObjectEvent', action: 'DELETE', bizStep: 'decommissioning', disposition: 'inactive' },
};

/** What a pack's EPC is made of. */
interface PackKey {
  id: string;
  sscc: string | null;
  serial: string | null;
  nie: string | null;
  /** The GTIN its code carries, if its code request chose the GS1 profile. */
  codeGtin: string | null;
}

/** The EPC keys of packs by id: one look-up by primary key each, nothing else read. */
async function packKeys(db: Queryable, ids: string[]): Promise<PackKey[]> {
  const { rows } = await db.query(
    `select p.id::text, p.sscc, p.serial, pr.nie, cr.gtin as "codeGtin"
       from pack p left join product pr on pr.id = p.product_id left join code_request cr on cr.id = p.code_request_id
      where p.id = any($1::bigint[])`,
    [ids],
  );
  return rows;
}

/** A pack's EPC as the repository answers it. */
export function packEpc(view: PackKey): string {
  if (view.sscc) return `https://id.gs1.org/00/${view.sscc}`;
  if (view.codeGtin) return canonicalIdentifier(`https://id.gs1.org/01/${view.codeGtin}/21/${encodeURIComponent(view.serial!)}`) ?? `https://id.gs1.org/01/${view.codeGtin}/21/${view.serial}`;
  return nieUri(view.nie!, view.serial!);
}

const placeOf = (gln: string | null, id: string) => (gln ? `https://id.gs1.org/414/${gln}` : `${FACILITY_URI_PREFIX}${id}`);

/** Whether a row answers the query: the twin, in TypeScript, of query.ts's SQL. */
export function answers(row: EventRow, query: EventQuery): boolean {
  const any = (list: string[] | undefined, values: string[]) => !list || values.some((v) => list.includes(v));
  const one = (list: string[] | undefined, value: string | null) => !list || (value !== null && list.includes(value));
  return (
    one(query.eventType, row.type) &&
    (!query.GE_eventTime || row.eventTime >= query.GE_eventTime) &&
    (!query.LT_eventTime || row.eventTime < query.LT_eventTime) &&
    (!query.GE_recordTime || row.recordTime >= query.GE_recordTime) &&
    (!query.LT_recordTime || row.recordTime < query.LT_recordTime) &&
    one(query.EQ_action, row.action) &&
    one(query.EQ_bizStep, row.bizStep) &&
    one(query.EQ_disposition, row.disposition) &&
    one(query.EQ_readPoint, row.readPoint) &&
    one(query.EQ_bizLocation, row.bizLocation) &&
    one(query.EQ_eventID, row.eventId) &&
    any(query.MATCH_epc, row.epcs) &&
    one(query.MATCH_parentID, row.parentId) &&
    any(query.MATCH_inputEPC, row.inputEpcs) &&
    any(query.MATCH_outputEPC, row.outputEpcs) &&
    any(query.MATCH_anyEPC, row.anyEpcs)
  );
}

export class LifecycleEvents {
  constructor(private readonly clock: Clock) {}

  async find(ctx: Context, _principal: Principal, query: EventQuery, after: PageToken | null, limit: number): Promise<Found[]> {
    const packIds = await this.visiblePacks(ctx, [...(query.MATCH_epc ?? []), ...(query.MATCH_anyEPC ?? [])]);
    const eventIds = (query.EQ_eventID ?? []).filter((id) => id.startsWith(LIFECYCLE_EVENT_PREFIX)).map((id) => id.slice(LIFECYCLE_EVENT_PREFIX.length)).filter((id) => /^\d{1,18}$/.test(id));
    if (packIds.length === 0 && eventIds.length === 0) return [];
    const { rows } = await ctx.pool.query(
      `select e.id::text, e.type, e.at, e.recorded_at as "recordedAt", e.reason, e.parent_id::text as "parentId",
              e.facility_id as "facilityId", f.gln, e.counterparty_id as "counterpartyId", c.gln as "counterpartyGln",
              f.organization_id as "facilityOrg", c.organization_id as "counterpartyOrg"
         from event e join facility f on f.id = e.facility_id left join facility c on c.id = e.counterparty_id
        where e.source <> 'EPCIS'
          and (exists (select 1 from event_pack ep where ${EVENT_OF_ROW} and ep.pack_id = any($1::bigint[])) or e.id = any($2::bigint[]))
        order by e.at, e.id limit 10000`,
      [packIds, eventIds],
    );
    if (rows.length === 0) return [];
    // Each event's packs from the month it is kept in.
    const { rows: members } = await ctx.pool.query(
      `select ep.event_id::text as "eventId", ep.pack_id::text as "packId"
         from unnest($1::bigint[], $2::timestamptz[]) as e(id, recorded_at) join event_pack ep on ${EVENT_OF_ROW}`,
      [rows.map((r) => r.id), rows.map((r) => r.recordedAt)],
    );
    const parentIds = rows.map((r) => r.parentId).filter(Boolean);
    const views = await packKeys(ctx.pool, [...new Set([...members.map((m) => m.packId as string), ...parentIds])]);
    const byId = new Map(views.map((view) => [view.id as string, view]));
    const packsOf = new Map<string, PackKey[]>();
    for (const { eventId, packId } of members) packsOf.set(eventId, [...(packsOf.get(eventId) ?? []), byId.get(packId)!]);
    const visible = new Set(packIds);
    const found: Found[] = [];
    for (const row of rows) {
      const packs = packsOf.get(row.id) ?? [];
      // An event asked for by its eventID alone is answered to those who may trace one of its packs.
      if (!packs.some((pack) => visible.has(pack.id)) && !(await this.mayTrace(ctx, packs))) continue;
      const document = this.render(row, packs, row.parentId ? byId.get(row.parentId) : undefined);
      const eventRow = rowOf(document, '', null, null);
      if (!answers(eventRow, query)) continue;
      const time = query.orderBy === 'eventTime' ? eventRow.eventTime : eventRow.recordTime;
      if (after) {
        const afterTime = new Date(after.time).getTime();
        const later = time.getTime() > afterTime || (time.getTime() === afterTime && eventRow.eventId > after.eventId);
        const earlier = time.getTime() < afterTime || (time.getTime() === afterTime && eventRow.eventId < after.eventId);
        if (query.orderDirection === 'ASC' ? !later : !earlier) continue;
      }
      found.push({ time, eventId: eventRow.eventId, document, context: null });
    }
    return found.slice(0, found.length > limit && query.orderBy === 'eventTime' && query.orderDirection === 'ASC' ? limit : found.length);
  }

  /** The packs the EPCs name that the caller may trace. */
  private async visiblePacks(ctx: Context, epcs: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const epc of epcs) {
      const code = packCodeOf(epc);
      if (!code || isRejection(readCode(code))) continue;
      const pack = await ctx.services.trace.pack(ctx, code);
      if (pack) ids.push(pack.id);
    }
    return ids;
  }

  private async mayTrace(ctx: Context, packs: PackKey[]): Promise<boolean> {
    const code = packs[0] ? packCodeOf(packEpc(packs[0])) : null;
    return code ? (await ctx.services.trace.pack(ctx, code)) !== null : false;
  }

  private render(row: Record<string, any>, packs: PackKey[], parent: PackKey | undefined): JsonObject {
    const step = STEPS[row.type === 'DECOMMISSIONED' ? `DECOMMISSIONED:${row.reason}` : row.type] ?? STEPS.UNDONE!;
    const place = placeOf(row.gln, row.facilityId);
    const counterparty = row.counterpartyId ? placeOf(row.counterpartyGln, row.counterpartyId) : null;
    const epcs = packs.filter((pack) => !parent || pack.id !== parent.id).map(packEpc);
    const document: JsonObject = {
      type: step.type,
      eventID: `${LIFECYCLE_EVENT_PREFIX}${row.id}`,
      eventTime: row.at.toISOString(),
      recordTime: row.recordedAt.toISOString(),
      eventTimeZoneOffset: this.offset(row.at),
      ...(step.type === 'AggregationEvent' ? { parentID: parent ? packEpc(parent) : undefined, childEPCs: epcs } : { epcList: epcs }),
      action: step.action,
      bizStep: step.bizStep,
      disposition: step.disposition,
      readPoint: { id: place },
      bizLocation: { id: place },
    };
    if (counterparty && (row.type === 'SHIPPED' || row.type === 'RETURNED')) {
      document.sourceList = [{ type: 'location', source: place }];
      document.destinationList = [{ type: 'location', destination: counterparty }];
    }
    if (counterparty && row.type === 'RECEIVED') {
      document.sourceList = [{ type: 'location', source: counterparty }];
      document.destinationList = [{ type: 'location', destination: place }];
    }
    if (document.parentID === undefined) delete document.parentID;
    return document;
  }

  /** The offset of the reporting time zone at `at`, as ±hh:mm. */
  private offset(at: Date): string {
    const name = new Intl.DateTimeFormat('en', { timeZone: this.clock.timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
    return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
  }
}
