/**
 * Why a code is refused: a coarse `reason` (the contract's RejectionReason) and the exact `rule`
 * that refused it, so a screen can say it in the user's language. Every rule maps to one reason.
 */
export const RULES = {
  // The code itself.
  MALFORMED_CODE: 'MALFORMED',
  UNKNOWN_CODE: 'NOT_FOUND',
  CODE_DATA_MISMATCH: 'DATA_MISMATCH',
  ALREADY_REGISTERED: 'WRONG_STATE',
  // Who acts, and where to.
  ACTOR_NOT_ALLOWED: 'FORBIDDEN',
  DESTINATION_NOT_ALLOWED: 'FORBIDDEN',
  NOT_OWNER: 'FORBIDDEN',
  // The pack's life.
  NOT_ACTIVATED: 'WRONG_STATE',
  ALREADY_ACTIVE: 'WRONG_STATE',
  RECALLED: 'RECALLED',
  EXPIRED: 'EXPIRED',
  NOT_IN_CUSTODY: 'NOT_IN_CUSTODY',
  NOT_SHIPPED_TO_YOU: 'NOT_SHIPPED_TO_YOU',
  ALREADY_RECEIVED: 'WRONG_STATE',
  IN_TRANSIT: 'WRONG_STATE',
  NOT_ACTIVE: 'WRONG_STATE',
  ALREADY_DONE: 'WRONG_STATE',
  FINAL: 'WRONG_STATE',
  NOTHING_TO_UNDO: 'WRONG_STATE',
  UNDO_WINDOW_PASSED: 'UNDO_WINDOW_PASSED',
  // Cases and pallets.
  ALREADY_AGGREGATED: 'ALREADY_AGGREGATED',
  PARENT_FULL: 'PARENT_FULL',
  LEVEL_MISMATCH: 'WRONG_STATE',
  AGGREGATION_CYCLE: 'WRONG_STATE',
  NOT_IN_PARENT: 'WRONG_STATE',
  // Shipments.
  IN_OPEN_SHIPMENT: 'WRONG_STATE',
  // Reported times.
  TIME_IN_FUTURE: 'INVALID_TIME',
  TIME_TOO_OLD: 'INVALID_TIME',
  TIME_BEFORE_LAST_EVENT: 'INVALID_TIME',
  // A row of an uploaded file.
  ROW_MALFORMED: 'MALFORMED',
  ROW_NOT_ACTIVE: 'WRONG_STATE',
  ROW_SOLD: 'FORBIDDEN',
  ROW_DATA_MISMATCH: 'DATA_MISMATCH',
} as const;

export type RuleName = keyof typeof RULES;
export const RULE_NAMES = Object.keys(RULES) as RuleName[];

export const REJECTION_REASONS = [
  'MALFORMED',
  'NOT_FOUND',
  'WRONG_STATE',
  'NOT_IN_CUSTODY',
  'NOT_SHIPPED_TO_YOU',
  'ALREADY_AGGREGATED',
  'RECALLED',
  'EXPIRED',
  'UNDO_WINDOW_PASSED',
  'FORBIDDEN',
  'DATA_MISMATCH',
  'PARENT_FULL',
  'INVALID_TIME',
] as const;
export type RejectionReasonName = (typeof REJECTION_REASONS)[number];

export interface Refusal {
  reason: RejectionReasonName;
  rule: RuleName;
  message: string;
}

export const refuse = (rule: RuleName, message: string): Refusal => ({ reason: RULES[rule], rule, message });
