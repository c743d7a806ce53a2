import { Arg, Args, ArgsType, Authorized, Ctx, Field, Float, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import {
  BulkResult,
  DecommissionReason,
  RequestActivation,
  EventSource,
  type DecommissionReasonName,
  type EventSourceName,
} from './pack.types.js';

@ArgsType()
export class MovementArgs {
  @Field(() => ID, { nullable: true, description: 'Which of your facilities acts; defaults to your organisation’s first.' })
  facility?: string | null;
  @Field(() => EventSource, { nullable: true, description: 'SCAN from a scanner screen; API by default.' })
  source?: EventSourceName | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When it happened, if not now: no more than a few minutes ahead, within the reporting window (lifecycle.reportedWindowDays), and not before the last recorded event of any pack named.',
  })
  at?: Date | null;
}

const CODES = { description: 'Codes in any accepted form; a case or pallet stands for everything inside it.' };
const toOptions = (args: MovementArgs) => ({ ...args, facilityId: args.facility });

@Resolver()
export class MovementResolver {
  @Authorized(Allow.industry)
  @Mutation(() => BulkResult, { description: 'Commissions printed codes: ISSUED becomes ACTIVE in your custody.' })
  activate(@Ctx() ctx: Context, @Arg('codes', () => [String], CODES) codes: string[], @Args(() => MovementArgs) args: MovementArgs) {
    return ctx.services.movements.move(ctx, { kind: 'activate' }, codes, toOptions(args));
  }

  @Authorized(Allow.industry)
  @Mutation(() => RequestActivation, {
    description:
      'Activates the codes of one of your issued requests a step at a time (each step its own transaction): call with `after` = the last `endCursor` until `hasMore` is false.',
  })
  activateCodeRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Codes in this step: 1 to 20,000; 5,000 when not given.' }) first: number | null,
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.movements.activateRequest(ctx, id, after, first, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Puts packs into a case or pallet (or a new SSCC).' })
  aggregate(
    @Ctx() ctx: Context,
    @Arg('parent', () => String) parent: string,
    @Arg('children', () => [String]) children: string[],
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.aggregation.aggregate(ctx, parent, children, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Takes packs out of a case or pallet; without children, all of them.' })
  disaggregate(
    @Ctx() ctx: Context,
    @Arg('parent', () => String) parent: string,
    @Arg('children', () => [String], { nullable: true }) children: string[] | null,
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.aggregation.disaggregate(ctx, parent, children, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, {
    description:
      'Sends packs you hold to another facility: IN_TRANSIT until it receives them. With `shipment` (an open one, see openShipment) the packs are added to it and move when it is dispatched; without it the call is a shipment of its own.',
  })
  ship(
    @Ctx() ctx: Context,
    @Arg('codes', () => [String], CODES) codes: string[],
    @Arg('to', () => ID) to: string,
    @Arg('shipment', () => ID, { nullable: true }) shipment: string | null,
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.shipments.ship(ctx, codes, to, shipment, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Takes over packs shipped to your facility.' })
  receive(@Ctx() ctx: Context, @Arg('codes', () => [String], CODES) codes: string[], @Args(() => MovementArgs) args: MovementArgs) {
    return ctx.services.movements.move(ctx, { kind: 'receive' }, codes, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Sends packs back up the chain, as a return shipment (RT-…); recalled packs may only go this way.' })
  returnPacks(
    @Ctx() ctx: Context,
    @Arg('codes', () => [String], CODES) codes: string[],
    @Arg('to', () => ID) to: string,
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.shipments.returnPacks(ctx, codes, to, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Hands packs to patients (pharmacies, hospitals, Puskesmas).' })
  dispense(@Ctx() ctx: Context, @Arg('codes', () => [String], CODES) codes: string[], @Args(() => MovementArgs) args: MovementArgs) {
    return ctx.services.movements.move(ctx, { kind: 'dispense' }, codes, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Takes packs out of the supply chain for a reason.' })
  decommission(
    @Ctx() ctx: Context,
    @Arg('codes', () => [String], CODES) codes: string[],
    @Arg('reason', () => DecommissionReason) reason: DecommissionReasonName,
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.movements.move(ctx, { kind: 'decommission', reason }, codes, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Reverts a dispense, sample or export within the undo window (lifecycle.undoWindowDays), or a lock at any time.' })
  undo(@Ctx() ctx: Context, @Arg('codes', () => [String], CODES) codes: string[], @Args(() => MovementArgs) args: MovementArgs) {
    return ctx.services.movements.move(ctx, { kind: 'undo' }, codes, toOptions(args));
  }
}
