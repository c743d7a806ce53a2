import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';
import { FacilityObject } from '../organizations/organization.types.js';

export const RegionLevel = enumOf(['FACILITY', 'REGENCY', 'PROVINCE'] as const);
export type RegionLevelName = keyof typeof RegionLevel;
registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'How finely a report splits by place.' });

export const FlowDirection = enumOf(['IN', 'OUT'] as const);
export type FlowDirectionName = keyof typeof FlowDirection;
registerEnumType(FlowDirection, { name: 'FlowDirection' });

@InputType({ description: 'Narrows a report; every field is optional. Dates are YYYY-MM-DD, both ends included.' })
export class ReportFilter {
  @Field(() => String, { nullable: true }) from?: string | null;
  @Field(() => String, { nullable: true }) to?: string | null;
  @Field(() => String, { nullable: true }) province?: string | null;
  @Field(() => String, { nullable: true }) regency?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this product.' }) nie?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this batch (lot number); with nie.' }) batch?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only the products of this manufacturer (registrant).' }) organization?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this facility.' }) facility?: string | null;
}

@ObjectType()
export class ReportProduct {
  @Field(() => String) nie!: string;
  @Field(() => String) name!: string;
}

@ObjectType()
export class StockRow {
  @Field(() => String, { description: 'Facility id, regency or province.' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => FacilityObject, { nullable: true, description: 'When split by facility.' }) facility!: FacilityObject | null;
  @Field(() => String, { nullable: true }) province!: string | null;
  @Field(() => String, { nullable: true }) regency!: string | null;
  @Field(() => ReportProduct) product!: ReportProduct;
  @Field(() => String, { description: 'Lot number.' }) batch!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) expiry!: string;
  @Field(() => Int) units!: number;
  @Field(() => Boolean, { description: 'Expires within the near-expiry window.' }) nearExpiry!: boolean;
  @Field(() => Boolean, { description: 'The batch is recalled: pull these units.' }) recalled!: boolean;
}

@ObjectType()
export class StockReport {
  @Field(() => Date, { description: 'Data as of: every movement committed before this time is counted.' }) asOf!: Date;
  @Field(() => Int) nearExpiryDays!: number;
  @Field(() => [StockRow]) rows!: StockRow[];
}

@ObjectType()
export class FlowRow {
  @Field(() => FlowDirection) direction!: FlowDirectionName;
  @Field(() => FacilityObject) facility!: FacilityObject;
  @Field(() => FacilityObject, { description: 'To whom it went, or from whom it came.' }) counterparty!: FacilityObject;
  @Field(() => ReportProduct) product!: ReportProduct;
  @Field(() => String) batch!: string;
  @Field(() => Int) units!: number;
}

@ObjectType({ description: 'Units shipped to a facility and not received for too long.' })
export class OverdueShipment {
  @Field(() => FacilityObject) from!: FacilityObject;
  @Field(() => FacilityObject) to!: FacilityObject;
  @Field(() => ReportProduct) product!: ReportProduct;
  @Field(() => String) batch!: string;
  @Field(() => Date) since!: Date;
  @Field(() => Int) units!: number;
}

@ObjectType()
export class FlowReport {
  @Field(() => Date) asOf!: Date;
  @Field(() => [FlowRow]) rows!: FlowRow[];
  @Field(() => Int) overdueDays!: number;
  @Field(() => [OverdueShipment]) overdue!: OverdueShipment[];
}

@ObjectType()
export class ShortageRow {
  @Field(() => String) province!: string;
  @Field(() => String) regency!: string;
  @Field(() => ReportProduct) product!: ReportProduct;
  @Field(() => Int, { description: 'Units on hand in the regency.' }) stock!: number;
  @Field(() => Float, { description: 'Units dispensed per day over the window.' }) dailyRate!: number;
  @Field(() => Float, { description: 'How many days the stock lasts at that rate.' }) daysOfCover!: number;
}

@ObjectType()
export class ShortageReport {
  @Field(() => Date) asOf!: Date;
  @Field(() => Int) thresholdDays!: number;
  @Field(() => Int) windowDays!: number;
  @Field(() => [ShortageRow]) rows!: ShortageRow[];
}

@ObjectType()
export class ConsumptionRow {
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => String) province!: string;
  @Field(() => String, { nullable: true, description: 'When split by regency.' }) regency!: string | null;
  @Field(() => ReportProduct) product!: ReportProduct;
  @Field(() => Int) units!: number;
}

@ObjectType()
export class ConsumptionReport {
  @Field(() => Date) asOf!: Date;
  @Field(() => [ConsumptionRow]) rows!: ConsumptionRow[];
}
