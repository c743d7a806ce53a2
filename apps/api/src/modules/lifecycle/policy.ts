import type { OrganizationType } from '../../shared/auth.js';

/**
 * Who may do what, by facility type, and where packs may go. This is the policy table of the
 * product brief: the server enforces it, and the dashboard reads it from the API (`lifecycle`).
 */

export const MOVEMENT_KINDS = ['activate', 'aggregate', 'disaggregate', 'ship', 'returnPacks', 'receive', 'dispense', 'decommission', 'undo'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Pharmacies, hospitals and Puskesmas: the points of dispensing. */
export const DISPENSING_TYPES: readonly OrganizationType[] = ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'];
/** Everyone who holds packs; BPOM watches and never holds. */
export const SUPPLY_CHAIN_TYPES: readonly OrganizationType[] = ['MANUFACTURER', 'DISTRIBUTOR', ...DISPENSING_TYPES];

/** The facility types that may do each movement. */
export const ACTORS: Record<MovementKind, readonly OrganizationType[]> = {
  activate: ['MANUFACTURER'],
  aggregate: SUPPLY_CHAIN_TYPES,
  disaggregate: SUPPLY_CHAIN_TYPES,
  ship: SUPPLY_CHAIN_TYPES,
  returnPacks: ['DISTRIBUTOR', ...DISPENSING_TYPES],
  receive: SUPPLY_CHAIN_TYPES,
  dispense: DISPENSING_TYPES,
  decommission: SUPPLY_CHAIN_TYPES,
  undo: SUPPLY_CHAIN_TYPES,
};

/** Ship and return: the facility types each sender type may send to. */
export type Destinations = Record<'ship' | 'returnPacks', Partial<Record<OrganizationType, readonly OrganizationType[]>>>;

export const DESTINATIONS: Destinations = {
  // Down the chain; points of dispensing pass stock to one another only as a transfer.
  ship: {
    MANUFACTURER: ['DISTRIBUTOR', ...DISPENSING_TYPES],
    DISTRIBUTOR: ['DISTRIBUTOR', ...DISPENSING_TYPES],
    PHARMACY: DISPENSING_TYPES,
    HOSPITAL: DISPENSING_TYPES,
    PUSKESMAS: DISPENSING_TYPES,
  },
  // Back up the chain: to a distributor or to the manufacturer.
  returnPacks: {
    DISTRIBUTOR: ['DISTRIBUTOR', 'MANUFACTURER'],
    PHARMACY: ['DISTRIBUTOR', 'MANUFACTURER'],
    HOSPITAL: ['DISTRIBUTOR', 'MANUFACTURER'],
    PUSKESMAS: ['DISTRIBUTOR', 'MANUFACTURER'],
  },
};

export const mayAct = (kind: MovementKind, type: OrganizationType) => ACTORS[kind].includes(type);

export const maySendTo = (kind: 'ship' | 'returnPacks', from: OrganizationType, to: OrganizationType) =>
  DESTINATIONS[kind][from]?.includes(to) ?? false;

/**
 * A recalled batch only moves back towards its manufacturer: it may be received, packed,
 * returned (returns go up the chain) or destroyed, never activated, shipped on or dispensed.
 */
export const RECALL_BLOCKS: readonly MovementKind[] = ['activate', 'ship', 'dispense'];

/** Expired stock is not put into circulation, shipped on or dispensed; it may be returned or destroyed. */
export const EXPIRY_BLOCKS: readonly MovementKind[] = ['activate', 'ship', 'dispense'];
