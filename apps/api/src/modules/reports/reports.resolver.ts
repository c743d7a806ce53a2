import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { badInput } from '../../shared/errors.js';
import { ConsumptionReport, FlowReport, RegionLevel, ReportFilter, ShortageReport, StockReport, type RegionLevelName } from './reports.types.js';

@Resolver()
export class ReportsResolver {
  @Authorized()
  @Query(() => StockReport, { description: 'Stock on hand. BPOM sees everything, a manufacturer its products, others their facilities.' })
  stock(
    @Ctx() ctx: Context,
    @Arg('level', () => RegionLevel, { defaultValue: 'FACILITY' }) level: RegionLevelName,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | null,
    @Arg('nearExpiryDays', () => Int, { defaultValue: 90 }) nearExpiryDays: number,
  ) {
    return ctx.services.reports.stock(ctx, level, filter, nearExpiryDays);
  }

  @Authorized()
  @Query(() => FlowReport, { description: 'Barang masuk & keluar per facility, with shipments not received within overdueDays.' })
  goodsFlow(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | null,
    @Arg('overdueDays', () => Int, { defaultValue: 7 }) overdueDays: number,
  ) {
    return ctx.services.reports.flow(ctx, filter, overdueDays);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => ShortageReport, { description: 'Regencies where a product lasts fewer than thresholdDays at the dispensing rate of the last windowDays.' })
  shortages(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | null,
    @Arg('thresholdDays', () => Int, { defaultValue: 14 }) thresholdDays: number,
    @Arg('windowDays', () => Int, { defaultValue: 30 }) windowDays: number,
  ) {
    return ctx.services.reports.shortages(ctx, filter, thresholdDays, windowDays);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => ConsumptionReport, { description: 'Dispensed units per province (or regency) and month.' })
  consumption(
    @Ctx() ctx: Context,
    @Arg('level', () => RegionLevel, { defaultValue: 'PROVINCE' }) level: RegionLevelName,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | null,
  ) {
    if (level === 'FACILITY') throw badInput('consumption is counted per regency or province, not per facility', 'level');
    return ctx.services.reports.consumption(ctx, level, filter);
  }
}
