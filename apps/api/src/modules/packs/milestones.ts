import type { OrganizationType } from '../../shared/auth.js';

/**
 * The stages of the realisation report. Each unit keeps a bit per stage it has ever reached,
 * so the counters in `batch_stats` count distinct units, once each, however often a call repeats.
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

export const DISPENSING_TYPES: readonly OrganizationType[] = ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'];

export function shipMilestones(from: OrganizationType, to: OrganizationType): Milestone[] {
  const reached: Milestone[] = [];
  if (from === 'MANUFACTURER' && to === 'DISTRIBUTOR') reached.push('shippedToDistributor');
  if (from === 'DISTRIBUTOR') reached.push('shippedByDistributor');
  return reached;
}

export function receiveMilestones(at: OrganizationType): Milestone[] {
  if (at === 'DISTRIBUTOR') return ['receivedByDistributor'];
  if (DISPENSING_TYPES.includes(at)) return ['receivedByPharmacy'];
  return [];
}

/** How far down the chain a facility type sits; recalled stock may only move up it. */
const CHAIN_RANK: Record<OrganizationType, number> = {
  MANUFACTURER: 0,
  DISTRIBUTOR: 1,
  PHARMACY: 2,
  HOSPITAL: 2,
  PUSKESMAS: 2,
  REGULATOR: 0,
};
export const isTowardsManufacturer = (from: OrganizationType, to: OrganizationType) => CHAIN_RANK[to] < CHAIN_RANK[from];
