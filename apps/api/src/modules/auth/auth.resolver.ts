import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Public } from '../../shared/auth.js';
import { FacilityObject, OrganizationObject, toFacilityObject, toOrganizationObject } from '../organizations/organization.types.js';
import { AuthPayload, UserObject, toUserObject } from './auth.types.js';

@Resolver(() => UserObject)
export class AuthResolver {
  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Exchanges an email and password for a login token. Throttled per email and per address: TOO_MANY_ATTEMPTS with retryAfterSeconds.',
  })
  async login(
    @Ctx() ctx: Context,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    const { token, user, expiresAt, mustChangePassword } = await ctx.services.auth.login(ctx, email, password);
    return { token, expiresAt, user: toUserObject(user), mustChangePassword };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the login the token belongs to.' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.auth.logout(ctx);
  }

  @Authorized()
  @Query(() => UserObject, { nullable: true, description: 'The logged-in user; null for an API key.' })
  async me(@Ctx() ctx: Context): Promise<UserObject | null> {
    const user = await ctx.services.auth.me(ctx);
    return user && toUserObject(user);
  }

  @FieldResolver(() => OrganizationObject)
  async organization(@Root() user: UserObject, @Ctx() ctx: Context): Promise<OrganizationObject> {
    const organization = await ctx.loaders.organization.load(user.organizationId);
    return toOrganizationObject(organization!);
  }

  @FieldResolver(() => [FacilityObject], { description: 'The facilities the user acts for.' })
  async facilities(@Root() user: UserObject, @Ctx() ctx: Context): Promise<FacilityObject[]> {
    return (await ctx.loaders.facilitiesOfOrganization.load(user.organizationId)).map(toFacilityObject);
  }
}
