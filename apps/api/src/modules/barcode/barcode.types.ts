import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class BarcodeElement {
  @Field(() => String, { description: 'Application Identifier, e.g. 90, 10, 17, 21.' }) ai!: string;
  @Field(() => String) value!: string;
}

@ObjectType()
export class BarcodeProblem {
  @Field(() => String, { description: 'Stable code, e.g. BAD_CHECK_DIGIT, BAD_DATE, BAD_CHARSET, BAD_LENGTH, MISSING_REQUIRED_AI, UNKNOWN_AI.' })
  code!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) ai!: string | null;
  @Field(() => Int, { nullable: true, description: 'Character position in the input.' }) position!: number | null;
}

@ObjectType({ description: 'What a barcode says, read and checked by the GS1 and BPOM rules.' })
export class BarcodeParse {
  @Field(() => Boolean) valid!: boolean;
  @Field(() => String, { nullable: true, description: 'GS1 or BPOM.' }) profile!: string | null;
  @Field(() => [BarcodeElement]) elements!: BarcodeElement[];
  @Field(() => String, { nullable: true }) gtin!: string | null;
  @Field(() => String, { nullable: true }) nie!: string | null;
  @Field(() => String, { nullable: true }) batch!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiry!: string | null;
  @Field(() => String, { nullable: true }) serial!: string | null;
  @Field(() => String, { nullable: true }) sscc!: string | null;
  @Field(() => String, { nullable: true }) bracketed!: string | null;
  @Field(() => String, { nullable: true, description: 'GS1 data with ASCII 29 separators, no symbology identifier.' }) raw!: string | null;
  @Field(() => String, { nullable: true, description: 'Null where the code has no GTIN or SSCC.' }) digitalLink!: string | null;
  @Field(() => [BarcodeProblem], { description: 'Empty when valid.' }) errors!: BarcodeProblem[];
  @Field(() => [BarcodeProblem], { description: 'Notes that do not make the code invalid.' }) warnings!: BarcodeProblem[];
}
