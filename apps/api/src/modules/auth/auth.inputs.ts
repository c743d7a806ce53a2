import { Field, ID, InputType } from 'type-graphql';
import type { Role as RoleName } from '../../shared/auth.js';
import { Role } from './auth.types.js';

@InputType()
export class UserInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String) password!: string;
  @Field(() => Role) role!: RoleName;
  @Field(() => ID, { nullable: true, description: 'BPOM administrators may name another organisation.' })
  organizationId?: string | null;
}
