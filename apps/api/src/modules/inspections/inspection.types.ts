import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';
import { FacilityObject } from '../organizations/organization.types.js';
import { Verdict, VerificationReason, type VerdictName, type VerificationReasonName } from '../verification/verification.types.js';
import type { InspectionStatusName } from './inspection.entity.js';

export const InspectionStatus = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const satisfies Record<InspectionStatusName, InspectionStatusName>;
registerEnumType(InspectionStatus, { name: 'InspectionStatus' });

export const CUSTODIES = ['HERE', 'ELSEWHERE', 'IN_TRANSIT', 'OUT_OF_CHAIN', 'UNKNOWN'] as const;
export type CustodyName = (typeof CUSTODIES)[number];
export const Custody = enumOf(CUSTODIES);
registerEnumType(Custody, {
  name: 'Custody',
  description: 'Where the records say a pack read during a visit should be, against the facility visited.',
  valuesConfig: {
    HERE: { description: 'Held by the facility visited, as recorded.' },
    ELSEWHERE: { description: 'Recorded as held by another facility: found where it should not be.' },
    IN_TRANSIT: { description: 'Recorded as on its way (shipped or returned, not yet received).' },
    OUT_OF_CHAIN: { description: 'Recorded as out of the supply chain: never activated, dispensed, destroyed, exported, a sample, stolen or locked.' },
    UNKNOWN: { description: 'No pack with this code was ever issued, or the code does not read.' },
  },
});

@ObjectType({ description: 'One pack read during a visit, recorded once however often it is read.' })
export class InspectionRead {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Bracketed when it reads, else as read.' }) code!: string;
  @Field(() => Verdict) verdict!: VerdictName;
  @Field(() => [VerificationReason]) reasons!: VerificationReasonName[];
  @Field(() => Custody) custody!: CustodyName;
  @Field(() => FacilityObject, { nullable: true, description: 'Where the records say the pack is (or is going to, when in transit).' })
  expectedFacility!: FacilityObject | null;
  @Field(() => String, { nullable: true }) productName!: string | null;
  @Field(() => String, { nullable: true }) batch!: string | null;
  @Field(() => Date) readAt!: Date;
  @Field(() => Boolean, { description: 'True when this pack had already been read during the visit: nothing new was recorded.' })
  repeated!: boolean;
}

@ObjectType({ description: 'Something the inspector noted, with an optional photo (GET /api/inspection-findings/{id}/photo).' })
export class InspectionFinding {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => Boolean) hasPhoto!: boolean;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class VerdictCount {
  @Field(() => Verdict) verdict!: VerdictName;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class CustodyCount {
  @Field(() => Custody) custody!: CustodyName;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A visit in figures.' })
export class InspectionSummary {
  @Field(() => Int, { description: 'Packs read (each once).' }) reads!: number;
  @Field(() => [VerdictCount], { description: 'Every verdict, zeros included.' }) byVerdict!: VerdictCount[];
  @Field(() => [CustodyCount], { description: 'Every custody, zeros included.' }) byCustody!: CustodyCount[];
  @Field(() => Int, { description: 'Packs read that the records do not place at the facility visited (any custody but HERE).' })
  notAtCustodian!: number;
  @Field(() => Int) findings!: number;
}

@ObjectType({ description: 'A BPOM inspector’s visit to a facility.' })
export class InspectionObject {
  @Field(() => ID) id!: string;
  @Field(() => FacilityObject) facility!: FacilityObject;
  @Field(() => String, { nullable: true, description: 'The inspector’s name.' }) inspector!: string | null;
  inspectorId!: string | null;
  @Field(() => InspectionStatus) status!: InspectionStatusName;
  @Field(() => Date) openedAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}
