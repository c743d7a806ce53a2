import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Product } from './product.entity.js';

/** A production batch (bets, lot): the product, its lot number and expiry. */
@Entity({ tableName: 'batch' })
@Unique({ properties: ['product', 'lot'] })
export class Batch {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Product)
  product!: Product;

  @Property({ type: 'text' })
  lot!: string;

  @Property({ type: 'date' })
  expiry!: string;

  @Property({ type: 'datetime', nullable: true })
  recalledAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
