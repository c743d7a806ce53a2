import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { ApiKeyObject, CreatedApiKey, toApiKeyObject } from './auth.types.js';

@Resolver(() => ApiKeyObject)
export class ApiKeysResolver {
  @Authorized(Allow.orgAdmin)
  @Query(() => [ApiKeyObject], { description: 'Your organisation’s API keys.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKeyObject[]> {
    return (await ctx.services.apiKeys.apiKeys(ctx)).map(toApiKeyObject);
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => CreatedApiKey, { description: 'A key for an integrator; its secret is shown only here.' })
  async createApiKey(
    @Ctx() ctx: Context,
    @Arg('name', () => String) name: string,
    @Arg('expiresAt', () => Date, { nullable: true, description: 'When the key stops working: in the future, at most 3 years ahead. None: until revoked.' })
    expiresAt?: Date | null,
  ): Promise<CreatedApiKey> {
    const { apiKey, secret } = await ctx.services.apiKeys.createApiKey(ctx, name, expiresAt);
    return { apiKey: toApiKeyObject(apiKey), secret };
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => ApiKeyObject)
  async revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiKeyObject> {
    return toApiKeyObject(await ctx.services.apiKeys.revokeApiKey(ctx, id));
  }
}
