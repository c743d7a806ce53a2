import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput, notFound } from '../../shared/errors.js';
import { toFacilityObject, type FacilityObject } from '../organizations/organization.types.js';
import { undoableUntil } from '../lifecycle/states.js';
import { isRejection, readCode } from './code-input.js';
import { findPacks, type Queryable } from './pack-rows.js';
import { codeOf, packViews, type PackView } from './pack-views.js';
import type { PackObject, Trace, TraceEvent } from './pack.types.js';

/** The one answer for a code that names no pack and for one the caller may not see. */
const NOT_VISIBLE = 'No pack that you may see has this code: BPOM, its manufacturer and the facilities that handled it see a pack';

export class TraceService {
  /** The pack a code names, if the caller may see it. */
  async pack(ctx: Context, code: string): Promise<PackObject | null> {
    const view = await this.find(ctx, code);
    return view && (await this.toPackObject(ctx, view));
  }

  async trace(ctx: Context, code: string): Promise<Trace> {
    const view = await this.find(ctx, code);
    if (!view) throw notFound(NOT_VISIBLE);
    const [[parent], children, events] = await Promise.all([
      view.parentId ? packViews(ctx.read, 'p.id = $1', [view.parentId]) : [],
      packViews(ctx.read, 'p.parent_id = $1 order by p.id limit 1000', [view.id]),
      this.events(ctx, view.id),
    ]);
    return {
      pack: await this.toPackObject(ctx, view),
      parent: parent ? await this.toPackObject(ctx, parent) : null,
      children: await Promise.all(children.map((child) => this.toPackObject(ctx, child))),
      events,
    };
  }

  /**
   * The pack a code names, or null when there is none or the caller may not see it: BPOM, the
   * manufacturer and the facilities that handled it may. Both answer alike, so that asking tells
   * nothing of packs that are not the caller's.
   */
  private async find(ctx: Context, code: string): Promise<PackView | null> {
    const principal = requirePrincipal(ctx);
    const key = readCode(code);
    if (isRejection(key)) throw badInput(`code: ${key.message}`, 'code');
    const pack = (await findPacks(ctx.read, [key])).get(key);
    if (!pack) return null;
    const [view] = await packViews(ctx.read, 'p.id = $1', [pack.id]);
    if (principal.organizationType !== 'REGULATOR' && view!.registrantId !== principal.organizationId) {
      if (!(await hasHandled(ctx.read, view!.id, principal.organizationId))) return null;
    }
    return view!;
  }

  private async events(ctx: Context, packId: string): Promise<TraceEvent[]> {
    const { rows } = await ctx.read.query(
      `select e.id::text as id, e.type, e.at, e.recorded_at as "recordedAt", e.source, e.reason, e.facility_id as "facilityId", e.counterparty_id as "counterpartyId",
              e.parent_id::text as "parentId"
         from event_pack ep join event e on e.id = ep.event_id
        where ep.pack_id = $1
        order by e.at, e.id`,
      [packId],
    );
    const parentIds = [...new Set(rows.map((row) => row.parentId).filter(Boolean))];
    const parents = parentIds.length ? await packViews(ctx.read, 'p.id = any($1::bigint[])', [parentIds]) : [];
    const parentCode = new Map(parents.map((view) => [view.id, codeOf(view)]));
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        type: row.type,
        at: row.at,
        recordedAt: row.recordedAt,
        source: row.source,
        reason: row.reason,
        facility: (await this.facility(ctx, row.facilityId))!,
        counterparty: await this.facility(ctx, row.counterpartyId),
        parentCode: row.parentId ? (parentCode.get(row.parentId) ?? null) : null,
      })),
    );
  }

  private async facility(ctx: Context, id: string | null): Promise<FacilityObject | null> {
    if (!id) return null;
    const facility = await ctx.loaders.facility.load(id);
    return facility ? toFacilityObject(facility) : null;
  }

  private async toPackObject(ctx: Context, view: PackView): Promise<PackObject> {
    return {
      id: view.id,
      code: codeOf(view),
      level: view.level,
      serial: view.serial,
      sscc: view.sscc,
      status: view.status,
      batch: view.lot,
      expiry: view.expiry,
      recalled: view.recalled,
      product: view.productId ? { id: view.productId, nie: view.nie, name: view.name, gtin: view.productGtin } : null,
      custodian: await this.facility(ctx, view.custodianId),
      destination: await this.facility(ctx, view.destinationId),
      childCount: view.childCount,
      capacity: view.capacity,
      ...undoable(view),
    };
  }
}

/** Until when the pack's status may be undone, as the lifecycle says. */
function undoable(view: PackView): Pick<PackObject, 'undoableUntil' | 'undoableAnyTime'> {
  const until = undoableUntil({ status: view.status, statusAt: view.statusAt });
  return { undoableUntil: until instanceof Date ? until : null, undoableAnyTime: until === 'ANY_TIME' };
}

/** Whether one of the organisation's facilities has held, sent or received the pack. */
async function hasHandled(db: Queryable, packId: string, organizationId: string): Promise<boolean> {
  const { rows } = await db.query(
    `select exists (
       select 1 from pack p join facility f on f.id in (p.custodian_id, p.destination_id)
        where p.id = $1 and f.organization_id = $2
       union all
       select 1 from event_pack ep join event e on e.id = ep.event_id
         join facility f on f.id in (e.facility_id, e.counterparty_id)
        where ep.pack_id = $1 and f.organization_id = $2
     ) as handled`,
    [packId, organizationId],
  );
  return rows[0].handled;
}
