import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity.js';

/** Product master data, keyed by its marketing authorisation (NIE). */
@Entity({ tableName: 'product' })
export class Product {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Nomor Izin Edar: at most 16 characters, carried in AI (90). */
  @Property({ type: 'text', unique: true })
  nie!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  brand: string | null = null;

  @Property({ type: 'text', nullable: true })
  form: string | null = null;

  @Property({ type: 'text', nullable: true })
  strength: string | null = null;

  @Property({ type: 'text', nullable: true })
  packaging: string | null = null;

  /** The manufacturer ("Produsen"), as printed. */
  @Property({ type: 'text', nullable: true })
  producer: string | null = null;

  /** The registrant ("Pendaftar"): the organisation that holds the NIE. */
  @ManyToOne(() => Organization)
  registrant!: Organization;

  @Property({ type: 'text', nullable: true, unique: true })
  gtin: string | null = null;

  /** Prescription drugs carry a unique serial per pack; others only an identification code. */
  @Property({ type: 'boolean' })
  serialised: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
