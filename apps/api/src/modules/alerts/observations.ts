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

/**
 * What evidence stored before observations had codes records, read from its reason and its
 * English detail (the sentences Jejak wrote then), so that old alerts are worded like new ones.
 * OTHER when the detail is not one of them.
 */
export function legacyObservation(reason: string, detail: string, alertCode: string): { what: AlertObservationName; params: ObservationParams } {
  const match = (pattern: RegExp) => pattern.exec(detail);
  switch (reason) {
    case 'NOT_SHIPPED_TO_YOU':
      return { what: 'RECEIVED_NOT_SHIPPED', params: {} };
    case 'RECALLED':
      return { what: 'DISPENSE_RECALLED', params: {} };
    case 'NOT_ACTIVATED':
      return { what: 'NEVER_ACTIVATED', params: {} };
    case 'NOT_FOUND':
      return { what: detail.startsWith('no product') ? 'UNREGISTERED_PRODUCT' : 'NEVER_ISSUED', params: {} };
    case 'SHIPMENT_DISCREPANCY': {
      const found = match(/^(\d+) units missing, (\d+) codes extra/);
      return found ? { what: 'SHIPMENT_MISMATCH', params: { missingUnits: Number(found[1]), extraCodes: Number(found[2]) } } : { what: 'OTHER', params: {} };
    }
    case 'DECOMMISSIONED': {
      const found = match(/\(([A-Z_]+)\)/);
      return { what: 'SEEN_AFTER_DECOMMISSION', params: found ? { status: found[1]! } : {} };
    }
    case 'DATA_MISMATCH': {
      if (detail.startsWith('a serialised')) return { what: 'SERIAL_MISSING', params: {} };
      const found = match(/^printed batch (.*) \/ expiry (.*), issued (.*) \/ (.*)$/);
      return found
        ? { what: 'BATCH_EXPIRY_MISMATCH', params: { printedBatch: found[1]!, printedExpiry: found[2]!, issuedBatch: found[3]!, issuedExpiry: found[4]! } }
        : { what: 'OTHER', params: {} };
    }
    case 'CLONE_SUSPECTED': {
      const far = match(/^checked by two devices (\d+) km apart within (?:(\d+) minutes|([\d.]+) hours)$/);
      if (far) return { what: 'CLONE_FAR_APART', params: { km: Number(far[1]), minutes: far[2] ? Number(far[2]) : Math.round(Number(far[3]) * 60) } };
      const many = match(/^checked from (\d+) different devices within (\d+) days$/);
      if (many) return { what: 'CLONE_MANY_DEVICES', params: { devices: Number(many[1]), days: Number(many[2]) } };
      return { what: 'CLONE_CHECKED_AGAIN', params: {} };
    }
    case 'LEDGER_BROKEN': {
      const found = /^event (\d+)$/.exec(alertCode);
      return { what: 'LEDGER_MISMATCH', params: found ? { eventId: found[1]! } : {} };
    }
    default:
      return { what: 'OTHER', params: {} };
  }
}
