import type { OrganizationType } from '../../shared/auth.js';
import { DESTINATIONS, EXPIRY_BLOCKS, RECALL_BLOCKS, mayAct, maySendTo, type MovementKind } from './policy.js';
import { refuse, type Refusal } from './refusals.js';
import { FINAL_STATUSES, UNDOABLE_STATUSES, isExpired, undoableUntil, type DecommissionReasonName, type PackLevelName, type PackStatusName } from './states.js';

/**
 * Whether a facility may apply a movement to a pack, as a pure function of what was read
 * beforehand. The guards run in one fixed order, and the first that fails names the refusal:
 *
 *   who acts (facility type, destination) → owner → not activated → recalled → expired
 *     → custody → state → undo window → reported time
 *
 * (A code that cannot be read, names no pack, or whose batch/expiry differ from the issued
 * ones is refused before this, when the codes are looked up.)
 */

/** The facility acting, or the one goods are sent to. */
export interface FacilityRef {
  id: string;
  name: string;
  type: OrganizationType;
  organizationId: string;
  province: string | null;
  regency: string | null;
}

export type Movement =
  | { kind: 'activate' }
  | { kind: 'ship'; to: FacilityRef }
  | { kind: 'returnPacks'; to: FacilityRef }
  | { kind: 'receive' }
  | { kind: 'dispense' }
  | { kind: 'decommission'; reason: DecommissionReasonName }
  | { kind: 'undo' };

/** What the guards need to know of a pack (and of each pack inside it). */
export interface PackFacts {
  id: string;
  level: PackLevelName;
  status: PackStatusName;
  registrantId: string | null;
  expiry: string | null;
  recalled: boolean;
  custodianId: string | null;
  destinationId: string | null;
  parentId: string | null;
  statusById: string | null;
  statusAt: Date | null;
  /** The reported time of its latest event. */
  lastEventAt: Date | null;
}

export interface Situation {
  actor: FacilityRef;
  /** YYYY-MM-DD in the reporting time zone. */
  today: string;
  now: Date;
  /** The time the movement is reported to have happened, when one is given. */
  at: Date | null;
}

const describe = (pack: Pick<PackFacts, 'level'>) => (pack.level === 'UNIT' ? 'this pack' : `this ${pack.level.toLowerCase()}`);

/** Who acts and where to: the same for every code of a call. */
export function checkActor(kind: MovementKind, actor: FacilityRef, to?: FacilityRef): Refusal | null {
  if (!mayAct(kind, actor.type)) return refuse('ACTOR_NOT_ALLOWED', `a ${actor.type.toLowerCase()} may not ${verb(kind)}`);
  if (to && (kind === 'ship' || kind === 'returnPacks')) {
    if (to.id === actor.id) return refuse('DESTINATION_NOT_ALLOWED', `${actor.name} cannot send packs to itself`);
    if (!maySendTo(kind, actor.type, to.type)) {
      const how = kind === 'ship' ? 'ships' : 'returns';
      return refuse('DESTINATION_NOT_ALLOWED', `a ${actor.type.toLowerCase()} ${how} to ${allowedTargets(kind, actor.type)}, not to a ${to.type.toLowerCase()}`);
    }
  }
  return null;
}

/** Returns null when `situation.actor` may apply `movement` to `pack` holding `contents`. */
export function checkMovement(movement: Movement, pack: PackFacts, contents: PackFacts[], situation: Situation): Refusal | null {
  const actorRefusal = checkActor(movement.kind, situation.actor, 'to' in movement ? movement.to : undefined);
  if (actorRefusal) return actorRefusal;
  const all = [pack, ...contents];
  const what = describe(pack);
  const { actor } = situation;

  if (movement.kind === 'activate') {
    if (all.some((row) => row.registrantId !== null && row.registrantId !== actor.organizationId)) {
      return refuse('NOT_OWNER', 'only the manufacturer that owns the product activates its codes');
    }
    if (pack.status !== 'ISSUED') return refuse('ALREADY_ACTIVE', `${what} is already ${pack.status}, not ISSUED`);
  } else if (all.some((row) => row.status === 'ISSUED')) {
    return refuse('NOT_ACTIVATED', `${what} was never activated by its manufacturer`);
  }
  if (RECALL_BLOCKS.includes(movement.kind) && all.some((row) => row.recalled)) {
    return refuse('RECALLED', `${what} is recalled: it may only be returned towards the manufacturer or destroyed`);
  }
  if (EXPIRY_BLOCKS.includes(movement.kind) && all.some((row) => isExpired(row, situation.today))) {
    return refuse('EXPIRED', `${what} is past its expiry and may only be returned or destroyed`);
  }
  return checkCustody(movement, pack, actor) ?? checkState(movement, pack, situation) ?? checkTime(all, situation);
}

function checkCustody(movement: Movement, pack: PackFacts, actor: FacilityRef): Refusal | null {
  const what = describe(pack);
  if (movement.kind === 'activate') return null;
  if (movement.kind === 'receive') {
    if (pack.status === 'IN_TRANSIT' && pack.destinationId === actor.id) return null;
    if (pack.status === 'ACTIVE' && pack.custodianId === actor.id) return refuse('ALREADY_RECEIVED', `${what} has already been received here`);
    return refuse('NOT_SHIPPED_TO_YOU', `${what} was not shipped to ${actor.name}`);
  }
  if (pack.custodianId === actor.id) return null;
  if (pack.status === 'IN_TRANSIT' && pack.destinationId === actor.id) {
    return refuse('NOT_IN_CUSTODY', `${what} is on its way to ${actor.name}: receive it first`);
  }
  return refuse('NOT_IN_CUSTODY', `${what} is not held by ${actor.name}`);
}

function checkState(movement: Movement, pack: PackFacts, situation: Situation): Refusal | null {
  const what = describe(pack);
  switch (movement.kind) {
    case 'activate':
    case 'receive':
      return null;
    case 'undo': {
      if (FINAL_STATUSES.includes(pack.status)) return refuse('FINAL', `${what} is ${pack.status}, which is final`);
      if (!UNDOABLE_STATUSES.includes(pack.status)) return refuse('NOTHING_TO_UNDO', `${what} is ${pack.status}: nothing to undo`);
      if (pack.statusById !== situation.actor.id) return refuse('NOT_IN_CUSTODY', 'only the facility that made the change may undo it');
      const until = undoableUntil(pack);
      const when = (situation.at ?? situation.now).getTime();
      if (until === null || (until !== 'ANY_TIME' && until.getTime() < when)) {
        return refuse('UNDO_WINDOW_PASSED', `${pack.status} on ${pack.statusAt?.toISOString().slice(0, 10)} is past the undo window`);
      }
      return null;
    }
    case 'dispense':
    case 'decommission': {
      const target = movement.kind === 'dispense' ? 'DISPENSED' : movement.reason;
      if (pack.status === target) return refuse('ALREADY_DONE', `${what} is already ${target}`);
      return mustBeActive(pack);
    }
    default:
      return mustBeActive(pack);
  }
}

/** Shipping, returning, dispensing, decommissioning and packing take a pack that is ACTIVE. */
export function mustBeActive(pack: PackFacts, what = describe(pack)): Refusal | null {
  if (pack.status === 'IN_TRANSIT') return refuse('IN_TRANSIT', `${what} is in transit`);
  if (pack.status !== 'ACTIVE') return refuse('NOT_ACTIVE', `${what} is ${pack.status}, not ACTIVE`);
  return null;
}

/** A reported time must not come before what is already recorded of the packs. */
export function checkTime(packs: PackFacts[], situation: Pick<Situation, 'at'>): Refusal | null {
  if (!situation.at) return null;
  const latest = Math.max(...packs.map((row) => row.lastEventAt?.getTime() ?? 0));
  if (situation.at.getTime() < latest) {
    return refuse('TIME_BEFORE_LAST_EVENT', `the time ${situation.at.toISOString()} is before the last recorded event of this pack (${new Date(latest).toISOString()})`);
  }
  return null;
}

const VERBS: Record<MovementKind, string> = {
  activate: 'activate codes',
  aggregate: 'pack into cases and pallets',
  disaggregate: 'unpack cases and pallets',
  ship: 'ship',
  returnPacks: 'return packs',
  receive: 'receive',
  dispense: 'dispense',
  decommission: 'decommission',
  undo: 'undo',
};
const verb = (kind: MovementKind) => VERBS[kind];

function allowedTargets(kind: 'ship' | 'returnPacks', from: OrganizationType): string {
  return (DESTINATIONS[kind][from] ?? []).map((type) => type.toLowerCase()).join(', ') || 'nobody';
}
