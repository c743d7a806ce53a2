import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FacilityObject } from '../organizations/organization.types.js';
import { PackStatus, type PackStatusName } from '../packs/pack.types.js';

export const RecallStatus = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(RecallStatus, { name: 'RecallStatus' });
export const RecallClass = { I: 'I', II: 'II', III: 'III' } as const;
registerEnumType(RecallClass, { name: 'RecallClass', description: 'I: serious harm likely; II: temporary harm; III: unlikely harm.' });

@ObjectType()
export class StatusCount {
  @Field(() => PackStatus) status!: PackStatusName;
  @Field(() => Int) units!: number;
}

@ObjectType()
export class FacilityCount {
  @Field(() => FacilityObject) facility!: FacilityObject;
  @Field(() => Int) units!: number;
}

@ObjectType()
export class DayCount {
  @Field(() => String, { description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Int, { description: 'Units that day.' }) units!: number;
  @Field(() => Int, { description: 'Units up to and including that day.' }) total!: number;
}

@ObjectType()
export class RecallProgress {
  @Field(() => Int) totalUnits!: number;
  @Field(() => [StatusCount]) byStatus!: StatusCount[];
  @Field(() => [FacilityCount], { description: 'Where active and in-transit units are now.' }) byFacility!: FacilityCount[];
  @Field(() => Int, { description: 'Units that had left the manufacturer and are back in its custody, or destroyed.' }) returned!: number;
  @Field(() => Int, { description: 'Units still in the chain outside the manufacturer.' }) outstanding!: number;
  @Field(() => [DayCount], { description: 'Units received back by the manufacturer, per day since the recall.' }) returnedByDay!: DayCount[];
  @Field(() => Date) asOf!: Date;
}

@ObjectType('Recall')
export class RecallObject {
  @Field(() => ID) id!: string;
  @Field(() => RecallStatus) status!: 'OPEN' | 'CLOSED';
  @Field(() => String) reason!: string;
  @Field(() => RecallClass, { nullable: true }) class!: 'I' | 'II' | 'III' | null;
  @Field(() => String) nie!: string;
  @Field(() => String) batch!: string;
  @Field(() => Date) createdAt!: Date;
  batchId!: string;
}
