import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../auth/auth.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Batch } from '../products/batch.entity.js';

export type RecallClass = 'I' | 'II' | 'III';

@Entity({ tableName: 'recall' })
export class Recall {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Batch)
  batch!: Batch;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  class: RecallClass | null = null;

  @Property({ type: 'text' })
  status: 'OPEN' | 'CLOSED' = 'OPEN';

  /** Who started it: BPOM or the manufacturer. */
  @ManyToOne(() => Organization)
  organization!: Organization;

  @ManyToOne(() => User, { nullable: true })
  user: User | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** When BPOM closed it. */
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}
