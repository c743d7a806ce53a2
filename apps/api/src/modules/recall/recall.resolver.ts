import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import type { Recall, RecallClass as RecallClassName } from './recall.entity.js';
import { PullItem, RecallClass, RecallObject, RecallProgress } from './recall.types.js';

const toRecallObject = (recall: Recall): RecallObject => ({
  id: recall.id,
  status: recall.status,
  reason: recall.reason,
  class: recall.class,
  nie: recall.batch.product.nie,
  batch: recall.batch.lot,
  createdAt: recall.createdAt,
  closedAt: recall.closedAt,
  productName: recall.batch.product.name,
  batchId: recall.batch.id,
  registrantId: recall.batch.product.registrant.id,
});

@Resolver(() => RecallObject)
export class RecallResolver {
  @Authorized(Allow.bpom, Allow.industry)
  @Mutation(() => RecallObject, { description: 'Recalls a batch (BPOM, or its manufacturer). Repeating it returns the open recall.' })
  async recallBatch(
    @Ctx() ctx: Context,
    @Arg('nie', () => String) nie: string,
    @Arg('batch', () => String) batch: string,
    @Arg('reason', () => String) reason: string,
    @Arg('class', () => RecallClass, { nullable: true }) recallClass: RecallClassName | null,
  ) {
    return toRecallObject(await ctx.services.recalls.recallBatch(ctx, nie, batch, reason, recallClass ?? null));
  }

  @Authorized()
  @Query(() => RecallObject, { nullable: true, description: 'BPOM sees every recall, a manufacturer those of its products, anyone else those that reached it.' })
  async recall(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    const recall = await ctx.services.recalls.byId(ctx, id);
    return recall && toRecallObject(recall);
  }

  @Authorized()
  @Query(() => [RecallObject], { description: 'Newest first: for BPOM all, for a manufacturer those of its products, for anyone else those that reached it.' })
  async recalls(@Ctx() ctx: Context) {
    return (await ctx.services.recalls.list(ctx)).map(toRecallObject);
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => RecallObject, { description: 'BPOM closes a recall that is done; the batch stays recalled.' })
  async closeRecall(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return toRecallObject(await ctx.services.recalls.close(ctx, id));
  }

  @FieldResolver(() => [PullItem], {
    description: 'What your facilities (or, for BPOM, the facility named) must pull of this batch: each unit under the outermost case or pallet holding it.',
  })
  pullList(@Root() recall: RecallObject, @Ctx() ctx: Context, @Arg('facility', () => ID, { nullable: true }) facility: string | null) {
    return ctx.services.recalls.pullList(ctx, recall, facility);
  }

  @FieldResolver(() => RecallProgress, { description: 'Where every unit of the batch is now, and how many came back: for BPOM and the manufacturer.' })
  progress(@Root() recall: RecallObject, @Ctx() ctx: Context) {
    return ctx.services.recalls.progress(ctx, recall);
  }
}
