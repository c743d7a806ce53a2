import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { PackObject, Trace } from './pack.types.js';
import { PackConnection, TraceSearchInput } from './trace.types.js';

@Resolver()
export class TraceResolver {
  @Authorized()
  @Query(() => PackObject, { nullable: true, description: 'The pack a code names, where it is and in what state; null when there is none or it is not yours to see.' })
  pack(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return ctx.services.trace.pack(ctx, code);
  }

  @Authorized()
  @Query(() => PackConnection, {
    description: 'Packs by product, batch, facility and the days of their events, in issue order, a page at a time: BPOM finds any, a manufacturer its own products’ packs, others the packs they handled.',
  })
  traceSearch(
    @Ctx() ctx: Context,
    @Arg('filter', () => TraceSearchInput) filter: TraceSearchInput,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200; 50 when not given.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.trace.search(ctx, filter, first, after);
  }

  @Authorized()
  @Query(() => Trace, { description: 'A pack, its parent and children, and its whole history, oldest first.' })
  trace(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return ctx.services.trace.trace(ctx, code);
  }
}
