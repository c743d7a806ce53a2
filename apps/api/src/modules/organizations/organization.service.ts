import { checkDigit, hasValidCheckDigit } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { requirePrincipal, type OrganizationType } from '../../shared/auth.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { Facility, Organization } from './organization.entity.js';
import type { FacilityInput, OrganizationInput } from './organization.inputs.js';

const LIST_LIMIT = 500;

export class OrganizationService {
  /** Any caller may look facilities up: a shipper must name where goods go. */
  async facilities(ctx: Context, type?: OrganizationType | null, search?: string | null): Promise<Facility[]> {
    requirePrincipal(ctx);
    const where: Record<string, unknown> = {};
    if (type) where.type = type;
    const term = check.optionalText(search, 'search', 100);
    if (term) {
      const like = check.containing(term);
      where.$or = [{ name: { $ilike: like } }, { regency: { $ilike: like } }, { province: { $ilike: like } }];
    }
    return ctx.em.find(Facility, where, { orderBy: { name: 'asc' }, limit: LIST_LIMIT });
  }

  async myFacilities(ctx: Context): Promise<Facility[]> {
    const principal = requirePrincipal(ctx);
    return ctx.loaders.facilitiesOfOrganization.load(principal.organizationId);
  }

  async organizations(ctx: Context, type?: OrganizationType | null): Promise<Organization[]> {
    requirePrincipal(ctx);
    return ctx.em.find(Organization, type ? { type } : {}, { orderBy: { name: 'asc' }, limit: LIST_LIMIT });
  }

  async createOrganization(ctx: Context, input: OrganizationInput): Promise<Organization> {
    const name = check.requiredText(input.name, 'name');
    if (await ctx.em.count(Organization, { name: { $ilike: check.containing(name).slice(1, -1) } })) {
      throw conflict(`An organisation named "${name}" already exists`);
    }
    const organization = ctx.em.create(Organization, { name, type: input.type, createdAt: new Date() });
    if (input.facility) this.buildFacility(ctx, organization, input.facility, await this.freeGln(ctx, input.facility.gln));
    await ctx.em.flush();
    return organization;
  }

  async createFacility(ctx: Context, input: FacilityInput): Promise<Facility> {
    const principal = requirePrincipal(ctx);
    const id = input.organizationId ? check.uuid(input.organizationId, 'organizationId') : principal.organizationId;
    const isBpom = principal.organizationType === 'REGULATOR';
    if (id !== principal.organizationId && !isBpom) throw forbidden('You may add facilities only to your own organisation.');
    const organization = await ctx.em.findOne(Organization, id);
    if (!organization) throw notFound(`No organisation with id ${id}`);
    const facility = this.buildFacility(ctx, organization, input, await this.freeGln(ctx, input.gln));
    try {
      await ctx.em.flush();
    } catch (error) {
      // Another facility took the GLN between the check and the write.
      if ((error as { code?: string }).code === '23505') throw conflict(`GLN ${facility.gln} is already another facility's`);
      throw error;
    }
    return facility;
  }

  /**
   * A facility's GLN, checked: 13 digits whose last is the GS1 check digit of the others, and no
   * other facility's. (A unique index keeps two at once from both passing.)
   */
  private async freeGln(ctx: Context, input: string | null | undefined): Promise<string | null> {
    const gln = check.optionalText(input, 'gln', 20);
    if (!gln) return null;
    if (!/^\d{13}$/.test(gln)) throw badInput(`gln "${gln}" must be 13 digits`, 'gln');
    if (!hasValidCheckDigit(gln)) throw badInput(`gln ${gln} has a wrong check digit: the last digit should be ${checkDigit(gln.slice(0, 12))}`, 'gln');
    const taken = await ctx.em.findOne(Facility, { gln }, { populate: ['organization'] });
    if (taken) throw conflict(`GLN ${gln} is already the GLN of ${taken.name} (${taken.organization.name})`);
    return gln;
  }

  private buildFacility(ctx: Context, organization: Organization, input: FacilityInput, gln: string | null): Facility {
    if (input.type && input.type !== organization.type) {
      throw badInput(`type ${input.type} does not fit: a facility of ${organization.name} is a ${organization.type} facility`, 'type');
    }
    return ctx.em.create(Facility, {
      organization,
      type: organization.type,
      name: check.requiredText(input.name, 'name'),
      address: check.optionalText(input.address, 'address', 500),
      province: check.optionalText(input.province, 'province', 100),
      regency: check.optionalText(input.regency, 'regency', 100),
      latitude: check.optionalNumberInRange(input.latitude, 'latitude', -90, 90),
      longitude: check.optionalNumberInRange(input.longitude, 'longitude', -180, 180),
      licenceNumber: check.optionalText(input.licenceNumber, 'licenceNumber', 100),
      gln,
      createdAt: new Date(),
    });
  }
}
