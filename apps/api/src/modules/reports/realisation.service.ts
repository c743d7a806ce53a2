import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { filterWhere } from './reports.service.js';
import type { ReportFilter } from './reports.types.js';
import type { RealisationGroupName, RealisationRow } from './realisation.types.js';

const GROUPS: Record<RealisationGroupName, { key: string; label: string }> = {
  ORGANIZATION: { key: 'o.id::text', label: 'o.name' },
  PRODUCT: { key: 'pr.nie', label: `pr.name || coalesce(' ' || pr.strength, '')` },
  BATCH: { key: `pr.nie || '/' || b.lot`, label: `pr.name || ' — ' || b.lot` },
};

/** The seed's realisation table, summed from counters kept as events happen. */
export class RealisationService {
  async rows(ctx: Context, groupBy: RealisationGroupName, filter?: ReportFilter | null): Promise<RealisationRow[]> {
    const principal = requirePrincipal(ctx);
    const { key, label } = GROUPS[groupBy];
    // Per day and province when the report is narrowed by period or place; else the running totals.
    const daily = Boolean(filter?.from || filter?.to || filter?.province);
    const where = filterWhere(principal, filter, {
      day: 's.day', province: 's.province', nie: 'pr.nie', lot: 'b.lot', registrant: 'pr.registrant_id',
    });
    const { rows } = await ctx.read.query(
      `select ${key} as key, min(${label}) as label,
              sum(s.issued)::int as issued, sum(s.activated)::int as activated,
              sum(s.shipped_to_distributor)::int as "shippedToDistributor",
              sum(s.received_by_distributor)::int as "receivedByDistributor",
              sum(s.shipped_by_distributor)::int as "shippedByDistributor",
              sum(s.received_by_pharmacy)::int as "receivedByPharmacy",
              sum(s.dispensed)::int as dispensed
         from ${daily ? 'realisation_daily' : 'batch_stats'} s
         join batch b on b.id = s.batch_id
         join product pr on pr.id = b.product_id
         join organization o on o.id = pr.registrant_id
        ${where}
        group by 1 order by 2, 1`,
      where.params,
    );
    return rows;
  }
}
