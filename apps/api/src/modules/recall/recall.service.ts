import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { toFacilityObject } from '../organizations/organization.types.js';
import { MILESTONES } from '../packs/milestones.js';
import { Batch } from '../products/batch.entity.js';
import { normaliseNie } from '../products/product.service.js';
import { Recall, type RecallClass } from './recall.entity.js';
import type { RecallObject, RecallProgress } from './recall.types.js';

export class RecallService {
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
      createdAt: new Date(),
    });
    batch.recalledAt = new Date();
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

  async progress(ctx: Context, recall: RecallObject): Promise<RecallProgress> {
    const { rows: byStatus } = await ctx.pool.query(
      `select status, count(*)::int as units from pack where batch_id = $1 and level = 'UNIT' group by status order by status`,
      [recall.batchId],
    );
    const { rows: byFacility } = await ctx.pool.query(
      `select coalesce(destination_id, custodian_id) as facility_id, count(*)::int as units
         from pack where batch_id = $1 and level = 'UNIT' and status in ('ACTIVE', 'IN_TRANSIT')
        group by 1 order by 2 desc limit 500`,
      [recall.batchId],
    );
    const { rows: [counts] } = await ctx.pool.query(
      `select count(*) filter (where (p.milestones & $2) <> 0 and (p.status = 'DESTROYED' or (p.status = 'ACTIVE' and f.organization_id = pr.registrant_id)))::int as returned,
              count(*) filter (where p.status in ('ACTIVE', 'IN_TRANSIT') and f.organization_id is distinct from pr.registrant_id)::int as outstanding
         from pack p join product pr on pr.id = p.product_id left join facility f on f.id = p.custodian_id
        where p.batch_id = $1 and p.level = 'UNIT'`,
      [recall.batchId, MILESTONES.shippedToDistributor],
    );
    const facilities = await Promise.all(byFacility.map((row) => ctx.loaders.facility.load(row.facility_id)));
    const { rows: days } = await ctx.pool.query(
      `select to_char(fl.day, 'YYYY-MM-DD') as day, sum(fl.units_in)::int as units, now() as as_of
         from flow fl join facility f on f.id = fl.facility_id join batch b on b.id = fl.batch_id join product pr on pr.id = b.product_id
        where fl.batch_id = $1 and f.organization_id = pr.registrant_id and fl.units_in > 0 and fl.day >= $2::date
        group by 1 order by 1`,
      [recall.batchId, recall.createdAt.toISOString().slice(0, 10)],
    );
    let total = 0;
    return {
      totalUnits: byStatus.reduce((sum, row) => sum + row.units, 0),
      byStatus,
      byFacility: byFacility.map((row, i) => ({ facility: toFacilityObject(facilities[i]!), units: row.units })),
      returned: counts.returned,
      outstanding: counts.outstanding,
      returnedByDay: days.map((row) => ({ day: row.day, units: row.units, total: (total += row.units) })),
      asOf: new Date(),
    };
  }
}
