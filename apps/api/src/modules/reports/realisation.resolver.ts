import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { RealisationGroup, RealisationRow, type RealisationGroupName } from './realisation.types.js';
import { ReportFilter } from './reports.types.js';

@Resolver()
export class RealisationResolver {
  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => [RealisationRow], { description: 'Realisasi: BPOM sees every manufacturer, a manufacturer its own products.' })
  realisation(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => RealisationGroup) groupBy: RealisationGroupName,
    @Arg('filter', () => ReportFilter, { nullable: true, description: 'Period and province count what happened then and there.' })
    filter: ReportFilter | null,
  ) {
    return ctx.services.realisation.rows(ctx, groupBy, filter);
  }
}
