/**
 * The states of a pack and what they mean, each predicate written once in TypeScript and once
 * in SQL side by side (`lifecycle.int.test.ts` checks the twins agree on every state).
 *
 *   ISSUED ──activate──▶ ACTIVE ──ship / return──▶ IN_TRANSIT ──receive──▶ ACTIVE (elsewhere)
 *                          │  ▲
 *                dispense /│  │ undo (same facility; LOCKED any time, the rest within the window)
 *             decommission ▼  │
 *              DISPENSED, SAMPLE, EXPORTED, LOCKED            DESTROYED, STOLEN (final)
 */

export const PACK_STATUSES = ['ISSUED', 'ACTIVE', 'IN_TRANSIT', 'DISPENSED', 'DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED'] as const;
export type PackStatusName = (typeof PACK_STATUSES)[number];

export const PACK_LEVELS = ['UNIT', 'CASE', 'PALLET'] as const;
export type PackLevelName = (typeof PACK_LEVELS)[number];

/** Why a pack leaves the supply chain; each is also the status it takes. */
export const DECOMMISSION_REASONS = ['DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED'] as const;
export type DecommissionReasonName = (typeof DECOMMISSION_REASONS)[number];

/** Out of the supply chain and never back. */
export const FINAL_STATUSES: readonly PackStatusName[] = ['DESTROYED', 'STOLEN'];

/** What `undo` may revert: LOCKED at any time, the others within the undo window (EU rule). */
export const UNDOABLE_STATUSES: readonly PackStatusName[] = ['DISPENSED', 'SAMPLE', 'EXPORTED', 'LOCKED'];
export const UNDO_WINDOW_DAYS = 10;
const UNDO_ANY_TIME: readonly PackStatusName[] = ['LOCKED'];

/** The pack as the predicates need it. */
export interface PackState {
  status: PackStatusName;
  custodianId: string | null;
  statusAt: Date | null;
  /** Its batch's expiry, YYYY-MM-DD; null for a mixed case or pallet. */
  expiry: string | null;
}

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Held at a facility, ready to be moved, sold or counted as stock. */
export const isOnHand = (p: Pick<PackState, 'status' | 'custodianId'>) => p.status === 'ACTIVE' && p.custodianId !== null;
export const onHandSql = (p: string) => `(${p}.status = 'ACTIVE' and ${p}.custodian_id is not null)`;

/** Shipped or returned, not yet received; the sender stays its custodian until then. */
export const isInTransit = (p: Pick<PackState, 'status'>) => p.status === 'IN_TRANSIT';
export const inTransitSql = (p: string) => `(${p}.status = 'IN_TRANSIT')`;

/** Still somewhere in the supply chain: on hand or on its way. */
export const isInChain = (p: Pick<PackState, 'status' | 'custodianId'>) => isOnHand(p) || isInTransit(p);
export const inChainSql = (p: string) => `(${onHandSql(p)} or ${inTransitSql(p)})`;

export const isDecommissioned = (p: Pick<PackState, 'status'>) => (DECOMMISSION_REASONS as readonly string[]).includes(p.status);
export const decommissionedSql = (p: string) => `(${p}.status in (${list(DECOMMISSION_REASONS)}))`;

export const isFinal = (p: Pick<PackState, 'status'>) => FINAL_STATUSES.includes(p.status);

/** Past its expiry on `today` (YYYY-MM-DD in the reporting time zone): the expiry day itself still counts. */
export const isExpired = (p: Pick<PackState, 'expiry'>, today: string) => p.expiry !== null && p.expiry < today;
export const expiredSql = (batch: string, today: string) => `(${batch}.expiry < ${today}::date)`;

/** Until when `undo` may revert the pack's status: null when it cannot be undone. */
export function undoableUntil(p: Pick<PackState, 'status' | 'statusAt'>): Date | 'ANY_TIME' | null {
  if (!UNDOABLE_STATUSES.includes(p.status)) return null;
  if (UNDO_ANY_TIME.includes(p.status)) return 'ANY_TIME';
  if (!p.statusAt) return null;
  return new Date(p.statusAt.getTime() + UNDO_WINDOW_DAYS * 86_400_000);
}

/**
 * Where a unit of a recalled batch is, as the recall's progress counts it. Every unit is in
 * exactly one position, so the positions add up to the batch.
 * - NOT_ACTIVATED: issued but never put into circulation.
 * - NOT_RELEASED: still with the manufacturer that owns it, never shipped out by it.
 * - OUTSTANDING: in the supply chain outside the manufacturer: still to be pulled.
 * - RETURNED: had left the manufacturer and is back with it (or on its way back).
 * - DESTROYED: taken out of the chain for good.
 * - DISPENSED: reached patients; never counted as recovered.
 * - OTHER: a sample, exported, stolen or locked.
 * Recovered means RETURNED or DESTROYED; released means anything but NOT_ACTIVATED and NOT_RELEASED.
 */
export const RECALL_POSITIONS = ['NOT_ACTIVATED', 'NOT_RELEASED', 'OUTSTANDING', 'RETURNED', 'DESTROYED', 'DISPENSED', 'OTHER'] as const;
export type RecallPositionName = (typeof RECALL_POSITIONS)[number];
export const RECOVERED_POSITIONS: readonly RecallPositionName[] = ['RETURNED', 'DESTROYED'];
export const UNRELEASED_POSITIONS: readonly RecallPositionName[] = ['NOT_ACTIVATED', 'NOT_RELEASED'];

export interface RecallFacts extends Pick<PackState, 'status' | 'custodianId'> {
  /** The organisation of the facility holding the pack, or of the one it is on its way to. */
  holderOrganizationId: string | null;
  registrantId: string | null;
  /** Whether the manufacturer ever shipped it out. */
  released: boolean;
}

export function recallPosition(p: RecallFacts): RecallPositionName {
  if (p.status === 'ISSUED') return 'NOT_ACTIVATED';
  if (p.status === 'DISPENSED') return 'DISPENSED';
  if (p.status === 'DESTROYED') return 'DESTROYED';
  if (!isInChain(p)) return 'OTHER';
  if (p.holderOrganizationId === null || p.holderOrganizationId !== p.registrantId) return 'OUTSTANDING';
  return p.released ? 'RETURNED' : 'NOT_RELEASED';
}

/**
 * The same in SQL, for a pack `p`, the organisation `holder` of the facility that holds it or
 * that it is on its way to (`holderFacilitySql`), its product `pr`, and `released`.
 */
export const recallPositionSql = (p: string, holder: string, pr: string, released: string) => `(case
  when ${p}.status = 'ISSUED' then 'NOT_ACTIVATED'
  when ${p}.status = 'DISPENSED' then 'DISPENSED'
  when ${p}.status = 'DESTROYED' then 'DESTROYED'
  when not ${inChainSql(p)} then 'OTHER'
  when ${holder} is null or ${holder} <> ${pr}.registrant_id then 'OUTSTANDING'
  when ${released} then 'RETURNED'
  else 'NOT_RELEASED' end)`;

/** The facility a pack counts at for a recall: where it is going while in transit, else who holds it. */
export const holderFacilitySql = (p: string) => `(case when ${p}.status = 'IN_TRANSIT' then ${p}.destination_id else ${p}.custodian_id end)`;
