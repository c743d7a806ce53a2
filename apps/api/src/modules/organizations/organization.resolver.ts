import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow, type OrganizationType as OrgType } from '../../shared/auth.js';
import { FacilityInput, OrganizationInput } from './organization.inputs.js';
import {
  FacilityObject,
  FacilityType,
  OrganizationObject,
  OrganizationType,
  toFacilityObject,
  toOrganizationObject,
} from './organization.types.js';

@Resolver()
export class OrganizationResolver {
  @Authorized()
  @Query(() => [FacilityObject], { description: 'Facilities by type and by a search in name, regency or province.' })
  async facilities(
    @Ctx() ctx: Context,
    @Arg('type', () => FacilityType, { nullable: true }) type?: OrgType | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<FacilityObject[]> {
    return (await ctx.services.organizations.facilities(ctx, type, search)).map(toFacilityObject);
  }

  @Authorized(Allow.bpom)
  @Query(() => [OrganizationObject])
  async organizations(
    @Ctx() ctx: Context,
    @Arg('type', () => OrganizationType, { nullable: true }) type?: OrgType | null,
  ): Promise<OrganizationObject[]> {
    return (await ctx.services.organizations.organizations(ctx, type)).map(toOrganizationObject);
  }

  @Authorized(Allow.bpomAdmin)
  @Mutation(() => OrganizationObject)
  async createOrganization(@Ctx() ctx: Context, @Arg('input', () => OrganizationInput) input: OrganizationInput) {
    return toOrganizationObject(await ctx.services.organizations.createOrganization(ctx, input));
  }

  @Authorized(Allow.orgAdmin)
  @Mutation(() => FacilityObject)
  async createFacility(@Ctx() ctx: Context, @Arg('input', () => FacilityInput) input: FacilityInput) {
    return toFacilityObject(await ctx.services.organizations.createFacility(ctx, input));
  }
}
