import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserObject } from '../auth/auth.types.js';
import { PageInfo } from '../codes/codes.types.js';
import { enumOf } from '../../shared/enums.js';
import { ALERT_OBSERVATIONS, type AlertObservationName } from './observations.js';
import { ALERT_REASONS, type AlertReasonName } from './reasons.js';
import { ALERT_SEVERITIES, type AlertSeverityName } from './severity.js';

export const AlertStatus = { OPEN: 'OPEN', ASSIGNED: 'ASSIGNED', CLOSED: 'CLOSED' } as const;
export type AlertStatusName = keyof typeof AlertStatus;
registerEnumType(AlertStatus, { name: 'AlertStatus' });

export const AlertSeverity = enumOf(ALERT_SEVERITIES);
registerEnumType(AlertSeverity, { name: 'AlertSeverity', description: 'HIGH: signs of falsified medicine; MEDIUM: goods astray; LOW: the rest.' });

export const AlertReason = enumOf(ALERT_REASONS);
registerEnumType(AlertReason, { name: 'AlertReason', description: 'Why an alert is raised: the values `Alert.reason` takes.' });

export const AlertObservation = enumOf(ALERT_OBSERVATIONS);
registerEnumType(AlertObservation, {
  name: 'AlertObservation',
  description: 'What one piece of evidence records, for the dashboard to word; its figures are in `params`. OTHER: stored before these codes, `detail` only.',
});

export const AlertBulkSkipReason = { NOT_FOUND: 'NOT_FOUND', CLOSED: 'CLOSED' } as const;
export type AlertBulkSkipReasonName = keyof typeof AlertBulkSkipReason;
registerEnumType(AlertBulkSkipReason, { name: 'AlertBulkSkipReason', description: 'Why a bulk change left an alert alone: not visible to the caller (or no such alert), or closed.' });

export const AlertResolution = { FALSE_ALARM: 'FALSE_ALARM', CONFIRMED_FALSIFIED: 'CONFIRMED_FALSIFIED', DIVERTED: 'DIVERTED' } as const;
export type AlertResolutionName = keyof typeof AlertResolution;
registerEnumType(AlertResolution, { name: 'AlertResolution', description: 'How BPOM closed an alert.' });

@ObjectType({ description: 'A figure an observation names.' })
export class AlertEvidenceParam {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: 'One observation behind an alert.' })
export class AlertEvidence {
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'VERIFICATION, MOVEMENT, COMPLAINT or LEDGER.' }) kind!: string;
  @Field(() => AlertObservation, { description: 'What was seen, as a code to word in the reader’s language.' }) observation!: AlertObservationName;
  @Field(() => [AlertEvidenceParam], { description: 'The figures the observation names (km, minutes, printedBatch, missingUnits …).' })
  params!: AlertEvidenceParam[];
  @Field(() => String, { description: 'The same in English, for logs; not a label.' }) detail!: string;
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

@ObjectType('AlertFacility')
export class AlertFacility {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('AlertProduct')
export class AlertProduct {
  @Field(() => String) nie!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Alert', {
  description:
    'Work for BPOM: one per code and reason until closed (one per device and day for unknown codes; one per refusing movement, with every refused code as evidence; one per shipment). Who works it, its comments and the public’s complaints are for BPOM only.',
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
  @Field(() => String, { nullable: true, description: 'The batch of the pack it is about.' }) batch!: string | null;
  @Field(() => AlertFacility, { nullable: true, description: 'The facility whose movement or receipt raised it.' }) facility!: AlertFacility | null;
  @Field(() => UserObject, { nullable: true, description: 'For BPOM only.' }) assignee!: UserObject | null;
  @Field(() => [AlertEvidence], { description: 'Newest first: the last 20, or every refused code (up to 1,000) of the movement that raised it.' })
  evidence!: AlertEvidence[];
}

@ObjectType()
export class AlertEdge {
  @Field(() => AlertObject) node!: AlertObject;
  @Field(() => String) cursor!: string;
}

@ObjectType()
export class AlertConnection {
  @Field(() => [AlertEdge]) edges!: AlertEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Alerts matching the filter, on every page.' }) totalCount!: number;
}

@InputType({ description: 'Which alerts; every field narrows.' })
export class AlertFilterInput {
  @Field(() => AlertStatus, { nullable: true }) status?: AlertStatusName | null;
  @Field(() => [AlertReason], { nullable: true, description: 'Any of these reasons.' }) reasons?: AlertReasonName[] | null;
  @Field(() => AlertSeverity, { nullable: true }) severity?: AlertSeverityName | null;
  @Field(() => ID, { nullable: true, description: 'The facility whose movement raised it.' }) facilityId?: string | null;
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => String, { nullable: true, description: 'A batch number.' }) batch?: string | null;
  @Field(() => String, { nullable: true, description: 'Last seen on or after this day (YYYY-MM-DD, reporting time zone).' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Last seen on or before this day.' }) to?: string | null;
}

@ObjectType()
export class AlertBulkSkip {
  @Field(() => ID) id!: string;
  @Field(() => AlertBulkSkipReason) reason!: AlertBulkSkipReasonName;
}

@ObjectType({ description: 'What a bulk change did: the alerts changed, and those left alone with why.' })
export class AlertBulkResult {
  @Field(() => [AlertObject]) updated!: AlertObject[];
  @Field(() => [AlertBulkSkip]) skipped!: AlertBulkSkip[];
}
