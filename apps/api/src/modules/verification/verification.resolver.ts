import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Public } from '../../shared/auth.js';
import { Verification } from './verification.types.js';

@Resolver()
export class VerificationResolver {
  @Public()
  @Query(() => Verification, { description: 'Is this pack genuine? Open to anyone; the place, if given, helps find cloned codes.' })
  verify(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('latitude', () => Float, { nullable: true }) latitude: number | null,
    @Arg('longitude', () => Float, { nullable: true }) longitude: number | null,
  ) {
    return ctx.services.verification.verify(ctx, code, latitude, longitude);
  }
}
