import type { TFunction } from 'i18next';

const KNOWN = [
  'NOT_FOUND', 'NOT_ACTIVATED', 'DISPENSED', 'RECALLED', 'EXPIRED', 'DECOMMISSIONED', 'DATA_MISMATCH', 'CLONE_SUSPECTED',
  'MALFORMED', 'NOT_SERIALISED', 'WRONG_STATE', 'NOT_IN_CUSTODY', 'NOT_SHIPPED_TO_YOU', 'ALREADY_AGGREGATED',
  'UNDO_WINDOW_PASSED', 'FORBIDDEN', 'SHIPMENT_DISCREPANCY', 'LEDGER_BROKEN',
] as const;
type Known = (typeof KNOWN)[number];

/** An alert's reason (a VerificationReason, a RejectionReason, a shipment's or the ledger's) in words; unknown ones as given. */
export function alertReason(t: TFunction, reason: string): string {
  return (KNOWN as readonly string[]).includes(reason) ? t(`alerts.reason.${reason as Known}`) : reason;
}

/** Reasons the inbox can be filtered by, in the order the filter lists them. */
export const INBOX_REASONS = [
  'CLONE_SUSPECTED', 'DATA_MISMATCH', 'DECOMMISSIONED', 'NOT_FOUND', 'NOT_ACTIVATED',
  'NOT_SHIPPED_TO_YOU', 'RECALLED', 'SHIPMENT_DISCREPANCY', 'LEDGER_BROKEN',
] as const satisfies readonly Known[];

const OBSERVATIONS = [
  'UNREGISTERED_PRODUCT', 'SERIAL_MISSING', 'NEVER_ISSUED', 'BATCH_EXPIRY_MISMATCH', 'NEVER_ACTIVATED', 'SEEN_AFTER_DECOMMISSION',
  'CLONE_FAR_APART', 'CLONE_MANY_DEVICES', 'CLONE_CHECKED_AGAIN', 'RECEIVED_NOT_SHIPPED', 'DISPENSE_RECALLED', 'SHIPMENT_MISMATCH',
  'LEDGER_MISMATCH', 'OTHER',
] as const;
type Observation = (typeof OBSERVATIONS)[number];

/**
 * One piece of evidence in the reader's language: its observation code worded here, with the
 * figures the server gives; never the server's own sentence.
 */
export function observationText(t: TFunction, observation: string, params: ReadonlyArray<{ name: string; value: string }>): string {
  const values: Record<string, string> = Object.fromEntries(params.map((param) => [param.name, param.value]));
  if (values.status) values.status = t(`verify.packStatus.${values.status as 'DESTROYED'}`, { defaultValue: values.status });
  const known = (OBSERVATIONS as readonly string[]).includes(observation) ? (observation as Observation) : 'OTHER';
  return String(t(`alertInbox.observation.${known}` as 'alertInbox.observation.OTHER', { ...values, context: undefined }));
}
