import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role as RoleName } from '../../shared/auth.js';
import { enumOf } from '../../shared/enums.js';
import type { ApiKey, Session, User } from './auth.entity.js';

export const Role = enumOf(ROLES);
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do in their organisation; SUPERVISOR and INSPECTOR exist only at BPOM.',
});

@ObjectType('User')
export class UserObject {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => Role) role!: RoleName;
  @Field(() => Boolean, { description: 'False once an administrator has disabled the account.' }) active!: boolean;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
  @Field(() => Boolean, { description: 'The password is a temporary one from a reset: the next login must change it.' })
  mustChangePassword!: boolean;
  @Field(() => Date) createdAt!: Date;
  organizationId!: string;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => UserObject) user!: UserObject;
  @Field(() => Boolean, {
    description: 'Logged in with a temporary password: this login may only call changePassword, me and logout.',
  })
  mustChangePassword!: boolean;
}

@ObjectType('ApiKey')
export class ApiKeyObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the key.' }) prefix!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'After this the key is refused; null: until revoked.' }) expiresAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKeyObject) apiKey!: ApiKeyObject;
  @Field(() => String, { description: 'The key itself: shown this once, never again.' }) secret!: string;
}

@ObjectType('Session', { description: 'One of your logins.' })
export class SessionObject {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'To within a few minutes.' }) lastUsedAt!: Date | null;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => String, { nullable: true, description: 'The browser or program, as it named itself at login.' }) userAgent!: string | null;
  @Field(() => String, { nullable: true, description: 'The client address at login.' }) address!: string | null;
  @Field(() => Boolean, { description: 'The login this request is made with.' }) current!: boolean;
}

@ObjectType()
export class PasswordReset {
  @Field(() => UserObject) user!: UserObject;
  @Field(() => String, { description: 'Shown this once: hand it to the user, who must change it at the next login.' })
  temporaryPassword!: string;
  @Field(() => Date, { description: 'The temporary password logs in once, before this.' }) expiresAt!: Date;
}

@ObjectType()
export class PasswordChange {
  @Field(() => UserObject) user!: UserObject;
  @Field(() => Int, { description: 'Your other logins, ended by the change.' }) sessionsEnded!: number;
}

export const toUserObject = (user: User): UserObject => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  active: user.active,
  disabledAt: user.disabledAt,
  mustChangePassword: user.mustChangePassword,
  createdAt: user.createdAt,
  organizationId: user.organization.id,
});

export const toApiKeyObject = (key: ApiKey): ApiKeyObject => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt,
  lastUsedAt: key.lastUsedAt,
  expiresAt: key.expiresAt,
});

export const toSessionObject = (session: Session, currentId: string | null): SessionObject => ({
  id: session.id,
  createdAt: session.createdAt,
  lastUsedAt: session.lastUsedAt,
  expiresAt: session.expiresAt,
  userAgent: session.userAgent,
  address: session.ip,
  current: session.id === currentId,
});
