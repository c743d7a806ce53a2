import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import type { InspectionStatusName } from './inspection.entity.js';
import { InspectionFinding, InspectionObject, InspectionRead, InspectionStatus, InspectionSummary } from './inspection.types.js';

/** Who inspects: BPOM's inspectors and supervisors. */
const INSPECTORS = ['REGULATOR:INSPECTOR', 'REGULATOR:SUPERVISOR'] as const;

@Resolver(() => InspectionObject)
export class InspectionResolver {
  @Authorized(...INSPECTORS)
  @Mutation(() => InspectionObject, { description: 'A BPOM inspector opens a visit at a facility.' })
  openInspection(@Ctx() ctx: Context, @Arg('facility', () => ID) facility: string) {
    return ctx.services.inspections.open(ctx, facility);
  }

  @Authorized(...INSPECTORS)
  @Mutation(() => InspectionRead, {
    description: 'Records a pack read during your open visit, with its verdict and custody. A pack already read comes back marked `repeated`, recorded once.',
  })
  recordInspectionRead(
    @Ctx() ctx: Context,
    @Arg('inspection', () => ID) inspection: string,
    @Arg('code', () => String) code: string,
    @Arg('latitude', () => Float, { nullable: true }) latitude: number | null,
    @Arg('longitude', () => Float, { nullable: true }) longitude: number | null,
  ) {
    return ctx.services.inspections.record(ctx, inspection, code, latitude, longitude);
  }

  @Authorized(...INSPECTORS)
  @Mutation(() => InspectionFinding, { description: 'Notes a finding in your open visit, with an optional photo (base64 or a data: URL; JPEG, PNG or WebP, at most 2 MB).' })
  addInspectionFinding(
    @Ctx() ctx: Context,
    @Arg('inspection', () => ID) inspection: string,
    @Arg('text', () => String) text: string,
    @Arg('photo', () => String, { nullable: true }) photo: string | null,
  ) {
    return ctx.services.inspections.addFinding(ctx, inspection, text, photo);
  }

  @Authorized(...INSPECTORS)
  @Mutation(() => InspectionObject, { description: 'Closes your open visit; its summary is then final.' })
  closeInspection(@Ctx() ctx: Context, @Arg('inspection', () => ID) inspection: string) {
    return ctx.services.inspections.close(ctx, inspection);
  }

  @Authorized(Allow.bpom)
  @Query(() => InspectionObject, { nullable: true, description: 'One visit (BPOM). Exported as CSV at GET /api/inspections/{id}.csv.' })
  inspection(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.inspections.byId(ctx, id);
  }

  @Authorized(Allow.bpom)
  @Query(() => [InspectionObject], { description: 'Visits, newest first (BPOM).' })
  inspections(
    @Ctx() ctx: Context,
    @Arg('facility', () => ID, { nullable: true }) facility: string | null,
    @Arg('status', () => InspectionStatus, { nullable: true }) status: InspectionStatusName | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
  ) {
    return ctx.services.inspections.list(ctx, { facility, status, first });
  }

  @FieldResolver(() => [InspectionRead], { description: 'Every pack read, in the order read.' })
  reads(@Root() visit: InspectionObject, @Ctx() ctx: Context) {
    return ctx.services.inspections.reads(ctx, visit.id);
  }

  @FieldResolver(() => [InspectionFinding])
  findings(@Root() visit: InspectionObject, @Ctx() ctx: Context) {
    return ctx.services.inspections.findings(ctx, visit.id);
  }

  @FieldResolver(() => InspectionSummary)
  summary(@Root() visit: InspectionObject, @Ctx() ctx: Context) {
    return ctx.services.inspections.summary(ctx, visit.id);
  }
}
