import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { ORGANIZATION_TYPES, type OrganizationType } from '../../shared/auth.js';

@Entity({ tableName: 'organization' })
export class Organization {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => [...ORGANIZATION_TYPES], type: 'text' })
  type!: OrganizationType;

  /** For the SSCCs of its cases and pallets. */
  @Property({ type: 'text', nullable: true, fieldName: 'gs1_company_prefix' })
  gs1CompanyPrefix: string | null = null;

  @OneToMany(() => Facility, (facility) => facility.organization)
  facilities = new Collection<Facility>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'facility' })
export class Facility {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => [...ORGANIZATION_TYPES], type: 'text' })
  type!: OrganizationType;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Property({ type: 'text', nullable: true })
  province: string | null = null;

  @Property({ type: 'text', nullable: true })
  regency: string | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'text', nullable: true })
  licenceNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  gln: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
