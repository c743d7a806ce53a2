import type { FacilityRef, Movement } from './guards.js';
import { receiveMilestones, shipMilestones, type Milestone } from './stages.js';
import type { PackStatusName } from './states.js';

/** What happened to a pack, as the event log records it. */
export const EVENT_TYPES = ['ACTIVATED', 'AGGREGATED', 'DISAGGREGATED', 'SHIPPED', 'RECEIVED', 'RETURNED', 'DISPENSED', 'DECOMMISSIONED', 'UNDONE'] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];

/** What a movement sets on every pack it changes; undefined leaves a column as it is. */
export interface Change {
  status?: PackStatusName;
  custodianId?: string | null;
  destinationId?: string | null;
  /** Record the acting facility and the movement's time as the author of the status (for undo). */
  stampStatus?: boolean;
  /** Set the parent of every changed pack (aggregation) … */
  parentId?: string | null;
  /** … or take just these packs out of their parents (they leave a case on their own). */
  detach?: string[];
  reach?: Milestone[];
  unreach?: Milestone[];
  /** Goods going out to a facility (ship, return) or coming in from their sender (receive). */
  flow?: { direction: 'out'; counterpartyId: string } | { direction: 'in' };
  /** The shipment the packs travel in (ship, return), or none once received. */
  shipmentId?: string | null;
}

export interface Effect {
  change: Change;
  event: EventTypeName;
  counterpartyId?: string;
  reason?: string;
  /**
   * How the changed packs split into events: a receipt has one event per sender (the
   * counterparty), an undo one per status undone (the reason).
   */
  splitBy?: 'sender' | 'status';
}

/** The effect of each movement on the packs it changes. */
export function effectOf(movement: Movement, actor: FacilityRef): Effect {
  switch (movement.kind) {
    case 'activate':
      return { change: { status: 'ACTIVE', custodianId: actor.id, stampStatus: true, reach: ['activated'] }, event: 'ACTIVATED' };
    case 'ship':
    case 'returnPacks':
      return {
        change: {
          status: 'IN_TRANSIT',
          destinationId: movement.to.id,
          stampStatus: true,
          reach: movement.kind === 'ship' ? shipMilestones(actor.type, movement.to.type) : [],
          flow: { direction: 'out', counterpartyId: movement.to.id },
        },
        event: movement.kind === 'ship' ? 'SHIPPED' : 'RETURNED',
        counterpartyId: movement.to.id,
      };
    case 'receive':
      return {
        change: {
          status: 'ACTIVE',
          custodianId: actor.id,
          destinationId: null,
          shipmentId: null,
          stampStatus: true,
          reach: receiveMilestones(actor.type),
          flow: { direction: 'in' },
        },
        event: 'RECEIVED',
        splitBy: 'sender',
      };
    case 'dispense':
      return { change: { status: 'DISPENSED', stampStatus: true, reach: ['dispensed'] }, event: 'DISPENSED' };
    case 'decommission':
      return { change: { status: movement.reason, stampStatus: true }, event: 'DECOMMISSIONED', reason: movement.reason };
    case 'undo':
      // Undoing a dispense takes the unit out of "dispensed"; the stage is unreached only for those.
      return { change: { status: 'ACTIVE', stampStatus: true, unreach: ['dispensed'] }, event: 'UNDONE', splitBy: 'status' };
  }
}

/** Which of a named code and its contents a movement changes. */
export function rowsToChange<T extends { status: PackStatusName; statusById: string | null }>(movement: Movement, pack: T, contents: T[]): T[] {
  const all = [pack, ...contents];
  switch (movement.kind) {
    case 'activate':
      return all.filter((row) => row.status === 'ISSUED');
    case 'undo':
      return all.filter((row) => row.status === pack.status && row.statusById === pack.statusById);
    default:
      return all;
  }
}

/**
 * A pack moved on its own leaves the case it was in: shipped, dispensed or decommissioned out of
 * it, or received without it (a pallet that arrived broken). Activation and undo leave it there.
 */
export const leavesParent = (movement: Movement) => movement.kind !== 'activate' && movement.kind !== 'undo';
