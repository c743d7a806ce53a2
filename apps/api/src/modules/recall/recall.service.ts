import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { toFacilityObject } from '../organizations/organization.types.js';
import type { Clock } from '../lifecycle/clock.js';
import {
  RECALL_POSITIONS,
  RECOVERED_POSITIONS,
  UNRELEASED_POSITIONS,
  holderFacilitySql,
  inChainSql,
  recallPositionSql,
  type RecallPositionName,
} from '../lifecycle/states.js';
import { Batch } from '../products/batch.entity.js';
import { normaliseNie } from '../products/product.service.js';
import { Recall, type RecallClass } from './recall.entity.js';
import type { RecallObject, RecallProgress } from './recall.types.js';

export class RecallService {
  constructor(private readonly clock: Clock) {}

  /** Recalls a batch; from then on it is not dispensed and only moves back towards the manufacturer. */
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
    const open = await ctx.em.findOne(Recall, { batch, status: 'OPEN' }, { populate: ['batch.product'] });
    if (open) return open;
    const recall = ctx.em.create(Recall, {
      batch,
      reason,
      class: recallClass,
      status: 'OPEN',
      organization: principal.organizationId,
      user: principal.kind === 'user' ? principal.id : null,
      createdAt: this.clock.now(),
    });
    batch.recalledAt = this.clock.now();
    await ctx.em.flush();
    return recall;
  }

  async byId(ctx: Context, id: string): Promise<Recall | null> {
    const principal = requirePrincipal(ctx);
    const recall = await ctx.em.findOne(Recall, check.uuid(id, 'id'), { populate: ['batch.product'] });
    if (!recall) return null;
    const visible = principal.organizationType === 'REGULATOR' || recall.batch.product.registrant.id === principal.organizationId;
    return visible ? recall : null;
  }

  async list(ctx: Context): Promise<Recall[]> {
    const principal = requirePrincipal(ctx);
    const where = principal.organizationType === 'REGULATOR' ? {} : { batch: { product: { registrant: principal.organizationId } } };
    return ctx.em.find(Recall, where, { populate: ['batch.product'], orderBy: { createdAt: 'desc' }, limit: 500 });
  }

  /** Where every unit of the batch is now, by the one definition of `lifecycle/states.ts`. */
  async progress(ctx: Context, recall: RecallObject): Promise<RecallProgress> {
    const released = `exists (select 1 from event_pack ep join event e on e.id = ep.event_id join facility sf on sf.id = e.facility_id
                               where ep.pack_id = p.id and e.type = 'SHIPPED' and sf.organization_id = pr.registrant_id)`;
    const { rows } = await ctx.pool.query(
      `select ${recallPositionSql('p', 'f.organization_id', 'pr', released)} as position,
              case when ${inChainSql('p')} then ${holderFacilitySql('p')} end as facility_id, count(*)::int as units
         from pack p join product pr on pr.id = p.product_id left join facility f on f.id = ${holderFacilitySql('p')}
        where p.batch_id = $1 and p.level = 'UNIT'
        group by 1, 2`,
      [recall.batchId],
    );
    const { rows: byStatus } = await ctx.pool.query(
      `select status, count(*)::int as units from pack where batch_id = $1 and level = 'UNIT' group by status order by status`,
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
    const top = [...outstandingAt].sort((a, b) => b[1] - a[1]).slice(0, 500);
    const facilities = await Promise.all(top.map(([id]) => ctx.loaders.facility.load(id)));
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
      byFacility: top.map(([, units], i) => ({ facility: toFacilityObject(facilities[i]!), units })),
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
