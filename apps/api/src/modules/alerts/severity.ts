/**
 * How urgent an alert is, by its reason: a record that was tampered with first, then what points
 * at falsified medicine, then goods going astray, then the rest. The inbox sorts and filters by it; Home counts by it.
 */
export const ALERT_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type AlertSeverityName = (typeof ALERT_SEVERITIES)[number];

const CRITICAL = ['LEDGER_BROKEN'];
const HIGH = ['CLONE_SUSPECTED', 'DATA_MISMATCH', 'DECOMMISSIONED', 'NOT_FOUND'];
const MEDIUM = ['NOT_SHIPPED_TO_YOU', 'SHIPMENT_DISCREPANCY', 'RECALLED', 'NOT_ACTIVATED'];

export const severityOf = (reason: string): AlertSeverityName =>
  CRITICAL.includes(reason) ? 'CRITICAL' : HIGH.includes(reason) ? 'HIGH' : MEDIUM.includes(reason) ? 'MEDIUM' : 'LOW';

const list = (reasons: string[]) => reasons.map((reason) => `'${reason}'`).join(', ');
/** The same in SQL, for an alert `a`. */
export const severitySql = (a: string) =>
  `(case when ${a}.reason in (${list(CRITICAL)}) then 'CRITICAL' when ${a}.reason in (${list(HIGH)}) then 'HIGH' when ${a}.reason in (${list(MEDIUM)}) then 'MEDIUM' else 'LOW' end)`;
