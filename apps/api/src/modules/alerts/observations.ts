/**
 * What one piece of evidence behind an alert records, as a code the dashboard words in the
 * reader's language, with the figures it names (`params`). `detail` keeps the same in English for
 * logs and for evidence stored before the codes existed; it is never meant as a label.
 */
export const ALERT_OBSERVATIONS = [
  /** A public check of a code whose GTIN no registered product carries. */
  'UNREGISTERED_PRODUCT',
  /** A serialised product's code checked without a serial. */
  'SERIAL_MISSING',
  /** A code with a registered GTIN whose serial was never issued. */
  'NEVER_ISSUED',
  /** The printed batch or expiry differ from those issued with the serial (printedBatch, printedExpiry, issuedBatch, issuedExpiry). */
  'BATCH_EXPIRY_MISMATCH',
  /** A code issued but never activated by its manufacturer. */
  'NEVER_ACTIVATED',
  /** A decommissioned pack seen again (status). */
  'SEEN_AFTER_DECOMMISSION',
  /** Two devices checked it too far apart for the time between (km, minutes). */
  'CLONE_FAR_APART',
  /** Many different devices checked it (devices, days). */
  'CLONE_MANY_DEVICES',
  /** A suspected clone under investigation checked again. */
  'CLONE_CHECKED_AGAIN',
  /** A facility tried to receive a pack not shipped to it. */
  'RECEIVED_NOT_SHIPPED',
  /** A facility tried to dispense a recalled pack. */
  'DISPENSE_RECALLED',
  /** A receipt that did not match what was shipped (missingUnits, extraCodes). */
  'SHIPMENT_MISMATCH',
  /** The event log and the published ledger disagree (eventId). */
  'LEDGER_MISMATCH',
  /** Evidence stored before observations had codes: its `detail` only. */
  'OTHER',
] as const;
export type AlertObservationName = (typeof ALERT_OBSERVATIONS)[number];

/** Figures an observation names; the dashboard puts them into its own sentence. */
export type ObservationParams = Record<string, string | number>;

export interface Observation {
  what: AlertObservationName;
  params?: ObservationParams;
  /** The same in English, for logs. */
  detail: string;
}
