/**
 * Every reason an alert is raised for: a VerificationReason of a public check, the
 * RejectionReason of a refused movement, a shipment's discrepancy, or the ledger's.
 */
export const ALERT_REASONS = [
  'NOT_FOUND',
  'NOT_ACTIVATED',
  'DECOMMISSIONED',
  'DATA_MISMATCH',
  'CLONE_SUSPECTED',
  'NOT_SHIPPED_TO_YOU',
  'RECALLED',
  'SHIPMENT_DISCREPANCY',
  'LEDGER_BROKEN',
] as const;
export type AlertReasonName = (typeof ALERT_REASONS)[number];
