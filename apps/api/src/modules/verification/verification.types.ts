import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';
import { PackStatus, type PackStatusName } from '../packs/pack.types.js';

export const VERDICTS = ['GENUINE', 'CAUTION', 'SUSPECT', 'INVALID'] as const;
export type VerdictName = (typeof VERDICTS)[number];
export const Verdict = enumOf(VERDICTS);
registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'GENUINE: known, active, unexpired, unrecalled. CAUTION: genuine but expired, recalled or dispensed. SUSPECT: unknown, not activated, decommissioned, mismatched or cloned. INVALID: not a readable code.',
});

export const VERIFICATION_REASONS = [
  'NOT_FOUND',
  'NOT_ACTIVATED',
  'DISPENSED',
  'RECALLED',
  'EXPIRED',
  'DECOMMISSIONED',
  'DATA_MISMATCH',
  'CLONE_SUSPECTED',
  'MALFORMED',
  'NOT_SERIALISED',
] as const;
export type VerificationReasonName = (typeof VERIFICATION_REASONS)[number];
export const VerificationReason = enumOf(VERIFICATION_REASONS);
registerEnumType(VerificationReason, { name: 'VerificationReason' });

@ObjectType({ description: 'The seed’s "Rincian": what is registered for the product. Public information.' })
export class ProductInfo {
  @Field(() => String) name!: string;
  @Field(() => String) nie!: string;
  @Field(() => String, { nullable: true }) brand!: string | null;
  @Field(() => String, { nullable: true, description: 'Dosage form.' }) form!: string | null;
  @Field(() => String, { nullable: true }) strength!: string | null;
  @Field(() => String, { nullable: true }) packaging!: string | null;
  @Field(() => String, { nullable: true, description: 'Produsen.' }) producer!: string | null;
  @Field(() => String, { description: 'Pendaftar: the holder of the NIE.' }) registrant!: string;
}

@ObjectType({ description: 'The answer to "is this pack genuine?", with the reasons. Reveals no volumes, customers or custodians.' })
export class Verification {
  @Field(() => Verdict) verdict!: VerdictName;
  @Field(() => [VerificationReason]) reasons!: VerificationReasonName[];
  @Field(() => ProductInfo, { nullable: true }) product!: ProductInfo | null;
  @Field(() => String, { nullable: true, description: 'Lot number as registered.' }) batch!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD as registered.' }) expiry!: string | null;
  @Field(() => String, { nullable: true }) serial!: string | null;
  @Field(() => PackStatus, { nullable: true }) status!: PackStatusName | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the code was activated (commissioned) by its manufacturer.' })
  activated!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the pack was taken out as a sample.' }) sample!: boolean | null;
  @Field(() => Date, { nullable: true, description: 'For a dispensed pack: when.' }) dispensedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'For a dispensed pack: the regency where, never by whom.' })
  dispensedRegency!: string | null;
  @Field(() => Date) checkedAt!: Date;
}
