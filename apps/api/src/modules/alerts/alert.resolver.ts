import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow, Public } from '../../shared/auth.js';
import {
  AlertBulkResult,
  AlertCommentObject,
  AlertConnection,
  AlertFilterInput,
  AlertObject,
  AlertResolution,
  AlertStatus,
  ComplaintObject,
  type AlertResolutionName,
  type AlertStatusName,
} from './alert.types.js';

@Resolver(() => AlertObject)
export class AlertResolver {
  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => [AlertObject], { description: 'BPOM’s inbox, newest first; a manufacturer sees the alerts about its own products.' })
  alerts(
    @Ctx() ctx: Context,
    @Arg('status', () => AlertStatus, { nullable: true }) status: AlertStatusName | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ) {
    return ctx.services.alerts.list(ctx, status, first ?? 100);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => AlertConnection, {
    description: 'The inbox a page at a time, newest first, filtered: BPOM sees every alert, a manufacturer the alerts about its own products.',
  })
  alertConnection(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200; 50 when not given.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AlertFilterInput, { nullable: true }) filter: AlertFilterInput | null,
  ) {
    return ctx.services.alerts.page(ctx, filter ?? {}, first, after);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => AlertObject, { nullable: true })
  alert(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.alerts.byId(ctx, id);
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => AlertObject, { description: 'Gives an alert to a BPOM user; by default to the caller.' })
  assignAlert(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('userId', () => ID, { nullable: true }) userId: string | null) {
    return ctx.services.alerts.assign(ctx, id, userId);
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => AlertBulkResult, { description: 'Gives many alerts (at most 500) to one BPOM user; by default to the caller. Closed ones are skipped.' })
  assignAlerts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[], @Arg('userId', () => ID, { nullable: true }) userId: string | null) {
    return ctx.services.alerts.assignMany(ctx, ids, userId);
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => AlertBulkResult, { description: 'Closes many alerts (at most 500) with one finding and comment, all or none.' })
  closeAlerts(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('resolution', () => AlertResolution) resolution: AlertResolutionName,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return ctx.services.alerts.closeMany(ctx, ids, resolution, comment);
  }

  @Authorized(Allow.bpom)
  @Mutation(() => AlertCommentObject)
  commentAlert(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('text', () => String) text: string) {
    return ctx.services.alerts.comment(ctx, id, text);
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => AlertObject, { description: 'Closes an alert as a false alarm, a confirmed falsification or a diversion.' })
  closeAlert(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('resolution', () => AlertResolution) resolution: AlertResolutionName,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return ctx.services.alerts.close(ctx, id, resolution, comment);
  }

  @FieldResolver(() => [AlertCommentObject])
  comments(@Root() alert: AlertObject, @Ctx() ctx: Context) {
    return ctx.services.alerts.comments(ctx, alert.id);
  }

  @FieldResolver(() => [ComplaintObject], { description: 'Reports from the public about the same code.' })
  complaints(@Root() alert: AlertObject, @Ctx() ctx: Context) {
    return ctx.services.complaints.list(ctx, alert.id);
  }

  @Authorized(Allow.bpom)
  @Query(() => [ComplaintObject], { name: 'complaints', description: 'Reports from the public, newest first.' })
  complaintInbox(@Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true }) first: number | null) {
    return ctx.services.complaints.list(ctx, null, first ?? 100);
  }

  @Public()
  @Mutation(() => ComplaintObject, { description: 'Anyone reports a suspected fake: a description, an optional photo (JPEG, PNG or WebP, base64, at most 2 MB; a few per device and day) and a place.' })
  reportSuspect(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('description', () => String, { nullable: true }) description: string | null,
    @Arg('latitude', () => Float, { nullable: true }) latitude: number | null,
    @Arg('longitude', () => Float, { nullable: true }) longitude: number | null,
    @Arg('photo', () => String, { nullable: true }) photo: string | null,
  ) {
    return ctx.services.complaints.report(ctx, { code, description, latitude, longitude, photo });
  }
}
