import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import type { OrganizationType } from '../../shared/auth.js';
import { MAX_CLOCK_SKEW_MS } from './clock.js';
import { LifecycleObject } from './lifecycle.types.js';
import { ACTORS, DESTINATIONS, EXPIRY_BLOCKS, MOVEMENT_KINDS, RECALL_BLOCKS } from './policy.js';
import { DECOMMISSION_REASONS, UNDO_WINDOW_DAYS } from './states.js';

@Resolver()
export class LifecycleResolver {
  @Authorized()
  @Query(() => LifecycleObject, { description: 'Who may do what, where packs may go, and the time limits: the screens ask, never guess.' })
  lifecycle(@Ctx() ctx: Context): LifecycleObject {
    const { clock } = ctx.services;
    return {
      movements: MOVEMENT_KINDS.map((movement) => ({
        movement,
        actors: [...ACTORS[movement]],
        blockedByRecall: RECALL_BLOCKS.includes(movement),
        blockedByExpiry: EXPIRY_BLOCKS.includes(movement),
      })),
      routes: (['ship', 'returnPacks'] as const).flatMap((movement) =>
        Object.entries(DESTINATIONS[movement]).flatMap(([from, targets]) => (targets ?? []).map((to) => ({ movement, from: from as OrganizationType, to }))),
      ),
      decommissionReasons: [...DECOMMISSION_REASONS],
      undoWindowDays: UNDO_WINDOW_DAYS,
      reportedWindowDays: clock.reportedWindowDays,
      clockSkewMinutes: MAX_CLOCK_SKEW_MS / 60_000,
      reportTimeZone: clock.timeZone,
    };
  }
}
