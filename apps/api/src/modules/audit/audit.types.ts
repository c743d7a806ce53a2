import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';
import { PageInfo } from '../codes/codes.types.js';
import { AUDIT_ACTIONS, AUDIT_TARGETS, type AuditAction as ActionName, type AuditTarget as TargetName } from './audit.entity.js';

export const AuditAction = enumOf(AUDIT_ACTIONS);
registerEnumType(AuditAction, { name: 'AuditAction', description: 'What an audit event records.' });
export const AuditTarget = enumOf(AUDIT_TARGETS);
registerEnumType(AuditTarget, {
  name: 'AuditTarget',
  description: 'What an audit event is about: a user, an API key, or for a throttled login the email (ACCOUNT), the address or its network.',
});

@ObjectType('AuditEvent', { description: 'One entry of the append-only log of changes to accounts and API keys.' })
export class AuditEventObject {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => AuditAction) action!: ActionName;
  @Field(() => ID, { nullable: true, description: 'Who made the change; null for what Jejak did itself.' }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field(() => AuditTarget) targetType!: TargetName;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => String, { nullable: true, description: 'How the target read at the time: an email, a key’s name, an address.' })
  targetLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'The client address the change came from.' }) address!: string | null;
  @Field(() => Int, { nullable: true, description: 'Logins the change ended.' }) sessionsEnded!: number | null;
  @Field(() => Date, { nullable: true, description: 'A new API key’s expiry.' }) expiresAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'LOGIN_THROTTLED: the failures counted.' }) failures!: number | null;
  @Field(() => Int, { nullable: true, description: 'LOGIN_THROTTLED: the wait imposed.' }) retryAfterSeconds!: number | null;
  /** Resolved through the organisation loader. */
  organizationId!: string | null;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => AuditEventObject) node!: AuditEventObject;
  @Field(() => String) cursor!: string;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
