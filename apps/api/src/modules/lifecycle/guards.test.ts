import { describe, expect, it } from 'vitest';
import type { OrganizationType } from '../../shared/auth.js';
import { checkMovement, type FacilityRef, type Movement, type PackFacts, type Situation } from './guards.js';
import type { RuleName } from './refusals.js';
import { PACK_STATUSES, type PackStatusName } from './states.js';

// Every cell of state × movement × actor, written out as the expected answer: the rules are
// read from these tables, not recomputed from the code under test.

const TYPES: OrganizationType[] = ['REGULATOR', 'MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'];
type Kind = Movement['kind'];
const KINDS: Kind[] = ['activate', 'ship', 'returnPacks', 'receive', 'dispense', 'decommission', 'undo'];

/** Who may make each movement at all. */
const MAY_ACT: Record<Kind, OrganizationType[]> = {
  activate: ['MANUFACTURER'],
  ship: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  returnPacks: ['DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  receive: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  dispense: ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  decommission: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  undo: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
};

/**
 * The answer for a pack in each status, the actor being allowed and holding it (for receive:
 * the pack, when in transit, is on its way to the actor). null = accepted.
 */
const BY_STATUS: Record<Kind, Record<PackStatusName, RuleName | null>> = {
  activate: { ISSUED: null, ACTIVE: 'ALREADY_ACTIVE', IN_TRANSIT: 'ALREADY_ACTIVE', DISPENSED: 'ALREADY_ACTIVE', DESTROYED: 'ALREADY_ACTIVE', SAMPLE: 'ALREADY_ACTIVE', EXPORTED: 'ALREADY_ACTIVE', STOLEN: 'ALREADY_ACTIVE', LOCKED: 'ALREADY_ACTIVE' },
  ship: { ISSUED: 'NOT_ACTIVATED', ACTIVE: null, IN_TRANSIT: 'IN_TRANSIT', DISPENSED: 'NOT_ACTIVE', DESTROYED: 'NOT_ACTIVE', SAMPLE: 'NOT_ACTIVE', EXPORTED: 'NOT_ACTIVE', STOLEN: 'NOT_ACTIVE', LOCKED: 'NOT_ACTIVE' },
  returnPacks: { ISSUED: 'NOT_ACTIVATED', ACTIVE: null, IN_TRANSIT: 'IN_TRANSIT', DISPENSED: 'NOT_ACTIVE', DESTROYED: 'NOT_ACTIVE', SAMPLE: 'NOT_ACTIVE', EXPORTED: 'NOT_ACTIVE', STOLEN: 'NOT_ACTIVE', LOCKED: 'NOT_ACTIVE' },
  receive: { ISSUED: 'NOT_ACTIVATED', ACTIVE: 'ALREADY_RECEIVED', IN_TRANSIT: null, DISPENSED: 'NOT_SHIPPED_TO_YOU', DESTROYED: 'NOT_SHIPPED_TO_YOU', SAMPLE: 'NOT_SHIPPED_TO_YOU', EXPORTED: 'NOT_SHIPPED_TO_YOU', STOLEN: 'NOT_SHIPPED_TO_YOU', LOCKED: 'NOT_SHIPPED_TO_YOU' },
  dispense: { ISSUED: 'NOT_ACTIVATED', ACTIVE: null, IN_TRANSIT: 'IN_TRANSIT', DISPENSED: 'ALREADY_DONE', DESTROYED: 'NOT_ACTIVE', SAMPLE: 'NOT_ACTIVE', EXPORTED: 'NOT_ACTIVE', STOLEN: 'NOT_ACTIVE', LOCKED: 'NOT_ACTIVE' },
  decommission: { ISSUED: 'NOT_ACTIVATED', ACTIVE: null, IN_TRANSIT: 'IN_TRANSIT', DISPENSED: 'NOT_ACTIVE', DESTROYED: 'ALREADY_DONE', SAMPLE: 'NOT_ACTIVE', EXPORTED: 'NOT_ACTIVE', STOLEN: 'NOT_ACTIVE', LOCKED: 'NOT_ACTIVE' },
  undo: { ISSUED: 'NOT_ACTIVATED', ACTIVE: 'NOTHING_TO_UNDO', IN_TRANSIT: 'NOTHING_TO_UNDO', DISPENSED: null, DESTROYED: 'FINAL', SAMPLE: null, EXPORTED: null, STOLEN: 'FINAL', LOCKED: null },
};

/** Where each sender type may ship, and return, to. */
const SHIP_TO: Record<OrganizationType, OrganizationType[]> = {
  REGULATOR: [],
  MANUFACTURER: ['DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  DISTRIBUTOR: ['DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  PHARMACY: ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  HOSPITAL: ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
  PUSKESMAS: ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'],
};
const RETURN_TO: Record<OrganizationType, OrganizationType[]> = {
  REGULATOR: [],
  MANUFACTURER: [],
  DISTRIBUTOR: ['DISTRIBUTOR', 'MANUFACTURER'],
  PHARMACY: ['DISTRIBUTOR', 'MANUFACTURER'],
  HOSPITAL: ['DISTRIBUTOR', 'MANUFACTURER'],
  PUSKESMAS: ['DISTRIBUTOR', 'MANUFACTURER'],
};

const NOW = new Date('2026-11-29T05:00:00Z');
const TODAY = '2026-11-29';
const DAY = 86_400_000;

const facility = (type: OrganizationType, n = 1): FacilityRef => ({
  id: `${type.toLowerCase()}-${n}`,
  name: `${type} ${n}`,
  type,
  organizationId: `org-${type.toLowerCase()}-${n}`,
  province: null,
  regency: null,
});

const OWNER = facility('MANUFACTURER');

function packFor(actor: FacilityRef, status: PackStatusName, kind: Kind, extra: Partial<PackFacts> = {}): PackFacts {
  const elsewhere = facility('DISTRIBUTOR', 9).id;
  const inbound = kind === 'receive' && status === 'IN_TRANSIT';
  return {
    id: 'p1',
    level: 'UNIT',
    status,
    registrantId: kind === 'activate' ? actor.organizationId : OWNER.organizationId,
    expiry: '2030-01-31',
    recalled: false,
    custodianId: status === 'ISSUED' ? null : inbound ? elsewhere : actor.id,
    destinationId: status === 'IN_TRANSIT' ? (inbound ? actor.id : elsewhere) : null,
    parentId: null,
    statusById: status === 'ISSUED' ? null : actor.id,
    statusAt: new Date(NOW.getTime() - DAY),
    lastEventAt: new Date(NOW.getTime() - DAY),
    ...extra,
  };
}

function movementFor(kind: Kind, actor: FacilityRef): Movement {
  if (kind === 'ship' || kind === 'returnPacks') {
    const targets = (kind === 'ship' ? SHIP_TO : RETURN_TO)[actor.type];
    return { kind, to: facility(targets[0] ?? 'DISTRIBUTOR', 2) };
  }
  if (kind === 'decommission') return { kind, reason: 'DESTROYED' };
  return { kind } as Movement;
}

const situation = (actor: FacilityRef, at: Date | null = null): Situation => ({ actor, today: TODAY, now: NOW, at });
const ruleOf = (movement: Movement, pack: PackFacts, actor: FacilityRef, contents: PackFacts[] = [], at: Date | null = null) =>
  checkMovement(movement, pack, contents, situation(actor, at))?.rule ?? null;

describe('the lifecycle rules, cell by cell', () => {
  const cells = KINDS.flatMap((kind) => TYPES.flatMap((type) => PACK_STATUSES.map((status) => [kind, type, status] as const)));

  it.each(cells)('%s by a %s of a pack that is %s', (kind, type, status) => {
    const actor = facility(type);
    const expected = MAY_ACT[kind].includes(type) ? BY_STATUS[kind][status] : 'ACTOR_NOT_ALLOWED';
    expect(ruleOf(movementFor(kind, actor), packFor(actor, status, kind), actor)).toBe(expected);
  });

  it('covers every cell', () => {
    expect(cells).toHaveLength(KINDS.length * TYPES.length * PACK_STATUSES.length);
  });
});

describe('where packs may go', () => {
  const cells = (['ship', 'returnPacks'] as const).flatMap((kind) => TYPES.flatMap((from) => TYPES.map((to) => [kind, from, to] as const)));

  it.each(cells)('%s from a %s to a %s', (kind, from, to) => {
    const actor = facility(from);
    const rule = ruleOf({ kind, to: facility(to, 2) }, packFor(actor, 'ACTIVE', kind), actor);
    if (!MAY_ACT[kind].includes(from)) expect(rule).toBe('ACTOR_NOT_ALLOWED');
    else expect(rule).toBe((kind === 'ship' ? SHIP_TO : RETURN_TO)[from].includes(to) ? null : 'DESTINATION_NOT_ALLOWED');
  });

  it('never to the sender itself', () => {
    const actor = facility('DISTRIBUTOR');
    expect(ruleOf({ kind: 'ship', to: actor }, packFor(actor, 'ACTIVE', 'ship'), actor)).toBe('DESTINATION_NOT_ALLOWED');
  });
});

describe('custody', () => {
  const distributor = facility('DISTRIBUTOR');
  const pharmacy = facility('PHARMACY');
  const other = facility('PHARMACY', 3);

  it.each(['ship', 'returnPacks', 'dispense', 'decommission', 'undo'] as const)('%s of a pack someone else holds is NOT_IN_CUSTODY', (kind) => {
    const actor = kind === 'returnPacks' || kind === 'dispense' || kind === 'undo' ? pharmacy : distributor;
    const pack = packFor(other, kind === 'undo' ? 'DISPENSED' : 'ACTIVE', kind);
    expect(ruleOf(movementFor(kind, actor), pack, actor)).toBe('NOT_IN_CUSTODY');
  });

  it('a pack on its way to the actor must be received before anything else', () => {
    const pack = packFor(pharmacy, 'IN_TRANSIT', 'receive');
    const refusal = checkMovement({ kind: 'dispense' }, pack, [], situation(pharmacy));
    expect(refusal).toMatchObject({ rule: 'NOT_IN_CUSTODY', message: expect.stringContaining('receive it first') });
  });

  it('receiving a pack on its way elsewhere is NOT_SHIPPED_TO_YOU', () => {
    const pack = { ...packFor(other, 'IN_TRANSIT', 'receive') };
    expect(ruleOf({ kind: 'receive' }, pack, pharmacy)).toBe('NOT_SHIPPED_TO_YOU');
  });

  it('only the manufacturer that owns a product activates it', () => {
    const someone = facility('MANUFACTURER', 2);
    expect(ruleOf({ kind: 'activate' }, { ...packFor(someone, 'ISSUED', 'activate'), registrantId: OWNER.organizationId }, someone)).toBe('NOT_OWNER');
  });
});

describe('the order of the guards', () => {
  const distributor = facility('DISTRIBUTOR');
  const pharmacy = facility('PHARMACY');
  const other = facility('DISTRIBUTOR', 3);

  it('a never-activated pack is NOT_ACTIVATED, not "not in your custody"', () => {
    expect(ruleOf({ kind: 'receive' }, packFor(other, 'ISSUED', 'receive'), distributor)).toBe('NOT_ACTIVATED');
    expect(ruleOf(movementFor('ship', distributor), packFor(other, 'ISSUED', 'ship'), distributor)).toBe('NOT_ACTIVATED');
  });

  it('a recalled pack held elsewhere is RECALLED, not "not in your custody"', () => {
    const pack = packFor(other, 'ACTIVE', 'ship', { recalled: true });
    expect(ruleOf(movementFor('ship', distributor), pack, distributor)).toBe('RECALLED');
    expect(ruleOf({ kind: 'dispense' }, packFor(facility('PHARMACY', 3), 'ACTIVE', 'dispense', { recalled: true }), pharmacy)).toBe('RECALLED');
  });

  it('recalled comes before expired, and a recall or expiry inside a case counts', () => {
    const expiredRecalled = packFor(distributor, 'ACTIVE', 'ship', { recalled: true, expiry: '2026-11-28' });
    expect(ruleOf(movementFor('ship', distributor), expiredRecalled, distributor)).toBe('RECALLED');
    const box = { ...packFor(distributor, 'ACTIVE', 'ship'), level: 'CASE' as const, expiry: null };
    expect(ruleOf(movementFor('ship', distributor), box, distributor, [packFor(distributor, 'ACTIVE', 'ship', { expiry: '2026-11-01' })])).toBe('EXPIRED');
  });

  it.each([
    ['activate', 'RECALLED', 'EXPIRED'],
    ['ship', 'RECALLED', 'EXPIRED'],
    ['dispense', 'RECALLED', 'EXPIRED'],
    ['returnPacks', null, null],
    ['receive', null, null],
    ['decommission', null, null],
  ] as const)('%s of a recalled pack: %s; of an expired one: %s', (kind, recalled, expired) => {
    const actor = facility(kind === 'activate' ? 'MANUFACTURER' : kind === 'dispense' || kind === 'returnPacks' ? 'PHARMACY' : 'DISTRIBUTOR');
    const status = kind === 'activate' ? 'ISSUED' : kind === 'receive' ? 'IN_TRANSIT' : 'ACTIVE';
    expect(ruleOf(movementFor(kind, actor), packFor(actor, status, kind, { recalled: true }), actor)).toBe(recalled);
    expect(ruleOf(movementFor(kind, actor), packFor(actor, status, kind, { expiry: '2026-11-28' }), actor)).toBe(expired);
  });

  it('the expiry day itself is not expired yet', () => {
    expect(ruleOf(movementFor('ship', distributor), packFor(distributor, 'ACTIVE', 'ship', { expiry: TODAY }), distributor)).toBe(null);
  });
});

describe('undo', () => {
  const pharmacy = facility('PHARMACY');
  const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);

  it.each([
    ['DISPENSED', 9.9, null],
    ['DISPENSED', 10.1, 'UNDO_WINDOW_PASSED'],
    ['SAMPLE', 10.1, 'UNDO_WINDOW_PASSED'],
    ['EXPORTED', 3, null],
    ['LOCKED', 400, null],
  ] as const)('%s %s days ago: %s', (status, daysAgo, expected) => {
    expect(ruleOf({ kind: 'undo' }, packFor(pharmacy, status, 'undo', { statusAt: at(daysAgo) }), pharmacy)).toBe(expected);
  });

  it('only by the facility that made the change', () => {
    expect(ruleOf({ kind: 'undo' }, packFor(pharmacy, 'DISPENSED', 'undo', { statusById: 'someone-else' }), pharmacy)).toBe('NOT_IN_CUSTODY');
  });

  it('the window is measured to the reported time of the undo', () => {
    const pack = packFor(pharmacy, 'DISPENSED', 'undo', { statusAt: at(12), lastEventAt: at(12) });
    expect(ruleOf({ kind: 'undo' }, pack, pharmacy, [], at(3))).toBe(null);
  });
});

describe('reported times', () => {
  const distributor = facility('DISTRIBUTOR');
  const ship = movementFor('ship', distributor);

  it('may not come before the last recorded event of the pack or anything inside it', () => {
    const pack = packFor(distributor, 'ACTIVE', 'ship', { lastEventAt: new Date('2026-11-29T03:00:00Z') });
    expect(ruleOf(ship, pack, distributor, [], new Date('2026-11-29T02:59:59Z'))).toBe('TIME_BEFORE_LAST_EVENT');
    expect(ruleOf(ship, pack, distributor, [], new Date('2026-11-29T03:00:00Z'))).toBe(null);
    const box = { ...pack, level: 'CASE' as const, lastEventAt: new Date('2026-11-29T01:00:00Z') };
    expect(ruleOf(ship, box, distributor, [pack], new Date('2026-11-29T02:00:00Z'))).toBe('TIME_BEFORE_LAST_EVENT');
  });

  it('come after every other guard', () => {
    const pack = packFor(distributor, 'IN_TRANSIT', 'ship', { lastEventAt: NOW });
    expect(ruleOf(ship, pack, distributor, [], new Date(NOW.getTime() - DAY))).toBe('IN_TRANSIT');
  });
});
