import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { ROLES, type Role } from '../../shared/auth.js';
import { Organization } from '../organizations/organization.entity.js';

@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization)
  organization!: Organization;

  /** Stored lower-case. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Enum({ items: () => [...ROLES], type: 'text' })
  role!: Role;

  /** False once an administrator disables the account: it cannot log in, and its logins have ended. */
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  /** Set by an administrator's reset: the password is a temporary one, to be changed at the next login. */
  @Property({ type: 'boolean' })
  mustChangePassword: Opt<boolean> = false;

  /** Until when the temporary password logs in; its first login sets it to that moment, so it works once. */
  @Property({ type: 'datetime', nullable: true })
  temporaryPasswordExpiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt: Date | null = null;
}

/** A login: the token itself is never stored, only its SHA-256. */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'bytea', unique: true, hidden: true })
  tokenHash!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** Written at most every few minutes (see AuthService), not on every request. */
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  /** The client's address and user agent at login, to tell one's logins apart. */
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}

/** An integrator's key: shown once, stored as its SHA-256, revocable. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'text' })
  name!: string;

  /** The first characters of the key, to tell keys apart in lists. */
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'bytea', unique: true, hidden: true })
  secretHash!: Buffer;

  @ManyToOne(() => User, { nullable: true })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  /** After this the key is refused; null: until revoked. */
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;
}
