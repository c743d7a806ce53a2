import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';

export const NOTIFICATION_KINDS = ['INCOMING_SHIPMENT', 'SHIPMENT_DISCREPANCY', 'RECALL', 'RECALL_CLOSED'] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKind = enumOf(NOTIFICATION_KINDS);
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What needs a facility’s attention: a shipment on its way to it, a discrepancy in one it sent, a recall of stock it holds.',
});

@ObjectType('Notification', { description: 'Something a facility must act on. The fields that apply to its kind are set.' })
export class NotificationObject {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKind) kind!: NotificationKindName;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean, { description: 'Whether the caller has read it.' }) read!: boolean;
  @Field(() => ID, { nullable: true, description: 'The facility concerned.' }) facilityId!: string | null;
  @Field(() => String, { nullable: true }) facilityName!: string | null;
  @Field(() => ID, { nullable: true }) shipmentId!: string | null;
  @Field(() => String, { nullable: true }) shipmentNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'The other party: the sender of an incoming shipment, the receiver of a sent one.' })
  counterparty!: string | null;
  @Field(() => ID, { nullable: true }) recallId!: string | null;
  @Field(() => String, { nullable: true }) nie!: string | null;
  @Field(() => String, { nullable: true }) productName!: string | null;
  @Field(() => String, { nullable: true }) batch!: string | null;
  @Field(() => Int, { nullable: true, description: 'Units concerned: in the shipment, missing from it, or held of the recalled batch.' })
  units!: number | null;
}

@ObjectType('NotificationList')
export class NotificationList {
  @Field(() => Int, { description: 'How many the caller has not read.' }) unread!: number;
  @Field(() => [NotificationObject], { description: 'Newest first.' }) items!: NotificationObject[];
}
