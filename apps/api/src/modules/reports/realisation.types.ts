import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export const RealisationGroup = { ORGANIZATION: 'ORGANIZATION', PRODUCT: 'PRODUCT', BATCH: 'BATCH' } as const;
export type RealisationGroupName = keyof typeof RealisationGroup;
registerEnumType(RealisationGroup, { name: 'RealisationGroup' });

@ObjectType({ description: 'One row of the realisation report (Realisasi): distinct units that ever reached each stage.' })
export class RealisationRow {
  @Field(() => String, { description: 'Organisation id, NIE, or NIE/batch.' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) issued!: number;
  @Field(() => Int) activated!: number;
  @Field(() => Int, { description: 'Shipped by a manufacturer to a distributor.' }) shippedToDistributor!: number;
  @Field(() => Int) receivedByDistributor!: number;
  @Field(() => Int, { description: 'Shipped on by a distributor, to anyone.' }) shippedByDistributor!: number;
  @Field(() => Int, { description: 'Received by a pharmacy, hospital or Puskesmas.' }) receivedByPharmacy!: number;
  @Field(() => Int) dispensed!: number;
}
