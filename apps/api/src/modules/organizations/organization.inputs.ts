import { Field, Float, ID, InputType } from 'type-graphql';
import type { OrganizationType as OrgType } from '../../shared/auth.js';
import { OrganizationType } from './organization.types.js';

@InputType()
export class FacilityInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the caller’s organisation.' })
  organizationId?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) province?: string | null;
  @Field(() => String, { nullable: true }) regency?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true }) licenceNumber?: string | null;
  @Field(() => String, { nullable: true }) gln?: string | null;
}

@InputType()
export class OrganizationInput {
  @Field(() => String) name!: string;
  @Field(() => OrganizationType) type!: OrgType;
  @Field(() => FacilityInput, { nullable: true, description: 'Its first facility.' })
  facility?: FacilityInput | null;
}
