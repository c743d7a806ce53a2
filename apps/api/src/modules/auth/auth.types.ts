import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role as RoleName } from '../../shared/auth.js';
import { enumOf } from '../../shared/enums.js';
import type { ApiKey, User } from './auth.entity.js';

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
  organizationId!: string;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => UserObject) user!: UserObject;
}

@ObjectType('ApiKey')
export class ApiKeyObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the key.' }) prefix!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKeyObject) apiKey!: ApiKeyObject;
  @Field(() => String, { description: 'The key itself: shown this once, never again.' }) secret!: string;
}

export const toUserObject = (user: User): UserObject => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organizationId: user.organization.id,
});

export const toApiKeyObject = (key: ApiKey): ApiKeyObject => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt,
  lastUsedAt: key.lastUsedAt,
});
