import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput, notFound } from '../../shared/errors.js';
import { toFacilityObject, type FacilityObject } from '../organizations/organization.types.js';
import { undoableUntil } from '../lifecycle/states.js';
import { isRejection, readCode } from './code-input.js';
import { findPacks, type Queryable } from './pack-rows.js';
import { codeOf, packViews, type PackView } from './pack-views.js';
import type { PackObject, Trace, TraceActor, TraceEvent } from './pack.types.js';
import type { PackConnection } from './trace.types.js';
import * as check from '../../shared/validate.js';
import { EVENT_OF_ROW } from '../../db/partitions.js';

export interface TraceSearch {
  productId?: string | null;
  batch?: string | null;
  facilityId?: string | null;
  from?: string | null;
  to?: string | null;
}

const SEARCH_PAGE_DEFAULT = 50;
const SEARCH_PAGE_MAX = 200;

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
   * Packs by product, batch, facility and the days of their events, a page at a time in issue
   * order: BPOM finds any pack, a manufacturer its own products' packs, others the packs their
   * facilities handled.
   */
  async search(ctx: Context, search: TraceSearch, firstInput: number | null | undefined, after: string | null | undefined): Promise<PackConnection> {
    const principal = requirePrincipal(ctx);
    const first = firstInput ?? SEARCH_PAGE_DEFAULT;
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_PAGE_MAX) throw badInput(`first must be 1 to ${SEARCH_PAGE_MAX}, got ${first}`, 'first');
    const productId = search.productId ? check.uuid(search.productId, 'productId') : null;
    const facilityId = search.facilityId ? check.uuid(search.facilityId, 'facilityId') : null;
    const batch = search.batch?.trim() ? check.requiredText(search.batch, 'batch', 20) : null;
    if (!productId && !batch && !facilityId) throw badInput('Name a product, a batch or a facility to search by', 'filter');
    const from = search.from ? check.isoDate(search.from, 'from') : null;
    const to = search.to ? check.isoDate(search.to, 'to') : null;
    if (from && to && from > to) throw badInput(`from ${from} is after to ${to}`, 'from');

    const conditions: string[] = [];
    const params: unknown[] = [];
    if (productId) conditions.push(`p.product_id = $${params.push(productId)}`);
    if (batch) {
      // The batch's requests, whose ranges of ids bound the scan of pack's primary key.
      const requests = `code_request cr join batch b on b.id = cr.batch_id where b.lot = $${params.push(batch)}${productId ? ' and b.product_id = $1' : ''}`;
      conditions.push(
        `p.id between (select min(cr.first_pack_id) from ${requests}) and (select max(cr.last_pack_id) from ${requests})
         and p.code_request_id in (select cr.id from ${requests})`,
      );
    }
    const zone = ctx.services.clock.timeZone;
    const eventConditions: string[] = [];
    if (facilityId) eventConditions.push(`(e.facility_id = $${params.push(facilityId)} or e.counterparty_id = $${params.length})`);
    if (from) eventConditions.push(`e.at >= ($${params.push(from)}::date)::timestamp at time zone $${params.push(zone)}`);
    if (to) eventConditions.push(`e.at < ($${params.push(to)}::date + 1)::timestamp at time zone $${params.push(zone)}`);
    if (eventConditions.length) {
      const held = facilityId && !from && !to ? ` or p.custodian_id = $${params.indexOf(facilityId) + 1}` : '';
      conditions.push(`(exists (select 1 from event_pack ep join event e on ${EVENT_OF_ROW} where ep.pack_id = p.id and ${eventConditions.join(' and ')})${held})`);
    }
    if (principal.organizationType === 'MANUFACTURER') {
      conditions.push(`p.product_id in (select id from product where registrant_id = $${params.push(principal.organizationId)})`);
    } else if (principal.organizationType !== 'REGULATOR') {
      const org = params.push(principal.organizationId);
      conditions.push(`(exists (select 1 from facility f where f.id in (p.custodian_id, p.destination_id) and f.organization_id = $${org})
        or exists (select 1 from event_pack ep join event e on ${EVENT_OF_ROW} join facility f on f.id in (e.facility_id, e.counterparty_id)
                    where ep.pack_id = p.id and f.organization_id = $${org}))`);
    }
    if (after) conditions.push(`p.id > $${params.push(decodeSearchCursor(after))}`);
    const { rows } = await ctx.pool.query(
      `select p.id::text as id from pack p where ${conditions.join(' and ')} order by p.id limit $${params.push(first + 1)}`,
      params,
    );
    const ids = rows.slice(0, first).map((row) => row.id as string);
    const views = ids.length ? await packViews(ctx.pool, 'p.id = any($1::bigint[]) order by p.id', [ids]) : [];
    const nodes = await Promise.all(views.map((view) => this.toPackObject(ctx, view)));
    return {
      edges: nodes.map((node) => ({ node, cursor: encodeSearchCursor(node.id) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeSearchCursor(nodes.at(-1)!.id) : null },
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
              e.parent_id::text as "parentId", f.organization_id as "organizationId",
              u.name as "userName", u.email as "userEmail", k.name as "keyName"
         from event_pack ep join event e on ${EVENT_OF_ROW}
         join facility f on f.id = e.facility_id
         left join app_user u on u.id = e.user_id
         left join api_key k on k.id = e.api_key_id
        where ep.pack_id = $1
        order by e.at, e.id`,
      [packId],
    );
    const principal = requirePrincipal(ctx);
    // Who reported an event: for BPOM, and for the organisation whose facility it was.
    const recordedBy = (row: Record<string, string | null>): TraceActor | null => {
      if (principal.organizationType !== 'REGULATOR' && row.organizationId !== principal.organizationId) return null;
      if (row.userName) return { kind: 'USER', name: `${row.userName} (${row.userEmail})` };
      if (row.keyName) return { kind: 'API_KEY', name: row.keyName };
      return null;
    };
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
        recordedBy: recordedBy(row),
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
       select 1 from event_pack ep join event e on ${EVENT_OF_ROW}
         join facility f on f.id in (e.facility_id, e.counterparty_id)
        where ep.pack_id = $1 and f.organization_id = $2
     ) as handled`,
    [packId, organizationId],
  );
  return rows[0].handled;
}

const encodeSearchCursor = (id: string) => Buffer.from(`pack:${id}`).toString('base64url');

function decodeSearchCursor(cursor: string): string {
  const match = /^pack:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`after "${cursor.slice(0, 40)}" is not a cursor from traceSearch`, 'after');
  return match[1]!;
}
