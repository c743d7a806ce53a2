import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';
import { FacilityObject } from '../organizations/organization.types.js';
import { PackLevel, PackProductObject, PackStatus, Rejection, ShipmentRef, type PackLevelName, type PackStatusName } from '../packs/pack.types.js';

export const SHIPMENT_STATUSES = ['OPEN', 'DISPATCHED', 'RECEIVED', 'RECEIVED_WITH_DISCREPANCIES', 'CANCELLED'] as const;
export type ShipmentStatusName = (typeof SHIPMENT_STATUSES)[number];
export const ShipmentStatus = enumOf(SHIPMENT_STATUSES);
registerEnumType(ShipmentStatus, {
  name: 'ShipmentStatus',
  description: 'OPEN while it is being filled; DISPATCHED once on its way; RECEIVED, or RECEIVED_WITH_DISCREPANCIES when something was missing or extra; CANCELLED before dispatch.',
});

export const SHIPMENT_KINDS = ['SHIPMENT', 'RETURN'] as const;
export type ShipmentKindName = (typeof SHIPMENT_KINDS)[number];
export const ShipmentKind = enumOf(SHIPMENT_KINDS);
registerEnumType(ShipmentKind, { name: 'ShipmentKind' });

@ObjectType({ description: 'One pack named in a shipment: a unit, or a case or pallet standing for what it holds.' })
export class ShipmentItem {
  @Field(() => ID) packId!: string;
  @Field(() => String, { description: 'Bracketed, or the SSCC (00)… of a case or pallet.' }) code!: string;
  @Field(() => PackLevel) level!: PackLevelName;
  @Field(() => Int, { description: 'Units in it.' }) units!: number;
  @Field(() => PackProductObject, { nullable: true, description: 'Null for a mixed case or pallet.' }) product!: PackProductObject | null;
  @Field(() => String, { nullable: true }) batch!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiry!: string | null;
  @Field(() => Boolean) recalled!: boolean;
  @Field(() => PackStatus, { description: 'Where it is now: IN_TRANSIT until received.' }) status!: PackStatusName;
}

@ObjectType({ description: 'The units of one product batch in a shipment, as a packing list lists them.' })
export class ShipmentLine {
  @Field(() => PackProductObject) product!: PackProductObject;
  @Field(() => String) batch!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) expiry!: string;
  @Field(() => Int) units!: number;
  @Field(() => Boolean) recalled!: boolean;
}

@ObjectType('Shipment', { description: 'A delivery note: what one facility sends another, from filling to receipt.' })
export class ShipmentObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Unique per sender: SJ-2026-000123, RT-… for a return.' }) number!: string;
  @Field(() => String, { description: 'The GS1 Global Shipment Identification Number (AI 402) its barcode carries.' }) gsin!: string;
  @Field(() => String, { description: 'The barcode content, as bracketed GS1 text: (402)…' }) barcode!: string;
  @Field(() => ShipmentKind) kind!: ShipmentKindName;
  @Field(() => ShipmentStatus) status!: ShipmentStatusName;
  @Field(() => FacilityObject) from!: FacilityObject;
  @Field(() => FacilityObject) to!: FacilityObject;
  @Field(() => Int, { description: 'Units in it, counting those inside cases and pallets.' }) units!: number;
  @Field(() => Int, { description: 'Units received so far.' }) receivedUnits!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) dispatchedAt!: Date | null;
  @Field(() => Date, { nullable: true }) receivedAt!: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  fromId!: string;
  toId!: string;
  organizationId!: string;
}

@ObjectType({ description: 'What a receipt of a shipment did, and how it differs from what was sent.' })
export class ShipmentReceipt {
  @Field(() => Int, { description: 'Codes received (a case or pallet counts once).' }) accepted!: number;
  @Field(() => Int, { description: 'Units received, counting those inside cases and pallets.' }) units!: number;
  @Field(() => [Rejection]) rejected!: Rejection[];
  @Field(() => [String], { description: 'What the shipment held and did not arrive: the outermost code of each part missing whole.' })
  missing!: string[];
  @Field(() => [String], { description: 'Codes received that were not in this shipment (shipped to the receiver in another).' }) extra!: string[];
  @Field(() => [String], { description: 'Codes received that belong to a recalled batch.' }) recalled!: string[];
  @Field(() => ShipmentRef) shipment!: ShipmentRef;
}
