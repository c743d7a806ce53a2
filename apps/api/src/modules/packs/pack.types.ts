import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FacilityObject } from '../organizations/organization.types.js';
import { enumOf } from '../../shared/enums.js';

export const PACK_STATUSES = ['ISSUED', 'ACTIVE', 'IN_TRANSIT', 'DISPENSED', 'DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED'] as const;
export type PackStatusName = (typeof PACK_STATUSES)[number];
export const PackStatus = enumOf(PACK_STATUSES);
registerEnumType(PackStatus, { name: 'PackStatus' });

export const PACK_LEVELS = ['UNIT', 'CASE', 'PALLET'] as const;
export type PackLevelName = (typeof PACK_LEVELS)[number];
export const PackLevel = enumOf(PACK_LEVELS);
registerEnumType(PackLevel, { name: 'PackLevel', description: 'Primary (unit), secondary (case) or tertiary (pallet) packaging.' });

export const DECOMMISSION_REASONS = ['DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED'] as const;
export type DecommissionReasonName = (typeof DECOMMISSION_REASONS)[number];
export const DecommissionReason = enumOf(DECOMMISSION_REASONS);
registerEnumType(DecommissionReason, { name: 'DecommissionReason' });

export const REJECTION_REASONS = [
  'MALFORMED',
  'NOT_FOUND',
  'WRONG_STATE',
  'NOT_IN_CUSTODY',
  'NOT_SHIPPED_TO_YOU',
  'ALREADY_AGGREGATED',
  'RECALLED',
  'EXPIRED',
  'UNDO_WINDOW_PASSED',
  'FORBIDDEN',
  'DATA_MISMATCH',
] as const;
export type RejectionReasonName = (typeof REJECTION_REASONS)[number];
export const RejectionReason = enumOf(REJECTION_REASONS);
registerEnumType(RejectionReason, { name: 'RejectionReason' });

export const EVENT_SOURCES = ['SCAN', 'CSV', 'API'] as const;
export type EventSourceName = (typeof EVENT_SOURCES)[number];
export const EventSource = enumOf(EVENT_SOURCES);
registerEnumType(EventSource, { name: 'EventSource', description: 'How a movement reached Jejak.' });

export const EVENT_TYPES = ['ACTIVATED', 'AGGREGATED', 'DISAGGREGATED', 'SHIPPED', 'RECEIVED', 'RETURNED', 'DISPENSED', 'DECOMMISSIONED', 'UNDONE'] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];
export const EventType = enumOf(EVENT_TYPES);
registerEnumType(EventType, { name: 'EventType' });

@ObjectType()
export class Rejection {
  @Field(() => String, { description: 'The code as it was sent.' }) code!: string;
  @Field(() => RejectionReason) reason!: RejectionReasonName;
  @Field(() => String) message!: string;
  @Field(() => Int, { nullable: true, description: 'The CSV row (1 = first data row), for uploads.' }) row?: number | null;
}

@ObjectType({ description: 'What a bulk call did: every valid code applied, the rest rejected with one reason each.' })
export class BulkResult {
  @Field(() => Int, { description: 'Codes applied (a case or pallet counts once).' }) accepted!: number;
  @Field(() => Int, { description: 'Units (primary packs) changed, including those inside cases and pallets.' }) units!: number;
  @Field(() => [Rejection]) rejected!: Rejection[];
}

@ObjectType('PackProduct')
export class PackProductObject {
  @Field(() => ID) id!: string;
  @Field(() => String) nie!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) gtin!: string | null;
}

@ObjectType('Pack', { description: 'A unit, case or pallet and where it is now.' })
export class PackObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The code in bracketed form.' }) code!: string;
  @Field(() => PackLevel) level!: PackLevelName;
  @Field(() => String, { nullable: true }) serial!: string | null;
  @Field(() => String, { nullable: true }) sscc!: string | null;
  @Field(() => PackStatus) status!: PackStatusName;
  @Field(() => String, { nullable: true, description: 'Lot number; null for a mixed case or pallet.' }) batch!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiry!: string | null;
  @Field(() => Boolean) recalled!: boolean;
  @Field(() => PackProductObject, { nullable: true, description: 'Null for a mixed case or pallet.' }) product!: PackProductObject | null;
  @Field(() => FacilityObject, { nullable: true, description: 'Who holds it; null before activation.' }) custodian!: FacilityObject | null;
  @Field(() => FacilityObject, { nullable: true, description: 'Where it is going, while in transit.' }) destination!: FacilityObject | null;
  @Field(() => Int, { description: 'Packs directly inside it.' }) childCount!: number;
}

@ObjectType()
export class TraceEvent {
  @Field(() => EventType) type!: EventTypeName;
  @Field(() => Date) at!: Date;
  @Field(() => FacilityObject) facility!: FacilityObject;
  @Field(() => FacilityObject, { nullable: true }) counterparty!: FacilityObject | null;
  @Field(() => EventSource) source!: EventSourceName;
  @Field(() => String, { nullable: true, description: 'Decommission reason.' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'For aggregation: the parent code.' }) parentCode!: string | null;
}

@ObjectType()
export class Trace {
  @Field(() => PackObject) pack!: PackObject;
  @Field(() => PackObject, { nullable: true }) parent!: PackObject | null;
  @Field(() => [PackObject]) children!: PackObject[];
  @Field(() => [TraceEvent], { description: 'Oldest first.' }) events!: TraceEvent[];
}
