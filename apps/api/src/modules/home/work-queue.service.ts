import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { ALERT_SEVERITIES, severitySql } from '../alerts/severity.js';
import { addDays, type Clock } from '../lifecycle/clock.js';
import type { WorkItem, WorkKindName } from './work-queue.types.js';

export const EXPIRING_DAYS = 90;

/**
 * What waits for the caller, by what its organisation does: BPOM decides and watches,
 * manufacturers issue and send, distributors and points of dispensing receive, pull and sell.
 * Every count comes from a summary table or an index: Home opens fast whatever the volume.
 */
export class WorkQueueService {
  constructor(private readonly clock: Clock) {}

  async counts(ctx: Context): Promise<WorkItem[]> {
    const principal = requirePrincipal(ctx);
    const org = principal.organizationId;
    const today = this.clock.today();
    const queries: Array<[WorkKindName, string, unknown[]]> = [];
    if (principal.organizationType === 'REGULATOR') {
      queries.push(['REQUESTS_AWAITING_DECISION', `select count(*) from code_request where status = 'REQUESTED'`, []]);
      for (const severity of ALERT_SEVERITIES) {
        queries.push([`ALERTS_${severity}`, `select count(*) from alert a where a.status <> 'CLOSED' and ${severitySql('a')} = $1`, [severity]]);
      }
      queries.push(['ACTIVE_RECALLS', `select count(*) from recall where status = 'OPEN'`, []]);
    } else {
      if (principal.organizationType === 'MANUFACTURER') {
        queries.push([
          'REQUESTS_DECIDED',
          `select count(*) from code_request where organization_id = $1 and status <> 'REQUESTED' and kind = 'REQUEST' and decided_at >= $2`,
          [org, this.since(7)],
        ]);
        queries.push([
          'CODES_NOT_ACTIVATED',
          `select coalesce(sum(greatest(s.issued - s.activated, 0)), 0) from batch_stats s join batch b on b.id = s.batch_id join product pr on pr.id = b.product_id
            where pr.registrant_id = $1 and b.expiry >= $2::date`,
          [org, today],
        ]);
        queries.push([
          'SHIPMENT_DISCREPANCIES',
          `select count(*) from shipment where organization_id = $1 and status = 'RECEIVED_WITH_DISCREPANCIES' and received_at >= $2`,
          [org, this.since(30)],
        ]);
        queries.push([
          'RETURNS_INCOMING',
          `select count(*) from shipment s join facility f on f.id = s.to_id where f.organization_id = $1 and s.kind = 'RETURN' and s.status = 'DISPATCHED'`,
          [org],
        ]);
      }
      queries.push([
        'INCOMING_SHIPMENTS',
        `select count(*) from shipment s join facility f on f.id = s.to_id where f.organization_id = $1 and s.kind = 'SHIPMENT' and s.status in ('DISPATCHED', 'RECEIVED_WITH_DISCREPANCIES')`,
        [org],
      ]);
      queries.push([
        'RECALLED_STOCK',
        `select coalesce(sum(s.units), 0) from stock s join facility f on f.id = s.facility_id join batch b on b.id = s.batch_id
          where f.organization_id = $1 and b.recalled_at is not null`,
        [org],
      ]);
      queries.push([
        'STOCK_EXPIRING',
        `select coalesce(sum(s.units), 0) from stock s join facility f on f.id = s.facility_id join batch b on b.id = s.batch_id
          where f.organization_id = $1 and b.expiry <= $2::date`,
        [org, addDays(today, EXPIRING_DAYS)],
      ]);
    }
    const counts = await Promise.all(queries.map(([, sql, params]) => ctx.pool.query(`select (${sql})::int as n`, params)));
    return queries.map(([kind], i) => ({ kind, count: counts[i]!.rows[0].n }));
  }

  private since(days: number): Date {
    return new Date(this.clock.now().getTime() - days * 86_400_000);
  }
}
