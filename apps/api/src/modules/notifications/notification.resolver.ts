import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { NotificationList } from './notification.types.js';

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationList, { description: 'What needs your organisation’s attention, newest first, with how many you have not read.' })
  notifications(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ) {
    return ctx.services.notifications.list(ctx, unreadOnly ?? false, first ?? 50);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks notifications read for you: those named, or all. Answers how many were newly marked.' })
  markNotificationsRead(@Ctx() ctx: Context, @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null) {
    return ctx.services.notifications.markRead(ctx, ids);
  }
}
