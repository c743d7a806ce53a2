import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../auth/auth.entity.js';
import { Facility, Organization } from '../organizations/organization.entity.js';

export type InspectionStatusName = 'OPEN' | 'CLOSED';

/** A BPOM inspector's visit to a facility; its reads and findings are rows of their own. */
@Entity({ tableName: 'inspection' })
export class Inspection {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Facility)
  facility!: Facility;

  /** The inspector's organisation: BPOM. */
  @ManyToOne(() => Organization)
  organization!: Organization;

  @ManyToOne(() => User, { nullable: true })
  inspector: User | null = null;

  @Property({ type: 'text' })
  status: InspectionStatusName = 'OPEN';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  openedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}
