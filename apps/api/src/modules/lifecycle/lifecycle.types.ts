import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';
import type { OrganizationType } from '../../shared/auth.js';
import { FacilityType } from '../organizations/organization.types.js';
import { DecommissionReason } from '../packs/pack.types.js';
import { MOVEMENT_KINDS, type MovementKind } from './policy.js';
import type { DecommissionReasonName } from './states.js';

export const Movement = enumOf(MOVEMENT_KINDS);
registerEnumType(Movement, { name: 'Movement', description: 'What can happen to a pack; each is a mutation of the same name.' });

@ObjectType({ description: 'A movement and who may make it.' })
export class MovementRule {
  @Field(() => Movement) movement!: MovementKind;
  @Field(() => [FacilityType], { description: 'The facility types that may make it.' }) actors!: OrganizationType[];
  @Field(() => Boolean, { description: 'Refused for a recalled batch.' }) blockedByRecall!: boolean;
  @Field(() => Boolean, { description: 'Refused for an expired batch.' }) blockedByExpiry!: boolean;
}

@ObjectType({ description: 'Packs may be shipped or returned from a facility of one type to a facility of another.' })
export class Route {
  @Field(() => Movement, { description: 'ship or returnPacks.' }) movement!: MovementKind;
  @Field(() => FacilityType) from!: OrganizationType;
  @Field(() => FacilityType) to!: OrganizationType;
}

@ObjectType('Lifecycle', { description: 'The rules of a pack’s life, as the server applies them.' })
export class LifecycleObject {
  @Field(() => [MovementRule]) movements!: MovementRule[];
  @Field(() => [Route], { description: 'Every allowed sender type → receiver type, for ship and for returns.' }) routes!: Route[];
  @Field(() => [DecommissionReason], { description: 'Why packs may be taken out of circulation; destroyed and stolen are final.' })
  decommissionReasons!: DecommissionReasonName[];
  @Field(() => Int, { description: 'Days within which a dispense, sample or export may be undone (LOCKED: any time).' }) undoWindowDays!: number;
  @Field(() => Int, { description: 'How many days back a reported event time may go.' }) reportedWindowDays!: number;
  @Field(() => Int, { description: 'How many minutes ahead of the server’s clock a reported time may be.' }) clockSkewMinutes!: number;
  @Field(() => String, { description: 'The IANA time zone whose calendar days every report counts in.' }) reportTimeZone!: string;
}
