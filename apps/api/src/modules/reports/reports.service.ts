import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { badInput, forbidden } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { toFacilityObject } from '../organizations/organization.types.js';
import { normaliseNie } from '../products/product.service.js';
import { addDays, type Clock } from '../lifecycle/clock.js';
import type {
  ConsumptionReport,
  FlowReport,
  RegionLevelName,
  ReportFilter,
  ShortageReport,
  StockReport,
} from './reports.types.js';

export const NEAR_EXPIRY_DAYS = 90;
export const OVERDUE_DAYS = 7;
const ROW_LIMIT = 2000;

/** SQL conditions and their parameters, built up one filter at a time. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (p: string) => string, value: unknown) {
    this.conditions.push(sql(`$${this.params.push(value)}`));
    return this;
  }
  toString() {
    return this.conditions.length ? `where ${this.conditions.join(' and ')}` : '';
  }
}

/** The report filter checked, with the caller's scope applied to the named columns. */
export interface FilterColumns {
  day?: string;
  province?: string;
  regency?: string;
  nie: string;
  lot?: string;
  registrant: string;
  facility?: string;
  facilityOrg?: string;
}

export function filterWhere(principal: Principal, filter: ReportFilter | null | undefined, columns: FilterColumns): Where {
  const where = new Where();
  if (filter?.from) {
    if (!columns.day) throw badInput('this report has no period', 'from');
    where.add((p) => `${columns.day} >= ${p}::date`, check.isoDate(filter.from, 'from'));
  }
  if (filter?.to) {
    if (!columns.day) throw badInput('this report has no period', 'to');
    where.add((p) => `${columns.day} <= ${p}::date`, check.isoDate(filter.to, 'to'));
  }
  if (filter?.province) where.add((p) => `${columns.province} = ${p}`, check.requiredText(filter.province, 'province', 100));
  if (filter?.regency) {
    if (!columns.regency) throw badInput('this report is not split by regency', 'regency');
    where.add((p) => `${columns.regency} = ${p}`, check.requiredText(filter.regency, 'regency', 100));
  }
  if (filter?.nie) where.add((p) => `${columns.nie} = ${p}`, normaliseNie(filter.nie));
  if (filter?.batch) {
    if (!columns.lot) throw badInput('this report is not split by batch', 'batch');
    where.add((p) => `${columns.lot} = ${p}`, check.requiredText(filter.batch, 'batch', 20));
  }
  if (filter?.organization) where.add((p) => `${columns.registrant} = ${p}::uuid`, check.uuid(filter.organization, 'organization'));
  if (filter?.facility) {
    if (!columns.facility) throw badInput('this report is not split by facility', 'facility');
    where.add((p) => `${columns.facility} = ${p}::uuid`, check.uuid(filter.facility, 'facility'));
  }
  if (principal.organizationType === 'MANUFACTURER') where.add((p) => `${columns.registrant} = ${p}::uuid`, principal.organizationId);
  else if (principal.organizationType !== 'REGULATOR') {
    if (!columns.facilityOrg) throw forbidden('Only BPOM and manufacturers read this report');
    where.add((p) => `${columns.facilityOrg} = ${p}::uuid`, principal.organizationId);
  }
  return where;
}

const REGION_KEY: Record<RegionLevelName, { key: string; label: string; group: string }> = {
  FACILITY: { key: 'f.id::text', label: 'f.name', group: 'f.id' },
  REGENCY: { key: `coalesce(f.province, '') || ' / ' || coalesce(f.regency, '')`, label: `coalesce(f.regency, '-')`, group: 'f.province, f.regency' },
  PROVINCE: { key: `coalesce(f.province, '')`, label: `coalesce(f.province, '-')`, group: 'f.province' },
};

export class ReportsService {
  constructor(private readonly clock: Clock) {}

  /** Units on hand by place, product and batch, with near-expiry stock marked. */
  async stock(ctx: Context, level: RegionLevelName, filter: ReportFilter | null | undefined, nearExpiryDays = NEAR_EXPIRY_DAYS): Promise<StockReport> {
    const principal = requirePrincipal(ctx);
    if (!Number.isInteger(nearExpiryDays) || nearExpiryDays < 0 || nearExpiryDays > 3650) throw badInput('nearExpiryDays must be 0 to 3650', 'nearExpiryDays');
    const where = filterWhere(principal, filter, {
      province: 'f.province', regency: 'f.regency', nie: 'pr.nie', lot: 'b.lot', registrant: 'pr.registrant_id', facility: 'f.id', facilityOrg: 'f.organization_id',
    });
    where.conditions.push('s.units > 0');
    const days = where.params.push(nearExpiryDays);
    const today = where.params.push(this.clock.today());
    const region = REGION_KEY[level];
    const { rows } = await ctx.read.query(
      `select ${region.key} as key, min(${region.label}) as label, ${level === 'FACILITY' ? 'f.id' : 'null'} as facility_id,
              min(f.province) as province, ${level === 'PROVINCE' ? 'null' : 'min(f.regency)'} as regency,
              pr.nie, min(pr.name) as name, b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry,
              sum(s.units)::int as units, b.expiry <= $${today}::date + $${days}::int as near_expiry,
              b.recalled_at is not null as recalled, now() as as_of
         from stock s join facility f on f.id = s.facility_id join batch b on b.id = s.batch_id join product pr on pr.id = b.product_id
        ${where}
        group by ${region.group}, pr.nie, b.id
        order by 2, pr.nie, b.expiry
        limit ${ROW_LIMIT}`,
      where.params,
    );
    return {
      asOf: rows[0]?.as_of ?? (await asOf(ctx)),
      nearExpiryDays,
      rows: await Promise.all(
        rows.map(async (row) => ({
          key: row.key,
          label: row.label,
          facility: row.facility_id ? toFacilityObject((await ctx.loaders.facility.load(row.facility_id))!) : null,
          province: row.province,
          regency: row.regency,
          product: { nie: row.nie, name: row.name },
          batch: row.lot,
          expiry: row.expiry,
          units: row.units,
          nearExpiry: row.near_expiry,
          recalled: row.recalled,
        })),
      ),
    };
  }

  /** Barang masuk & keluar: what went out to whom and came in from whom, and shipments not received in time. */
  async flow(ctx: Context, filter: ReportFilter | null | undefined, overdueDays = OVERDUE_DAYS): Promise<FlowReport> {
    const principal = requirePrincipal(ctx);
    if (!Number.isInteger(overdueDays) || overdueDays < 1 || overdueDays > 365) throw badInput('overdueDays must be 1 to 365', 'overdueDays');
    const where = filterWhere(principal, filter, {
      day: 'fl.day', province: 'f.province', regency: 'f.regency', nie: 'pr.nie', lot: 'b.lot', registrant: 'pr.registrant_id', facility: 'fl.facility_id', facilityOrg: 'f.organization_id',
    });
    const { rows } = await ctx.read.query(
      `select fl.facility_id, fl.counterparty_id, pr.nie, min(pr.name) as name, b.lot,
              sum(fl.units_out)::int as units_out, sum(fl.units_in)::int as units_in
         from flow fl join facility f on f.id = fl.facility_id join batch b on b.id = fl.batch_id join product pr on pr.id = b.product_id
        ${where}
        group by fl.facility_id, fl.counterparty_id, pr.nie, b.id
        order by fl.facility_id, pr.nie, b.lot
        limit ${ROW_LIMIT}`,
      where.params,
    );
    const late = new Where().add((p) => `t.units > 0 and t.day < ${p}::date`, addDays(this.clock.today(), -overdueDays));
    if (filter?.nie) late.add((p) => `pr.nie = ${p}`, normaliseNie(filter.nie));
    if (filter?.province) late.add((p) => `${p} in (sender.province, receiver.province)`, check.requiredText(filter.province, 'province', 100));
    if (filter?.facility) late.add((p) => `${p}::uuid in (t.from_id, t.to_id)`, check.uuid(filter.facility, 'facility'));
    if (principal.organizationType === 'MANUFACTURER') late.add((p) => `pr.registrant_id = ${p}::uuid`, principal.organizationId);
    else if (principal.organizationType !== 'REGULATOR') late.add((p) => `${p}::uuid in (sender.organization_id, receiver.organization_id)`, principal.organizationId);
    const { rows: overdue } = await ctx.read.query(
      `select t.from_id, t.to_id, pr.nie, min(pr.name) as name, b.lot, min(t.day) as since, sum(t.units)::int as units
         from in_transit t
         join facility sender on sender.id = t.from_id join facility receiver on receiver.id = t.to_id
         join batch b on b.id = t.batch_id join product pr on pr.id = b.product_id
        ${late}
        group by 1, 2, pr.nie, b.id
        order by since
        limit ${ROW_LIMIT}`,
      late.params,
    );
    const facility = async (id: string) => toFacilityObject((await ctx.loaders.facility.load(id))!);
    const flowRows = [];
    for (const row of rows) {
      for (const [direction, units] of [['OUT', row.units_out], ['IN', row.units_in]] as const) {
        if (units > 0) {
          flowRows.push({
            direction,
            facility: await facility(row.facility_id),
            counterparty: await facility(row.counterparty_id),
            product: { nie: row.nie, name: row.name },
            batch: row.lot,
            units,
          });
        }
      }
    }
    return {
      asOf: await asOf(ctx),
      rows: flowRows,
      overdueDays,
      overdue: await Promise.all(
        overdue.map(async (row) => ({
          from: await facility(row.from_id),
          to: await facility(row.to_id),
          product: { nie: row.nie, name: row.name },
          batch: row.lot,
          since: row.since,
          units: row.units,
        })),
      ),
    };
  }

  /** Regencies where a product's stock lasts fewer than `thresholdDays` at the recent dispensing rate. */
  async shortages(ctx: Context, filter: ReportFilter | null | undefined, thresholdDays = 14, windowDays = 30): Promise<ShortageReport> {
    const principal = requirePrincipal(ctx);
    if (!Number.isInteger(thresholdDays) || thresholdDays < 1 || thresholdDays > 365) throw badInput('thresholdDays must be 1 to 365', 'thresholdDays');
    if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 365) throw badInput('windowDays must be 1 to 365', 'windowDays');
    const where = filterWhere(principal, { ...filter, from: null, to: null }, {
      province: 'c.province', regency: 'c.regency', nie: 'pr.nie', registrant: 'pr.registrant_id',
    });
    const w = where.params.push(windowDays);
    const t = where.params.push(thresholdDays);
    const since = where.params.push(addDays(this.clock.today(), -windowDays));
    const { rows } = await ctx.read.query(
      `with rate as (
         select c.product_id, c.province, c.regency, sum(c.units)::float8 / $${w} as daily
           from consumption c join product pr on pr.id = c.product_id
          ${where.toString() ? `${where} and` : 'where'} c.day > $${since}::date
          group by 1, 2, 3
       )
       select r.province, r.regency, pr.nie, pr.name, coalesce(s.units, 0) as stock, r.daily, coalesce(s.units, 0) / r.daily as cover
         from rate r join product pr on pr.id = r.product_id
         left join stock_region s on s.product_id = r.product_id and s.province = r.province and s.regency = r.regency
        where r.daily > 0 and coalesce(s.units, 0) / r.daily < $${t}
        order by cover, r.province, r.regency
        limit ${ROW_LIMIT}`,
      where.params,
    );
    return {
      asOf: await asOf(ctx),
      thresholdDays,
      windowDays,
      rows: rows.map((row) => ({
        province: row.province,
        regency: row.regency,
        product: { nie: row.nie, name: row.name },
        stock: row.stock,
        dailyRate: Math.round(row.daily * 100) / 100,
        daysOfCover: Math.round(row.cover * 10) / 10,
      })),
    };
  }

  /** Dispensed units per region and month. */
  async consumption(ctx: Context, level: 'PROVINCE' | 'REGENCY', filter: ReportFilter | null | undefined): Promise<ConsumptionReport> {
    const principal = requirePrincipal(ctx);
    // Whole months from the monthly roll-up; a period that starts or ends inside a month reads the days.
    const byMonth = isMonthStart(filter?.from) && isMonthEnd(filter?.to);
    const where = filterWhere(principal, filter, {
      day: byMonth ? 'c.month' : 'c.day', province: 'c.province', regency: 'c.regency', nie: 'pr.nie', registrant: 'pr.registrant_id',
    });
    const regency = level === 'REGENCY' ? 'c.regency' : 'null::text';
    const { rows } = await ctx.read.query(
      `select to_char(date_trunc('month', c.${byMonth ? 'month' : 'day'}), 'YYYY-MM') as month, c.province, ${regency} as regency, pr.nie,
              min(pr.name) as name, sum(c.units)::int as units
         from ${byMonth ? 'consumption_monthly' : 'consumption'} c join product pr on pr.id = c.product_id
        ${where}
        group by 1, 2, 3, pr.nie
        having sum(c.units) > 0
        order by 1, 2, 3, pr.nie
        limit ${ROW_LIMIT}`,
      where.params,
    );
    return {
      asOf: await asOf(ctx),
      rows: rows.map((row) => ({ month: row.month, province: row.province, regency: row.regency, product: { nie: row.nie, name: row.name }, units: row.units })),
    };
  }
}

const isMonthStart = (date: string | null | undefined) => !date || date.endsWith('-01');
const isMonthEnd = (date: string | null | undefined) => {
  if (!date) return true;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

async function asOf(ctx: Context): Promise<Date> {
  return (await ctx.read.query('select now() as at')).rows[0].at;
}
