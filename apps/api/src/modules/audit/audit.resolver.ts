import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Allow } from '../../shared/auth.js';
import { OrganizationObject, toOrganizationObject } from '../organizations/organization.types.js';
import type { AuditAction as ActionName } from './audit.entity.js';
import { AuditAction, AuditEventConnection, AuditEventObject } from './audit.types.js';

@Resolver(() => AuditEventObject)
export class AuditResolver {
  @Authorized(Allow.orgAdmin)
  @Query(() => AuditEventConnection, {
    description: 'Changes to accounts, logins and API keys, newest first: your organisation’s, or any for BPOM administrators.',
  })
  auditEvents(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200; 50 when not given.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'BPOM administrators: one organisation only.' }) organizationId?: string | null,
    @Arg('action', () => AuditAction, { nullable: true }) action?: ActionName | null,
  ): Promise<AuditEventConnection> {
    return ctx.services.audit.list(ctx, { first, after, organizationId, action });
  }

  @FieldResolver(() => OrganizationObject, { nullable: true, description: 'The organisation the change concerns.' })
  async organization(@Root() event: AuditEventObject, @Ctx() ctx: Context): Promise<OrganizationObject | null> {
    if (!event.organizationId) return null;
    const organization = await ctx.loaders.organization.load(event.organizationId);
    return organization ? toOrganizationObject(organization) : null;
  }
}
