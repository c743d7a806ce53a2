import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** What an audit event records: every change to an account, a login or an API key, and every backup taken. */
export const AUDIT_ACTIONS = [
  'USER_CREATED',
  'USER_DISABLED',
  'USER_ENABLED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'SESSIONS_ENDED',
  'API_KEY_CREATED',
  'API_KEY_REVOKED',
  'LOGIN_THROTTLED',
  'BACKUP_TAKEN',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an event is about: a user, an API key, or for throttled logins the email or the address. */
export const AUDIT_TARGETS = ['USER', 'API_KEY', 'ACCOUNT', 'ADDRESS', 'NETWORK', 'DATABASE'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/** The few facts an event carries besides who, what and whom. */
export interface AuditDetail {
  /** Logins ended by the change. */
  sessionsEnded?: number;
  /** A new API key's expiry, as ISO 8601. */
  expiresAt?: string;
  /** Failed logins counted when the throttle started waiting, and the wait. */
  failures?: number;
  retryAfterSeconds?: number;
}

/**
 * One row of the append-only audit log (the database refuses to change or delete one). Written in
 * the transaction of the change it records.
 */
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: Opt<string>;

  @Property({ type: 'datetime' })
  at: Opt<Date> = new Date();

  @Enum({ items: () => [...AUDIT_ACTIONS], type: 'text' })
  action!: AuditAction;

  /** The user who made the change; null for what the system did (a throttled login). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The organisation the change concerns, whose administrators may read it; null: BPOM only. */
  @Property({ type: 'uuid', nullable: true })
  organizationId: string | null = null;

  @Enum({ items: () => [...AUDIT_TARGETS], type: 'text' })
  targetType!: AuditTarget;

  @Property({ type: 'text', nullable: true })
  targetId: string | null = null;

  /** How the target read at the time: an email, a key's name, an address. */
  @Property({ type: 'text', nullable: true })
  targetLabel: string | null = null;

  /** The client's address the change came from. */
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'json' })
  detail: Opt<AuditDetail> = {};
}
