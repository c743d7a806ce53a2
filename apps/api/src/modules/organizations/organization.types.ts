import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ORGANIZATION_TYPES, type OrganizationType as OrgType } from '../../shared/auth.js';
import type { Facility, Organization } from './organization.entity.js';
import { enumOf } from '../../shared/enums.js';

export const OrganizationType = enumOf(ORGANIZATION_TYPES);
export const FacilityType = enumOf(ORGANIZATION_TYPES);
registerEnumType(OrganizationType, { name: 'OrganizationType', description: 'What an organisation is in the supply chain.' });
registerEnumType(FacilityType, { name: 'FacilityType', description: 'What a facility is; the type of its organisation.' });

@ObjectType('Organization')
export class OrganizationObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => OrganizationType) type!: OrgType;
}

@ObjectType('Facility', { description: 'A site that holds and moves stock: a plant, warehouse, pharmacy, hospital or Puskesmas.' })
export class FacilityObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => FacilityType) type!: OrgType;
  organizationId!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) province!: string | null;
  @Field(() => String, { nullable: true }) regency!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => String, { nullable: true }) licenceNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'GS1 Global Location Number' }) gln!: string | null;
}

export const toOrganizationObject = (organization: Organization): OrganizationObject => ({
  id: organization.id,
  name: organization.name,
  type: organization.type,
});

export const toFacilityObject = (facility: Facility): FacilityObject => ({
  id: facility.id,
  name: facility.name,
  type: facility.type,
  organizationId: facility.organization.id,
  address: facility.address,
  province: facility.province,
  regency: facility.regency,
  latitude: facility.latitude,
  longitude: facility.longitude,
  licenceNumber: facility.licenceNumber,
  gln: facility.gln,
});
