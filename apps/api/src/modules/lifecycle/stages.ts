import type { OrganizationType } from '../../shared/auth.js';
import { DISPENSING_TYPES } from './policy.js';

/**
 * The stages of the realisation report (Realisasi). Each unit keeps a bit per stage it has ever
 * reached, so the counters count distinct units, once each, however often a call repeats;
 * undoing a dispense takes the unit out of "dispensed" again.
 */
export const MILESTONES = {
  activated: 1,
  shippedToDistributor: 2,
  receivedByDistributor: 4,
  shippedByDistributor: 8,
  receivedByPharmacy: 16,
  dispensed: 32,
} as const;

export type Milestone = keyof typeof MILESTONES;

export const STATS_COLUMN: Record<Milestone, string> = {
  activated: 'activated',
  shippedToDistributor: 'shipped_to_distributor',
  receivedByDistributor: 'received_by_distributor',
  shippedByDistributor: 'shipped_by_distributor',
  receivedByPharmacy: 'received_by_pharmacy',
  dispensed: 'dispensed',
};

/** "Shipped to distributor": by a manufacturer to a distributor; "shipped by distributor": on to anyone. */
export function shipMilestones(from: OrganizationType, to: OrganizationType): Milestone[] {
  const reached: Milestone[] = [];
  if (from === 'MANUFACTURER' && to === 'DISTRIBUTOR') reached.push('shippedToDistributor');
  if (from === 'DISTRIBUTOR') reached.push('shippedByDistributor');
  return reached;
}

/** "Received by pharmacy" covers every point of dispensing. */
export function receiveMilestones(at: OrganizationType): Milestone[] {
  if (at === 'DISTRIBUTOR') return ['receivedByDistributor'];
  if (DISPENSING_TYPES.includes(at)) return ['receivedByPharmacy'];
  return [];
}

const types = (list: readonly string[]) => list.map((type) => `'${type}'`).join(', ');

/**
 * The same stages in SQL, for an event `e` whose acting facility is `f` and counterparty `c`:
 * the event that reaches each stage. The summary rebuild reads the event log with these.
 */
export const STAGE_EVENT_SQL: Record<Milestone, (e: string, f: string, c: string) => string> = {
  activated: (e) => `${e}.type = 'ACTIVATED'`,
  shippedToDistributor: (e, f, c) => `${e}.type = 'SHIPPED' and ${f}.type = 'MANUFACTURER' and ${c}.type = 'DISTRIBUTOR'`,
  receivedByDistributor: (e, f) => `${e}.type = 'RECEIVED' and ${f}.type = 'DISTRIBUTOR'`,
  shippedByDistributor: (e, f) => `${e}.type = 'SHIPPED' and ${f}.type = 'DISTRIBUTOR'`,
  receivedByPharmacy: (e, f) => `${e}.type = 'RECEIVED' and ${f}.type in (${types(DISPENSING_TYPES)})`,
  dispensed: (e) => `${e}.type = 'DISPENSED'`,
};
