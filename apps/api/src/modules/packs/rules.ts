import type { OrganizationType } from '../../shared/auth.js';
import { DISPENSING_TYPES, isTowardsManufacturer } from './milestones.js';
import type { PackRow } from './pack-rows.js';
import type { DecommissionReasonName, PackStatusName, RejectionReasonName } from './pack.types.js';

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

export interface Refusal {
  reason: RejectionReasonName;
  message: string;
}

/** Dispensing, sampling and exporting can be undone by the same facility for this long (EU rule). */
export const UNDO_WINDOW_DAYS = 10;
const UNDOABLE: readonly PackStatusName[] = ['DISPENSED', 'SAMPLE', 'EXPORTED', 'LOCKED'];

const refuse = (reason: RejectionReasonName, message: string): Refusal => ({ reason, message });
const describe = (pack: PackRow) => (pack.level === 'UNIT' ? 'this pack' : `this ${pack.level.toLowerCase()}`);

/**
 * Whether `actor` may apply `movement` to `pack` (a code as named) holding `contents`.
 * Returns null when it may. Pure: all it needs was read in one go beforehand.
 */
export function checkMovement(movement: Movement, pack: PackRow, contents: PackRow[], actor: FacilityRef, now: Date): Refusal | null {
  const all = [pack, ...contents];
  const what = describe(pack);
  switch (movement.kind) {
    case 'activate': {
      if (pack.registrantId !== null && pack.registrantId !== actor.organizationId) {
        return refuse('FORBIDDEN', 'only the manufacturer that owns the product activates its codes');
      }
      if (pack.status !== 'ISSUED') return refuse('WRONG_STATE', `${what} is already ${pack.status}, not ISSUED`);
      return null;
    }
    case 'ship':
    case 'returnPacks': {
      const held = checkHeld(pack, actor);
      if (held) return held;
      if (movement.kind === 'ship' && all.some((row) => row.expired)) {
        return refuse('EXPIRED', `${what} is past its expiry and may not be shipped on`);
      }
      const towardsManufacturer =
        isTowardsManufacturer(actor.type, movement.to.type) || all.every((row) => row.registrantId === movement.to.organizationId);
      if (all.some((row) => row.recalled) && !towardsManufacturer) {
        return refuse('RECALLED', `${what} is recalled: it may only go back towards the manufacturer`);
      }
      return null;
    }
    case 'receive': {
      if (pack.status === 'IN_TRANSIT' && pack.destinationId === actor.id) return null;
      if (pack.status === 'ACTIVE' && pack.custodianId === actor.id) {
        return refuse('WRONG_STATE', `${what} has already been received here`);
      }
      return refuse('NOT_SHIPPED_TO_YOU', `${what} was not shipped to ${actor.name}`);
    }
    case 'dispense': {
      if (!DISPENSING_TYPES.includes(actor.type)) {
        return refuse('FORBIDDEN', 'only pharmacies, hospitals and Puskesmas dispense');
      }
      if (pack.status === 'DISPENSED' && pack.statusById === actor.id) return refuse('WRONG_STATE', `${what} is already dispensed`);
      const held = checkHeld(pack, actor);
      if (held) return held;
      if (all.some((row) => row.recalled)) return refuse('RECALLED', `${what} is recalled and may not be dispensed`);
      if (all.some((row) => row.expired)) return refuse('EXPIRED', `${what} is past its expiry and may not be dispensed`);
      return null;
    }
    case 'decommission': {
      if (pack.status === movement.reason && pack.statusById === actor.id) {
        return refuse('WRONG_STATE', `${what} is already ${movement.reason}`);
      }
      return checkHeld(pack, actor);
    }
    case 'undo': {
      if (!UNDOABLE.includes(pack.status)) {
        const final = pack.status === 'DESTROYED' || pack.status === 'STOLEN';
        return refuse('WRONG_STATE', final ? `${what} is ${pack.status}, which is final` : `${what} is ${pack.status}: nothing to undo`);
      }
      if (pack.statusById !== actor.id) return refuse('NOT_IN_CUSTODY', 'only the facility that made the change may undo it');
      const age = now.getTime() - (pack.statusAt?.getTime() ?? 0);
      if (pack.status !== 'LOCKED' && age > UNDO_WINDOW_DAYS * 86_400_000) {
        return refuse('UNDO_WINDOW_PASSED', `${pack.status} more than ${UNDO_WINDOW_DAYS} days ago can no longer be undone`);
      }
      return null;
    }
  }
}

/** Active and held by the actor: what shipping, dispensing and decommissioning need. */
function checkHeld(pack: PackRow, actor: FacilityRef): Refusal | null {
  const what = describe(pack);
  if (pack.status === 'IN_TRANSIT' && pack.custodianId === actor.id) return refuse('WRONG_STATE', `${what} is already in transit`);
  if (pack.custodianId !== actor.id) return refuse('NOT_IN_CUSTODY', `${what} is not held by ${actor.name}`);
  if (pack.status !== 'ACTIVE') return refuse('WRONG_STATE', `${what} is ${pack.status}, not ACTIVE`);
  return null;
}

/** Which packs of a named code and its contents the movement changes. */
export function rowsToChange(movement: Movement, pack: PackRow, contents: PackRow[]): PackRow[] {
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
