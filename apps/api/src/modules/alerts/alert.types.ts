import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserObject } from '../auth/auth.types.js';
import { enumOf } from '../../shared/enums.js';
import { ALERT_SEVERITIES, type AlertSeverityName } from './severity.js';

export const AlertStatus = { OPEN: 'OPEN', ASSIGNED: 'ASSIGNED', CLOSED: 'CLOSED' } as const;
export type AlertStatusName = keyof typeof AlertStatus;
registerEnumType(AlertStatus, { name: 'AlertStatus' });

export const AlertSeverity = enumOf(ALERT_SEVERITIES);
registerEnumType(AlertSeverity, { name: 'AlertSeverity', description: 'HIGH: signs of falsified medicine; MEDIUM: goods astray; LOW: the rest.' });

export const AlertResolution = { FALSE_ALARM: 'FALSE_ALARM', CONFIRMED_FALSIFIED: 'CONFIRMED_FALSIFIED', DIVERTED: 'DIVERTED' } as const;
export type AlertResolutionName = keyof typeof AlertResolution;
registerEnumType(AlertResolution, { name: 'AlertResolution', description: 'How BPOM closed an alert.' });

@ObjectType({ description: 'One observation behind an alert.' })
export class AlertEvidence {
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'VERIFICATION, MOVEMENT, COMPLAINT or LEDGER.' }) kind!: string;
  @Field(() => String) detail!: string;
  @Field(() => String, { nullable: true, description: 'The code seen, for an alert that gathers several (one device’s unknown codes of a day).' })
  code!: string | null;
  @Field(() => Float, { nullable: true, description: 'Where a member of the public checked it: for BPOM only.' }) latitude!: number | null;
  @Field(() => Float, { nullable: true, description: 'For BPOM only.' }) longitude!: number | null;
  @Field(() => String, { nullable: true, description: 'The facility involved, for movements.' }) facility!: string | null;
}

@ObjectType('AlertComment')
export class AlertCommentObject {
  @Field(() => String) text!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) author!: string;
}

@ObjectType('Complaint', { description: 'A report of a suspected fake by a member of the public.' })
export class ComplaintObject {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => Boolean, { description: 'BPOM fetches it from /api/complaints/{id}/photo.' }) hasPhoto!: boolean;
  @Field(() => ID, { nullable: true }) alertId!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('AlertProduct')
export class AlertProduct {
  @Field(() => String) nie!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Alert', {
  description: 'Work for BPOM: one per code and reason until closed (one per device and day for unknown codes). Who works it, its comments and the public’s complaints are for BPOM only.',
})
export class AlertObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'A VerificationReason, the RejectionReason of a refused movement, SHIPMENT_DISCREPANCY, or LEDGER_BROKEN.' }) reason!: string;
  @Field(() => AlertSeverity) severity!: AlertSeverityName;
  @Field(() => AlertStatus) status!: AlertStatusName;
  @Field(() => AlertResolution, { nullable: true }) resolution!: AlertResolutionName | null;
  @Field(() => String, { description: 'The code, in bracketed form where it could be read.' }) code!: string;
  @Field(() => Int, { description: 'How often it was seen.' }) occurrences!: number;
  @Field(() => Date) firstSeenAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => AlertProduct, { nullable: true }) product!: AlertProduct | null;
  @Field(() => UserObject, { nullable: true, description: 'For BPOM only.' }) assignee!: UserObject | null;
  @Field(() => [AlertEvidence], { description: 'Newest first, the last 20.' }) evidence!: AlertEvidence[];
}
