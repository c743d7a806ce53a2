import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { PackObject, Trace } from './pack.types.js';

@Resolver()
export class TraceResolver {
  @Authorized()
  @Query(() => PackObject, { nullable: true, description: 'The pack a code names, where it is and in what state; null when there is none or it is not yours to see.' })
  pack(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return ctx.services.trace.pack(ctx, code);
  }

  @Authorized()
  @Query(() => Trace, { description: 'A pack, its parent and children, and its whole history, oldest first.' })
  trace(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return ctx.services.trace.trace(ctx, code);
  }
}
