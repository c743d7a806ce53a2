import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class CodeRequestInput {
  @Field(() => String) nie!: string;
  @Field(() => String, { description: 'Lot number, AI (10).' }) batch!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) expiry!: string;
  @Field(() => Int, { description: 'Units (primary packs) to serialise.' }) quantity!: number;
  @Field(() => String, { nullable: true }) gtin?: string | null;
  @Field(() => Int, { nullable: true, description: 'Issue an SSCC for every case of this many units.' }) unitsPerCase?: number | null;
  @Field(() => Int, { nullable: true, description: 'Issue an SSCC for every pallet of this many cases.' }) casesPerPallet?: number | null;
}

@InputType()
export class SerialUploadInput {
  @Field(() => String) nie!: string;
  @Field(() => String) batch!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) expiry!: string;
  @Field(() => [String], { description: 'Serials made by the manufacturer’s own serialisation, AI (21) values.' }) serials!: string[];
  @Field(() => String, { nullable: true }) gtin?: string | null;
}
