import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { WorkItem } from './work-queue.types.js';

@Resolver()
export class WorkQueueResolver {
  @Authorized()
  @Query(() => [WorkItem], { description: 'The work waiting for your organisation, counted: what Home shows, each linking to its screen.' })
  workQueue(@Ctx() ctx: Context) {
    return ctx.services.workQueue.counts(ctx);
  }
}
