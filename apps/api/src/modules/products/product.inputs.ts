import { Field, InputType } from 'type-graphql';

@InputType()
export class ProductInput {
  @Field(() => String) nie!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) form?: string | null;
  @Field(() => String, { nullable: true }) strength?: string | null;
  @Field(() => String, { nullable: true }) packaging?: string | null;
  @Field(() => String, { nullable: true }) brand?: string | null;
  @Field(() => String, { nullable: true }) producer?: string | null;
  @Field(() => String, { nullable: true }) gtin?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Prescription drugs are serialised (the default).' })
  serialised?: boolean | null;
}

@InputType({ description: 'Fields to change; omitted ones stay as they are. The NIE never changes.' })
export class ProductUpdateInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) form?: string | null;
  @Field(() => String, { nullable: true }) strength?: string | null;
  @Field(() => String, { nullable: true }) packaging?: string | null;
  @Field(() => String, { nullable: true }) brand?: string | null;
  @Field(() => String, { nullable: true }) producer?: string | null;
  @Field(() => String, { nullable: true, description: 'Can be set once; a GTIN in use is never changed.' }) gtin?: string | null;
}
