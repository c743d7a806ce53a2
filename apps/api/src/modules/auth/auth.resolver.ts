import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow, Public } from '../../shared/auth.js';
import { FacilityObject, OrganizationObject, toFacilityObject, toOrganizationObject } from '../organizations/organization.types.js';
import { UserInput } from './auth.inputs.js';
import { ApiKeyObject, AuthPayload, CreatedApiKey, UserObject, toApiKeyObject, toUserObject } from './auth.types.js';

@Resolver(() => UserObject)
export class AuthResolver {
  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges an email and password for a login token.' })
  async login(
    @Ctx() ctx: Context,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    const { token, user, expiresAt } = await ctx.services.auth.login(ctx, email, password);
    return { token, expiresAt, user: toUserObject(user) };
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

  @Authorized(Allow.orgAdmin)
  @Query(() => [UserObject], { description: 'Users of an organisation: your own, or any for BPOM administrators.' })
  async users(
    @Ctx() ctx: Context,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string | null,
  ): Promise<UserObject[]> {
    return (await ctx.services.auth.users(ctx, organizationId)).map(toUserObject);
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => UserObject)
  async createUser(@Ctx() ctx: Context, @Arg('input', () => UserInput) input: UserInput): Promise<UserObject> {
    return toUserObject(await ctx.services.auth.createUser(ctx, input));
  }

  @Authorized(Allow.orgAdmin)
  @Query(() => [ApiKeyObject], { description: 'Your organisation’s API keys.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKeyObject[]> {
    return (await ctx.services.auth.apiKeys(ctx)).map(toApiKeyObject);
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => CreatedApiKey, { description: 'A key for an integrator; its secret is shown only here.' })
  async createApiKey(@Ctx() ctx: Context, @Arg('name', () => String) name: string): Promise<CreatedApiKey> {
    const { apiKey, secret } = await ctx.services.auth.createApiKey(ctx, name);
    return { apiKey: toApiKeyObject(apiKey), secret };
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => ApiKeyObject)
  async revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiKeyObject> {
    return toApiKeyObject(await ctx.services.auth.revokeApiKey(ctx, id));
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
