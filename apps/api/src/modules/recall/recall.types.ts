import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FacilityObject } from '../organizations/organization.types.js';
import { PackLevel, PackStatus, type PackLevelName, type PackStatusName } from '../packs/pack.types.js';
import { enumOf } from '../../shared/enums.js';
import { RECALL_POSITIONS, type RecallPositionName } from '../lifecycle/states.js';

export const RecallStatus = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(RecallStatus, { name: 'RecallStatus' });
export const RecallClass = { I: 'I', II: 'II', III: 'III' } as const;
registerEnumType(RecallClass, { name: 'RecallClass', description: 'I: serious harm likely; II: temporary harm; III: unlikely harm.' });

@ObjectType()
export class StatusCount {
  @Field(() => PackStatus) status!: PackStatusName;
  @Field(() => Int) units!: number;
}

export const RecallPosition = enumOf(RECALL_POSITIONS);
registerEnumType(RecallPosition, {
  name: 'RecallPosition',
  description: 'Where a unit of a recalled batch is: every unit is in exactly one position, so they add up to the batch.',
  valuesConfig: {
    NOT_ACTIVATED: { description: 'Issued, never put into circulation.' },
    NOT_RELEASED: { description: 'Still with its manufacturer, never shipped out.' },
    OUTSTANDING: { description: 'In the supply chain outside the manufacturer: still to be pulled.' },
    RETURNED: { description: 'Had left the manufacturer and is back with it, or on its way back.' },
    DESTROYED: { description: 'Taken out of the chain for good.' },
    DISPENSED: { description: 'Reached patients.' },
    OTHER: { description: 'A sample, exported, stolen or locked.' },
  },
});

@ObjectType()
export class PositionCount {
  @Field(() => RecallPosition) position!: RecallPositionName;
  @Field(() => Int) units!: number;
}

@ObjectType({ description: 'A facility’s part in a recall.' })
export class FacilityCount {
  @Field(() => FacilityObject) facility!: FacilityObject;
  @Field(() => Int, { description: 'Units of the batch it still holds, or that are on their way to it (to pull).' }) units!: number;
  @Field(() => Int, { description: 'Units it returned since the recall began.' }) returned!: number;
  @Field(() => Int, { description: 'Units it destroyed.' }) destroyed!: number;
  @Field(() => Int, { description: 'Units it dispensed to patients.' }) dispensed!: number;
}

@ObjectType({ description: 'What a facility pulls of a recalled batch: a unit, or a case or pallet holding only what it must pull.' })
export class PullItem {
  @Field(() => String, { description: 'Bracketed, or the SSCC (00)… of a case or pallet.' }) code!: string;
  @Field(() => PackLevel) level!: PackLevelName;
  @Field(() => Int) units!: number;
  @Field(() => ID, { nullable: true }) facilityId!: string | null;
}

@ObjectType()
export class DayCount {
  @Field(() => String, { description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Int, { description: 'Units that day.' }) units!: number;
  @Field(() => Int, { description: 'Units up to and including that day.' }) total!: number;
}

@ObjectType({ description: 'Where the units of a recalled batch are now; the positions add up to totalUnits.' })
export class RecallProgress {
  @Field(() => Int, { description: 'Units of the batch.' }) totalUnits!: number;
  @Field(() => [PositionCount], { description: 'Every position, in a fixed order, with its units (zero included).' }) byPosition!: PositionCount[];
  @Field(() => [StatusCount]) byStatus!: StatusCount[];
  @Field(() => [FacilityCount], {
    description: 'Every facility with a part in it: what it still holds (outstanding: held, or on its way to it), returned, destroyed and dispensed.',
  })
  byFacility!: FacilityCount[];
  @Field(() => Int, { description: 'Units that ever left the manufacturer: recovered + outstanding + reachedPatients + other.' }) released!: number;
  @Field(() => Int, { description: 'Units back with the manufacturer after having left it (RETURNED), or destroyed.' }) recovered!: number;
  @Field(() => Int, { deprecationReason: 'Use recovered.' }) returned!: number;
  @Field(() => Int, { description: 'Units still in the chain outside the manufacturer (OUTSTANDING).' }) outstanding!: number;
  @Field(() => Int, { description: 'Units dispensed to patients (DISPENSED): out of reach, never counted as recovered.' }) reachedPatients!: number;
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
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { description: 'The product’s name.' }) productName!: string;
  batchId!: string;
  registrantId!: string;
}
