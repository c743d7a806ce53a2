import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../shared/enums.js';

export const WORK_KINDS = [
  'REQUESTS_AWAITING_DECISION',
  'ALERTS_CRITICAL',
  'ALERTS_HIGH',
  'ALERTS_MEDIUM',
  'ALERTS_LOW',
  'ACTIVE_RECALLS',
  'REQUESTS_DECIDED',
  'CODES_NOT_ACTIVATED',
  'SHIPMENT_DISCREPANCIES',
  'RETURNS_INCOMING',
  'INCOMING_SHIPMENTS',
  'RECALLED_STOCK',
  'STOCK_EXPIRING',
] as const;
export type WorkKindName = (typeof WORK_KINDS)[number];
export const WorkKind = enumOf(WORK_KINDS);
registerEnumType(WorkKind, {
  name: 'WorkKind',
  description: 'A count of work waiting for the caller; each links to the screen that does it.',
  valuesConfig: {
    REQUESTS_AWAITING_DECISION: { description: 'Code requests waiting for BPOM’s decision.' },
    ALERTS_CRITICAL: { description: 'Open alerts of critical severity: the ledger found the record changed.' },
    ALERTS_HIGH: { description: 'Open alerts of high severity.' },
    ALERTS_MEDIUM: { description: 'Open alerts of medium severity.' },
    ALERTS_LOW: { description: 'Open alerts of low severity.' },
    ACTIVE_RECALLS: { description: 'Recalls still open.' },
    REQUESTS_DECIDED: { description: 'Your code requests BPOM decided in the last 7 days.' },
    CODES_NOT_ACTIVATED: { description: 'Units issued to you and not yet activated.' },
    SHIPMENT_DISCREPANCIES: { description: 'Your shipments received with discrepancies in the last 30 days.' },
    RETURNS_INCOMING: { description: 'Returns on their way to you.' },
    INCOMING_SHIPMENTS: { description: 'Shipments on their way to you.' },
    RECALLED_STOCK: { description: 'Units of recalled batches you hold: pull them.' },
    STOCK_EXPIRING: { description: 'Units you hold that expire within 90 days.' },
  },
});

@ObjectType({ description: 'One count of work waiting.' })
export class WorkItem {
  @Field(() => WorkKind) kind!: WorkKindName;
  @Field(() => Int) count!: number;
}
