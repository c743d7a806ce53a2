import { Field, Float, ID, InputType } from 'type-graphql';
import type { OrganizationType as OrgType } from '../../shared/auth.js';
import { FacilityType, OrganizationType } from './organization.types.js';

@InputType()
export class FacilityInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the caller’s organisation.' })
  organizationId?: string | null;
  @Field(() => String) name!: string;
  @Field(() => FacilityType, { nullable: true, description: 'The organisation’s own type (a facility acts as its organisation does); when given, it must be that.' })
  type?: OrgType | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) province?: string | null;
  @Field(() => String, { nullable: true }) regency?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true }) licenceNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Global Location Number: 13 digits with a valid GS1 check digit, used by no other facility.' })
  gln?: string | null;
}

@InputType()
export class OrganizationInput {
  @Field(() => String) name!: string;
  @Field(() => OrganizationType) type!: OrgType;
  @Field(() => FacilityInput, { nullable: true, description: 'Its first facility.' })
  facility?: FacilityInput | null;
}
