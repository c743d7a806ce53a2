import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow, requirePrincipal } from '../../shared/auth.js';
import { LedgerCheck, LedgerDay } from './ledger.types.js';
import { dayFields, type PublishedDay } from './ledger.service.js';

const CHECK = 'Recomputes the ledger from the tables for the UTC days from `from` to `to` (YYYY-MM-DD, each optional) and names the first event that does not match. Recorded; a mismatch raises a critical alert.';

const toDay = (day: PublishedDay): LedgerDay => ({ ...dayFields(day), publishedAt: day.publishedAt });

@Resolver()
export class LedgerResolver {
  @Authorized(Allow.bpom)
  @Query(() => LedgerCheck, { description: CHECK })
  verifyLedger(@Ctx() ctx: Context, @Arg('from', () => String, { nullable: true }) from: string | null, @Arg('to', () => String, { nullable: true }) to: string | null) {
    const principal = requirePrincipal(ctx);
    return ctx.services.ledger.check(ctx.pool, { from, to }, principal.kind === 'user' ? principal.id : null);
  }

  @Authorized(Allow.bpom)
  @Mutation(() => LedgerCheck, { name: 'verifyLedger', description: `${CHECK} The same as the query of this name.` })
  verifyLedgerMutation(
    @Ctx() ctx: Context,
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
  ) {
    return this.verifyLedger(ctx, from, to);
  }

  @Authorized(Allow.bpom)
  @Query(() => [LedgerDay], { description: 'The published days, newest first.' })
  async ledgerDays(@Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true }) first: number | null) {
    return (await ctx.services.ledger.days(ctx.pool, Math.min(Math.max(first ?? 30, 1), 366))).map(toDay);
  }

  @Authorized(Allow.bpom)
  @Query(() => LedgerCheck, { nullable: true, description: 'The last check of the ledger, by anyone (verifyLedger, npm run ledger:verify, or publishing).' })
  lastLedgerCheck(@Ctx() ctx: Context) {
    return ctx.services.ledger.lastCheck(ctx.pool);
  }
}
