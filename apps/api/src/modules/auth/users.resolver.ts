import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { UserInput } from './auth.inputs.js';
import { PasswordReset, UserObject, toUserObject } from './auth.types.js';

/** Administrators' work on accounts: their own organisation's, or any for BPOM administrators. */
@Resolver()
export class UsersResolver {
  @Authorized(Allow.orgAdmin)
  @Query(() => [UserObject], { description: 'Users of an organisation: your own, or any for BPOM administrators.' })
  async users(
    @Ctx() ctx: Context,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string | null,
  ): Promise<UserObject[]> {
    return (await ctx.services.users.users(ctx, organizationId)).map(toUserObject);
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => UserObject, {
    description:
      'Adds a user to your organisation (BPOM administrators: to any). The password: 10 to 256 characters, not a common one, not the email or name; a refusal is BAD_USER_INPUT with the field and the reason.',
  })
  async createUser(@Ctx() ctx: Context, @Arg('input', () => UserInput) input: UserInput): Promise<UserObject> {
    return toUserObject(await ctx.services.users.createUser(ctx, input));
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => UserObject, { description: 'The user can no longer log in, and every login of theirs ends at once. Not yourself.' })
  async disableUser(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<UserObject> {
    return toUserObject(await ctx.services.users.disableUser(ctx, id));
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => UserObject, { description: 'A disabled user may log in again.' })
  async enableUser(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<UserObject> {
    return toUserObject(await ctx.services.users.enableUser(ctx, id));
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => PasswordReset, {
    description: 'A temporary password, shown once, that logs in once and must then be changed; every login of the user ends. Not yourself.',
  })
  async resetPassword(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<PasswordReset> {
    const { user, temporaryPassword, expiresAt } = await ctx.services.users.resetPassword(ctx, id);
    return { user: toUserObject(user), temporaryPassword, expiresAt };
  }
}
