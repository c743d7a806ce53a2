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
