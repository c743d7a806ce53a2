import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FacilityObject } from '../organizations/organization.types.js';
import { enumOf } from '../../shared/enums.js';
import { DECOMMISSION_REASONS, PACK_LEVELS, PACK_STATUSES, type PackLevelName, type PackStatusName } from '../lifecycle/states.js';
import { REJECTION_REASONS, RULE_NAMES, type RejectionReasonName, type RuleName } from '../lifecycle/refusals.js';
import { EVENT_TYPES, type EventTypeName } from '../lifecycle/effects.js';

export { PACK_STATUSES, PACK_LEVELS, DECOMMISSION_REASONS } from '../lifecycle/states.js';
export type { PackStatusName, PackLevelName, DecommissionReasonName } from '../lifecycle/states.js';
export { REJECTION_REASONS, RULE_NAMES } from '../lifecycle/refusals.js';
export type { RejectionReasonName, RuleName } from '../lifecycle/refusals.js';
export { EVENT_TYPES } from '../lifecycle/effects.js';
export type { EventTypeName } from '../lifecycle/effects.js';

export const PackStatus = enumOf(PACK_STATUSES);
registerEnumType(PackStatus, { name: 'PackStatus' });

export const PackLevel = enumOf(PACK_LEVELS);
registerEnumType(PackLevel, { name: 'PackLevel', description: 'Primary (unit), secondary (case) or tertiary (pallet) packaging.' });

export const DecommissionReason = enumOf(DECOMMISSION_REASONS);
registerEnumType(DecommissionReason, { name: 'DecommissionReason' });

export const RejectionReason = enumOf(REJECTION_REASONS);
registerEnumType(RejectionReason, { name: 'RejectionReason' });

export const RejectionRule = enumOf(RULE_NAMES);
registerEnumType(RejectionRule, {
  name: 'RejectionRule',
  description: 'The exact rule that refused a code, finer than its reason: a screen can say it in the user’s language.',
});

export const EVENT_SOURCES = ['SCAN', 'CSV', 'API', 'EPCIS'] as const;
export type EventSourceName = (typeof EVENT_SOURCES)[number];
export const EventSource = enumOf(EVENT_SOURCES);
registerEnumType(EventSource, { name: 'EventSource', description: 'How a movement reached Jejak.' });

export const EventType = enumOf(EVENT_TYPES);
registerEnumType(EventType, { name: 'EventType' });

@ObjectType()
export class Rejection {
  @Field(() => String, { description: 'The code as it was sent.' }) code!: string;
  @Field(() => RejectionReason) reason!: RejectionReasonName;
  @Field(() => RejectionRule) rule!: RuleName;
  @Field(() => String, { description: 'The refusal in English words, with the details the rule names.' }) message!: string;
  @Field(() => Int, { nullable: true, description: 'The CSV row (1 = first data row), for uploads.' }) row?: number | null;
}

@ObjectType('ShipmentRef', { description: 'The delivery note a shipment or return travels under.' })
export class ShipmentRef {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Human-readable, unique per sender: SJ-2026-000123 (a return: RT-…).' }) number!: string;
}

@ObjectType({ description: 'What a bulk call did: every valid code applied, the rest rejected with one reason each.' })
export class BulkResult {
  @Field(() => Int, { description: 'Codes applied (a case or pallet counts once).' }) accepted!: number;
  @Field(() => Int, { description: 'Units (primary packs) changed, including those inside cases and pallets.' }) units!: number;
  @Field(() => [Rejection]) rejected!: Rejection[];
  @Field(() => [String], { description: 'Codes applied that belong to a recalled batch (or hold one): pull them and send them back.' })
  recalled!: string[];
  @Field(() => ShipmentRef, { nullable: true, description: 'For ship and returnPacks: the shipment the codes travel in.' })
  shipment!: ShipmentRef | null;
}

@ObjectType({ description: 'One step of activating a whole code request: what it did, and how far the request has come.' })
export class RequestActivation {
  @Field(() => BulkResult, { description: 'This step’s codes: activated, and refused with their reasons.' }) result!: BulkResult;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next step.' }) endCursor!: string | null;
  @Field(() => Boolean, { description: 'Codes still ISSUED after this step’s last.' }) hasMore!: boolean;
  @Field(() => Int, { description: 'How many of them.' }) remaining!: number;
  @Field(() => Int, { description: 'Codes the request holds in all (units, cases, pallets).' }) total!: number;
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
  @Field(() => Int, { nullable: true, description: 'How many packs it may hold directly (units per case, cases per pallet), when issued with one.' })
  capacity!: number | null;
  @Field(() => Date, { nullable: true, description: 'Until when its status may be undone; null when it cannot be, or at any time (LOCKED: see undoableAnyTime).' })
  undoableUntil!: Date | null;
  @Field(() => Boolean, { description: 'Its status may be undone at any time (LOCKED).' }) undoableAnyTime!: boolean;
}

@ObjectType()
export class TraceEvent {
  @Field(() => ID, { description: 'The event (event.id): its ledger proof is at /api/ledger/events/{id}/proof.' }) id!: string;
  @Field(() => EventType) type!: EventTypeName;
  @Field(() => Date, { description: 'When it happened, as reported.' }) at!: Date;
  @Field(() => Date, { description: 'When Jejak recorded it.' }) recordedAt!: Date;
  @Field(() => FacilityObject) facility!: FacilityObject;
  @Field(() => FacilityObject, { nullable: true }) counterparty!: FacilityObject | null;
  @Field(() => EventSource) source!: EventSourceName;
  @Field(() => String, { nullable: true, description: 'Decommission reason.' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'For aggregation: the parent code.' }) parentCode!: string | null;
  @Field(() => TraceActor, {
    nullable: true,
    description: 'Who reported it: a user or an API key. BPOM sees it for every event, others for their own organisation’s events only.',
  })
  recordedBy!: TraceActor | null;
}

@ObjectType({ description: 'Who reported an event.' })
export class TraceActor {
  @Field(() => String, { description: 'USER or API_KEY.' }) kind!: 'USER' | 'API_KEY';
  @Field(() => String, { description: 'The user’s name (and email) or the key’s name.' }) name!: string;
}

@ObjectType()
export class Trace {
  @Field(() => PackObject) pack!: PackObject;
  @Field(() => PackObject, { nullable: true }) parent!: PackObject | null;
  @Field(() => [PackObject]) children!: PackObject[];
  @Field(() => [TraceEvent], { description: 'Oldest first.' }) events!: TraceEvent[];
}
