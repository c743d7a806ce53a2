import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { PasswordChange, SessionObject, toSessionObject, toUserObject } from './auth.types.js';

/** A logged-in user's own account: the password and the logins. */
@Resolver()
export class AccountResolver {
  @Authorized()
  @Mutation(() => PasswordChange, {
    description:
      'Your new password (10 to 256 characters, not a common one, not your email or name). currentPassword is required, except in a login made with a temporary password. Your other logins end.',
  })
  async changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String, { nullable: true }) currentPassword: string | null | undefined,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<PasswordChange> {
    const { user, sessionsEnded } = await ctx.services.account.changePassword(ctx, currentPassword, newPassword);
    return { user: toUserObject(user), sessionsEnded };
  }

  @Authorized()
  @Query(() => [SessionObject], { description: 'Your logins that have not ended, newest first.' })
  async mySessions(@Ctx() ctx: Context): Promise<SessionObject[]> {
    return (await ctx.services.account.mySessions(ctx)).map((session) => toSessionObject(session, ctx.sessionId));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends one of your logins.' })
  endSession(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return ctx.services.account.endSession(ctx, id);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Ends every login of yours but this one; answers how many ended.' })
  endOtherSessions(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.account.endOtherSessions(ctx);
  }
}
