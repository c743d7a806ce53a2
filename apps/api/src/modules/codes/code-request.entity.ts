import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../auth/auth.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Batch } from '../products/batch.entity.js';
import { Product } from '../products/product.entity.js';

export type CodeRequestStatus = 'REQUESTED' | 'ISSUED' | 'REJECTED';
export type CodeRequestKind = 'REQUEST' | 'UPLOAD';

/** A manufacturer's request for serials, or the record of serials it uploaded itself. */
@Entity({ tableName: 'code_request' })
export class CodeRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization)
  organization!: Organization;

  @ManyToOne(() => Product)
  product!: Product;

  @ManyToOne(() => Batch)
  batch!: Batch;

  @Property({ type: 'text' })
  kind!: CodeRequestKind;

  @Property({ type: 'text' })
  status!: CodeRequestStatus;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer', nullable: true })
  unitsPerCase: number | null = null;

  @Property({ type: 'integer', nullable: true })
  casesPerPallet: number | null = null;

  @Property({ type: 'text', nullable: true })
  gtin: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  requestedBy: User | null = null;

  @ManyToOne(() => User, { nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;
}
