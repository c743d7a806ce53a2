import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { BulkResult } from '../packs/pack.types.js';
import { toProductObject } from '../products/product.types.js';
import type { CodeRequest } from './code-request.entity.js';
import { CodeRequestInput, SerialUploadInput } from './codes.inputs.js';
import { CodeRequestObject, CodeRequestStatus, IssuedCodeConnection } from './codes.types.js';

export const toCodeRequestObject = (request: CodeRequest): CodeRequestObject => ({
  id: request.id,
  status: request.status,
  kind: request.kind,
  product: toProductObject(request.product),
  batch: request.batch.lot,
  expiry: request.batch.expiry,
  quantity: request.quantity,
  unitsPerCase: request.unitsPerCase,
  casesPerPallet: request.casesPerPallet,
  gtin: request.gtin,
  reason: request.reason,
  createdAt: request.createdAt,
  decidedAt: request.decidedAt,
});

@Resolver(() => CodeRequestObject)
export class CodesResolver {
  @Authorized(Allow.industry)
  @Mutation(() => CodeRequestObject, { description: 'Asks BPOM for serials for a batch.' })
  async requestCodes(@Ctx() ctx: Context, @Arg('input', () => CodeRequestInput) input: CodeRequestInput) {
    return toCodeRequestObject(await ctx.services.codes.request(ctx, input));
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => CodeRequestObject, { description: 'Approves a request and issues its serials (and SSCCs).' })
  async approveCodeRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return toCodeRequestObject(await ctx.services.codes.approve(ctx, id));
  }

  @Authorized(Allow.bpomSupervisor, Allow.bpomAdmin)
  @Mutation(() => CodeRequestObject)
  async rejectCodeRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return toCodeRequestObject(await ctx.services.codes.reject(ctx, id, reason));
  }

  @Authorized(Allow.industry)
  @Mutation(() => BulkResult, { description: 'Registers serials from the manufacturer’s own serialisation.' })
  uploadSerials(@Ctx() ctx: Context, @Arg('input', () => SerialUploadInput) input: SerialUploadInput) {
    return ctx.services.codes.upload(ctx, input);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => CodeRequestObject, { nullable: true })
  async codeRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    const request = await ctx.services.codes.byId(ctx, id);
    return request && toCodeRequestObject(request);
  }

  @Authorized(Allow.bpom, Allow.industry)
  @Query(() => [CodeRequestObject], { description: 'BPOM sees every request; a manufacturer its own. Newest first.' })
  async codeRequests(
    @Ctx() ctx: Context,
    @Arg('status', () => CodeRequestStatus, { nullable: true }) status: CodeRequest['status'] | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ) {
    return (await ctx.services.codes.list(ctx, status, first ?? 100)).map(toCodeRequestObject);
  }

  @FieldResolver(() => IssuedCodeConnection)
  codes(
    @Root() request: CodeRequestObject,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.codes.page(ctx, request.id, first, after);
  }
}
