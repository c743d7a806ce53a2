import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import type { Recall, RecallClass as RecallClassName } from './recall.entity.js';
import { RecallClass, RecallObject, RecallProgress } from './recall.types.js';

const toRecallObject = (recall: Recall): RecallObject => ({
  id: recall.id,
  status: recall.status,
  reason: recall.reason,
  class: recall.class,
  nie: recall.batch.product.nie,
  batch: recall.batch.lot,
  createdAt: recall.createdAt,
  batchId: recall.batch.id,
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

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => RecallObject, { nullable: true })
  async recall(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    const recall = await ctx.services.recalls.byId(ctx, id);
    return recall && toRecallObject(recall);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => [RecallObject], { description: 'Newest first.' })
  async recalls(@Ctx() ctx: Context) {
    return (await ctx.services.recalls.list(ctx)).map(toRecallObject);
  }

  @FieldResolver(() => RecallProgress, { description: 'Where every unit of the batch is now, and how many came back.' })
  progress(@Root() recall: RecallObject, @Ctx() ctx: Context) {
    return ctx.services.recalls.progress(ctx, recall);
  }
}
