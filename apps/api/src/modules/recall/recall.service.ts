import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { Queryable } from '../packs/pack-rows.js';
import { codeOf, packViews } from '../packs/pack-views.js';
import * as check from '../../shared/validate.js';
import { toFacilityObject } from '../organizations/organization.types.js';
import type { Clock } from '../lifecycle/clock.js';
import {
  RECALL_POSITIONS,
  RECOVERED_POSITIONS,
  UNRELEASED_POSITIONS,
  holderFacilitySql,
  inChainSql,
  onHandSql,
  recallPositionSql,
  type RecallPositionName,
} from '../lifecycle/states.js';
import { Batch } from '../products/batch.entity.js';
import { normaliseNie } from '../products/product.service.js';
import { Recall, type RecallClass } from './recall.entity.js';
import type { PullItem, RecallObject, RecallProgress } from './recall.types.js';
import { EVENT_OF_ROW } from '../../db/partitions.js';
import { batchUnitsSql } from '../packs/ranges.js';

export class RecallService {
  constructor(
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * Recalls a batch; from then on it is not dispensed and only moves back towards the
   * manufacturer. Every facility holding units of it (or about to: they are on their way to it)
   * is told at once, in the same transaction.
   */
  async recallBatch(ctx: Context, nieInput: string, lotInput: string, reasonInput: string, recallClass: RecallClass | null): Promise<Recall> {
    const principal = requirePrincipal(ctx);
    const nie = normaliseNie(nieInput);
    const lot = check.requiredText(lotInput, 'batch', 20);
    const reason = check.requiredText(reasonInput, 'reason', 1000);
    const batch = await ctx.em.findOne(Batch, { product: { nie }, lot }, { populate: ['product'] });
    if (!batch) throw notFound(`No batch ${lot} of ${nie}`);
    if (principal.organizationType !== 'REGULATOR' && batch.product.registrant.id !== principal.organizationId) {
      throw forbidden('Only BPOM or the manufacturer of the batch may recall it');
    }
    const now = this.clock.now();
    const { id, notices } = await inTransaction(ctx.pool, async (client) => {
      const { rows: open } = await client.query(`select id from recall where batch_id = $1 and status = 'OPEN' for update`, [batch.id]);
      if (open[0]) return { id: open[0].id as string, notices: [] };
      const { rows } = await client.query(
        `insert into recall (id, batch_id, reason, class, status, organization_id, user_id, created_at)
         values (gen_random_uuid(), $1, $2, $3, 'OPEN', $4, $5, $6) returning id`,
        [batch.id, reason, recallClass, principal.organizationId, principal.kind === 'user' ? principal.id : null, now],
      );
      await client.query('update batch set recalled_at = coalesce(recalled_at, $2) where id = $1', [batch.id, now]);
      const holders = await holdersOf(client, batch.id);
      const notices = await this.notifications.notify(
        client,
        holders.map((holder) => ({
          organizationId: holder.organizationId,
          facilityId: holder.facilityId,
          kind: 'RECALL' as const,
          params: { recallId: rows[0].id, nie, productName: batch.product.name, batch: lot, units: holder.units },
        })),
      );
      return { id: rows[0].id as string, notices };
    });
    await this.notifications.email(notices);
    return ctx.em.findOneOrFail(Recall, id, { populate: ['batch.product'], refresh: true });
  }

  /** BPOM closes a recall once it is done; the batch stays recalled. The manufacturer is told. */
  async close(ctx: Context, id: string): Promise<Recall> {
    const principal = requirePrincipal(ctx);
    const recall = await this.byId(ctx, id);
    if (!recall) throw notFound(`No recall with id ${id}`);
    if (recall.status === 'CLOSED') throw conflict('The recall is already closed');
    const notices = await inTransaction(ctx.pool, async (client) => {
      const { rowCount } = await client.query(
        `update recall set status = 'CLOSED', closed_at = $2, closed_by_id = $3 where id = $1 and status = 'OPEN'`,
        [recall.id, this.clock.now(), principal.kind === 'user' ? principal.id : null],
      );
      if (!rowCount) throw conflict('The recall is already closed');
      return this.notifications.notify(client, [
        {
          organizationId: recall.batch.product.registrant.id,
          kind: 'RECALL_CLOSED',
          params: { recallId: recall.id, nie: recall.batch.product.nie, productName: recall.batch.product.name, batch: recall.batch.lot },
        },
      ]);
    });
    await this.notifications.email(notices);
    return ctx.em.findOneOrFail(Recall, recall.id, { populate: ['batch.product'], refresh: true });
  }

  /**
   * What a facility must pull of a recalled batch: the units it holds, each under the outermost
   * case or pallet it holds them in (so a whole pallet is pulled by one code).
   */
  async pullList(ctx: Context, recall: RecallObject, facilityId: string | null | undefined): Promise<PullItem[]> {
    const principal = requirePrincipal(ctx);
    const facilities = facilityId
      ? [check.uuid(facilityId, 'facility')]
      : (await ctx.loaders.facilitiesOfOrganization.load(principal.organizationId)).map((facility) => facility.id);
    if (facilityId && principal.organizationType !== 'REGULATOR') {
      const facility = await ctx.loaders.facility.load(facilities[0]!);
      if (facility?.organization.id !== principal.organizationId) throw forbidden('Only BPOM sees another organisation’s pull list');
    }
    const { rows } = await ctx.pool.query(
      `with recursive held as (
         select p.id, p.parent_id from ${batchUnitsSql('$1')} p
          where ${onHandSql('p')} and p.custodian_id = any($2::uuid[])
       ), up(unit, id, parent_id, depth) as (
         select id, id, parent_id, 0 from held
         union all
         select up.unit, p.id, p.parent_id, up.depth + 1 from pack p join up on p.id = up.parent_id
          where ${onHandSql('p')} and p.custodian_id = any($2::uuid[])
       )
       select top.id::text, count(*)::int as units
         from (select distinct on (unit) unit, id from up order by unit, depth desc) top
        group by top.id`,
      [recall.batchId, facilities],
    );
    const views = await packViews(ctx.pool, 'p.id = any($1::bigint[])', [rows.map((row) => row.id)]);
    const units = new Map(rows.map((row) => [row.id as string, row.units as number]));
    return views
      .map((view) => ({ code: codeOf(view), level: view.level, units: units.get(view.id) ?? 0, facilityId: view.custodianId }))
      .sort((a, b) => b.units - a.units || a.code.localeCompare(b.code));
  }

  async byId(ctx: Context, id: string): Promise<Recall | null> {
    const ids = await this.visibleIds(ctx, check.uuid(id, 'id'));
    return ids.length ? ctx.em.findOne(Recall, ids[0]!, { populate: ['batch.product'] }) : null;
  }

  async list(ctx: Context): Promise<Recall[]> {
    const ids = await this.visibleIds(ctx, null);
    return ctx.em.find(Recall, { id: { $in: ids } }, { populate: ['batch.product'], orderBy: { createdAt: 'desc' } });
  }

  /**
   * The recalls the caller sees: BPOM all; a manufacturer those of its products; any other
   * organisation those that reached it (it was told, or it holds units of the batch now).
   */
  private async visibleIds(ctx: Context, id: string | null): Promise<string[]> {
    const principal = requirePrincipal(ctx);
    const params: unknown[] = [principal.organizationId];
    const one = id ? `and r.id = $${params.push(id)}` : '';
    const scope =
      principal.organizationType === 'REGULATOR'
        ? '$1::uuid is not null'
        : principal.organizationType === 'MANUFACTURER'
          ? 'pr.registrant_id = $1'
          : `exists (select 1 from notification n where n.organization_id = $1 and n.kind = 'RECALL' and n.params->>'recallId' = r.id::text)
             or exists (select 1 from ${batchUnitsSql('r.batch_id')} p join facility f on f.id = ${holderFacilitySql('p')}
                         where ${inChainSql('p')} and f.organization_id = $1)`;
    const { rows } = await ctx.pool.query(
      `select r.id from recall r join batch b on b.id = r.batch_id join product pr on pr.id = b.product_id
        where (${scope}) ${one} order by r.created_at desc limit 500`,
      params,
    );
    return rows.map((row) => row.id as string);
  }

  /** Where the units are is for BPOM and the batch's manufacturer; a holder sees its own pull list. */
  mayFollow(ctx: Context, recall: RecallObject): boolean {
    const principal = requirePrincipal(ctx);
    return principal.organizationType === 'REGULATOR' || recall.registrantId === principal.organizationId;
  }

  /**
   * Each facility's part in a recall: what it still holds or has coming (outstanding), what it
   * returned since the recall began, destroyed, and dispensed to patients.
   */
  private async facilityParts(ctx: Context, recall: RecallObject, outstandingAt: Map<string, number>) {
    const { rows: returned } = await ctx.pool.query(
      `select e.facility_id as id, count(distinct ep.pack_id)::int as units
         from event e join event_pack ep on ${EVENT_OF_ROW} join ${batchUnitsSql('$1')} p on p.id = ep.pack_id
        where e.type = 'RETURNED' and e.at >= $2
        group by 1`,
      [recall.batchId, recall.createdAt],
    );
    const { rows: ended } = await ctx.pool.query(
      `select status_by_id as id, count(*) filter (where status = 'DESTROYED')::int as destroyed, count(*) filter (where status = 'DISPENSED')::int as dispensed
         from ${batchUnitsSql('$1')} p where status in ('DESTROYED', 'DISPENSED') and status_by_id is not null
        group by 1`,
      [recall.batchId],
    );
    const parts = new Map<string, { units: number; returned: number; destroyed: number; dispensed: number }>();
    const part = (id: string) => parts.get(id) ?? parts.set(id, { units: 0, returned: 0, destroyed: 0, dispensed: 0 }).get(id)!;
    for (const [id, units] of outstandingAt) part(id).units = units;
    for (const row of returned) part(row.id).returned = row.units;
    for (const row of ended) Object.assign(part(row.id), { destroyed: row.destroyed, dispensed: row.dispensed });
    const top = [...parts].sort((a, b) => b[1].units - a[1].units || b[1].returned - a[1].returned).slice(0, 500);
    const facilities = await Promise.all(top.map(([id]) => ctx.loaders.facility.load(id)));
    return top.map(([, counts], i) => ({ facility: toFacilityObject(facilities[i]!), ...counts }));
  }

  /** Where every unit of the batch is now, by the one definition of `lifecycle/states.ts`. */
  async progress(ctx: Context, recall: RecallObject): Promise<RecallProgress> {
    if (!this.mayFollow(ctx, recall)) throw forbidden('Where a recall’s units are is for BPOM and the manufacturer of the batch');
    const released = `exists (select 1 from event_pack ep join event e on ${EVENT_OF_ROW} join facility sf on sf.id = e.facility_id
                               where ep.pack_id = p.id and e.type = 'SHIPPED' and sf.organization_id = pr.registrant_id)`;
    const { rows } = await ctx.pool.query(
      `select ${recallPositionSql('p', 'f.organization_id', 'pr', released)} as position,
              case when ${inChainSql('p')} then ${holderFacilitySql('p')} end as facility_id, count(*)::int as units
         from ${batchUnitsSql('$1')} p join product pr on pr.id = p.product_id left join facility f on f.id = ${holderFacilitySql('p')}
        group by 1, 2`,
      [recall.batchId],
    );
    const { rows: byStatus } = await ctx.pool.query(
      `select status, count(*)::int as units from ${batchUnitsSql('$1')} p group by status order by status`,
      [recall.batchId],
    );
    const byPosition = new Map<RecallPositionName, number>(RECALL_POSITIONS.map((position) => [position, 0]));
    const outstandingAt = new Map<string, number>();
    for (const row of rows) {
      byPosition.set(row.position, byPosition.get(row.position)! + row.units);
      if (row.position === 'OUTSTANDING') outstandingAt.set(row.facility_id, (outstandingAt.get(row.facility_id) ?? 0) + row.units);
    }
    const sum = (positions: readonly RecallPositionName[]) => positions.reduce((total, position) => total + byPosition.get(position)!, 0);
    const totalUnits = sum(RECALL_POSITIONS);
    const parts = await this.facilityParts(ctx, recall, outstandingAt);
    const { rows: days } = await ctx.pool.query(
      `select to_char(fl.day, 'YYYY-MM-DD') as day, sum(fl.units_in)::int as units
         from flow fl join facility f on f.id = fl.facility_id join batch b on b.id = fl.batch_id join product pr on pr.id = b.product_id
        where fl.batch_id = $1 and f.organization_id = pr.registrant_id and fl.units_in > 0 and fl.day >= $2::date
        group by 1 order by 1`,
      [recall.batchId, this.clock.dayOf(recall.createdAt)],
    );
    let total = 0;
    const recovered = sum(RECOVERED_POSITIONS);
    return {
      totalUnits,
      byPosition: RECALL_POSITIONS.map((position) => ({ position, units: byPosition.get(position)! })),
      byStatus,
      byFacility: parts,
      released: totalUnits - sum(UNRELEASED_POSITIONS),
      recovered,
      returned: recovered,
      outstanding: byPosition.get('OUTSTANDING')!,
      reachedPatients: byPosition.get('DISPENSED')!,
      returnedByDay: days.map((row) => ({ day: row.day, units: row.units, total: (total += row.units) })),
      asOf: new Date(),
    };
  }
}

/** The facilities holding units of a batch now (or receiving them), with how many. */
async function holdersOf(db: Queryable, batchId: string) {
  const { rows } = await db.query(
    `select f.id as "facilityId", f.organization_id as "organizationId", count(*)::int as units
       from ${batchUnitsSql('$1')} p join facility f on f.id = ${holderFacilitySql('p')}
      where ${inChainSql('p')}
      group by f.id`,
    [batchId],
  );
  return rows as Array<{ facilityId: string; organizationId: string; units: number }>;
}
