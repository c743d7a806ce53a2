import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { OrganizationObject, toOrganizationObject } from '../organizations/organization.types.js';
import { ProductInput, ProductUpdateInput } from './product.inputs.js';
import { BatchObject, ProductObject, toProductObject } from './product.types.js';

@Resolver(() => ProductObject)
export class ProductResolver {
  @Authorized()
  @Query(() => ProductObject, { nullable: true })
  async product(@Ctx() ctx: Context, @Arg('nie', () => String) nie: string): Promise<ProductObject | null> {
    const product = await ctx.services.products.byNie(ctx, nie);
    return product && toProductObject(product);
  }

  @Authorized()
  @Query(() => [ProductObject], { description: 'The product register by NIE, name or brand; a manufacturer sees its own products.' })
  async products(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ): Promise<ProductObject[]> {
    return (await ctx.services.products.list(ctx, search, first ?? 100)).map(toProductObject);
  }

  @Authorized(Allow.industry)
  @Mutation(() => ProductObject, { description: 'Changes a product’s master data; only its registrant may.' })
  async updateProduct(
    @Ctx() ctx: Context,
    @Arg('nie', () => String) nie: string,
    @Arg('input', () => ProductUpdateInput) input: ProductUpdateInput,
  ): Promise<ProductObject> {
    return toProductObject(await ctx.services.products.update(ctx, nie, input));
  }

  @Authorized(Allow.industry)
  @Mutation(() => ProductObject, { description: 'Registers a product; the registrant is the caller’s organisation.' })
  async createProduct(@Ctx() ctx: Context, @Arg('input', () => ProductInput) input: ProductInput): Promise<ProductObject> {
    return toProductObject(await ctx.services.products.create(ctx, input));
  }

  @FieldResolver(() => [BatchObject], { description: 'Its batches with codes, newest expiry first (at most 500).' })
  async batches(@Root() product: ProductObject, @Ctx() ctx: Context): Promise<BatchObject[]> {
    const { rows } = await ctx.pool.query(
      `select lot, to_char(expiry, 'YYYY-MM-DD') as expiry, recalled_at is not null as recalled from batch where product_id = $1 order by expiry desc, lot limit 500`,
      [product.id],
    );
    return rows;
  }

  @FieldResolver(() => OrganizationObject, { description: 'The organisation that holds the NIE (Pendaftar).' })
  async registrant(@Root() product: ProductObject, @Ctx() ctx: Context): Promise<OrganizationObject> {
    return toOrganizationObject((await ctx.loaders.organization.load(product.registrantId))!);
  }
}
