import { checkActor, checkTime, mustBeActive, type PackFacts, type Situation } from './guards.js';
import { refuse, type Refusal } from './refusals.js';
import type { PackLevelName } from './states.js';

/**
 * Aggregation: units into cases, cases into pallets (three levels at most), and back out. The
 * packer must hold both; a parent issued with a capacity (units per case, cases per pallet)
 * never takes more, checked before each child goes in.
 */

const DEPTH: Record<PackLevelName, number> = { UNIT: 0, CASE: 1, PALLET: 2 };

export interface ParentFacts extends PackFacts {
  /** How many packs it may hold directly; null when it was registered without one. */
  capacity: number | null;
}

/** Whether the actor may fill or empty `parent` (after an own ISSUED parent is activated). */
export function checkParent(kind: 'aggregate' | 'disaggregate', parent: ParentFacts, situation: Situation): Refusal | null {
  const actorRefusal = checkActor(kind, situation.actor);
  if (actorRefusal) return actorRefusal;
  if (parent.level === 'UNIT') return refuse('LEVEL_MISMATCH', 'the parent is a unit; only cases and pallets hold packs');
  if (parent.custodianId !== situation.actor.id) return refuse('NOT_IN_CUSTODY', `the parent is not held by ${situation.actor.name}`);
  return mustBeActive(parent, 'the parent') ?? checkTime([parent], situation);
}

/** Whether `child` (holding `contents`) may go into `parent`; 'duplicate' when it is inside already. */
export function checkChild(
  child: PackFacts,
  contents: PackFacts[],
  parent: ParentFacts,
  parentAncestors: ReadonlySet<string>,
  situation: Situation,
): Refusal | 'duplicate' | null {
  if (child.parentId === parent.id) return 'duplicate';
  if (child.status === 'ISSUED') return refuse('NOT_ACTIVATED', 'this pack was never activated by its manufacturer');
  if (child.custodianId !== situation.actor.id) return refuse('NOT_IN_CUSTODY', `this pack is not held by ${situation.actor.name}`);
  const state = mustBeActive(child);
  if (state) return state;
  if (child.parentId) return refuse('ALREADY_AGGREGATED', 'this pack is already inside another case or pallet');
  if (child.id === parent.id || parentAncestors.has(child.id)) {
    return refuse('AGGREGATION_CYCLE', 'a pack cannot go inside itself or inside what it holds');
  }
  if (DEPTH[child.level] >= DEPTH[parent.level]) {
    return refuse('LEVEL_MISMATCH', `a ${child.level.toLowerCase()} cannot go inside a ${parent.level.toLowerCase()}`);
  }
  return checkTime([child, ...contents], situation);
}

/** Counts what goes into a parent, refusing the first child past its capacity. */
export class Filling {
  constructor(
    private readonly parent: ParentFacts,
    private count: number,
  ) {}

  take(): Refusal | null {
    const { capacity, level } = this.parent;
    if (capacity !== null && this.count >= capacity) {
      return refuse('PARENT_FULL', `the ${level.toLowerCase()} is full: it holds ${capacity} ${level === 'CASE' ? 'units' : 'cases'}`);
    }
    this.count++;
    return null;
  }
}

/** Whether `child` may leave `parent`. */
export const checkLeaving = (child: PackFacts, parent: PackFacts): Refusal | null =>
  child.parentId === parent.id ? null : refuse('NOT_IN_PARENT', 'this pack is not inside that parent');
