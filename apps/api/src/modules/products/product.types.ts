import { Field, ID, ObjectType } from 'type-graphql';
import type { Product } from './product.entity.js';

@ObjectType('Product')
export class ProductObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Nomor Izin Edar, the marketing authorisation.' }) nie!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) brand!: string | null;
  @Field(() => String, { nullable: true, description: 'Dosage form.' }) form!: string | null;
  @Field(() => String, { nullable: true }) strength!: string | null;
  @Field(() => String, { nullable: true }) packaging!: string | null;
  @Field(() => String, { nullable: true }) producer!: string | null;
  @Field(() => String, { nullable: true }) gtin!: string | null;
  @Field(() => Boolean) serialised!: boolean;
  registrantId!: string;
}

@ObjectType('Batch', { description: 'A batch (bets, lot) of a product, with the expiry all its packs carry.' })
export class BatchObject {
  @Field(() => String, { description: 'The lot number.' }) lot!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) expiry!: string;
  @Field(() => Boolean, { description: 'Whether it is recalled.' }) recalled!: boolean;
}

export const toProductObject = (product: Product): ProductObject => ({
  id: product.id,
  nie: product.nie,
  name: product.name,
  brand: product.brand,
  form: product.form,
  strength: product.strength,
  packaging: product.packaging,
  producer: product.producer,
  gtin: product.gtin,
  serialised: product.serialised,
  registrantId: product.registrant.id,
});
