import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { applyChange, recordEvent, type Change, type EventContext, type EventRecord } from './apply.js';
import { MAX_CODES_PER_CALL, isRejection, readCode, type CodeKey } from './code-input.js';
import { receiveMilestones, shipMilestones } from './milestones.js';
import { findContents, findPacks, type PackRow } from './pack-rows.js';
import type { BulkResult, EventSourceName, Rejection } from './pack.types.js';
import { checkMovement, rowsToChange, type FacilityRef, type Movement } from './rules.js';

export interface MovementOptions {
  /** The caller's facility that acts; defaults to its organisation's first. */
  facilityId?: string | null;
  source?: EventSourceName | null;
  latitude?: number | null;
  longitude?: number | null;
  at?: Date | null;
}

/** The outcome for the codes of one call, before it is summed up as a BulkResult. */
export interface Outcome {
  accepted: string[];
  units: number;
  rejected: Rejection[];
}

export class MovementService {
  /** One bulk movement, applied in one transaction: valid codes change, the rest are rejected. */
  async move(ctx: Context, movement: Movement, codes: string[], options: MovementOptions = {}): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    checkCodeCount(codes);
    const actor = await this.actingFacility(ctx, options.facilityId);
    const eventContext = toEventContext(principal, options);
    const outcome = await inTransaction(ctx.pool, (client) => moveIn(client, movement, codes, actor, eventContext));
    await ctx.services.alerts.fromMovement(ctx.pool, movement, outcome.rejected, actor);
    return summarise(outcome);
  }

  /** The target facility of a shipment or return. */
  async facility(ctx: Context, id: string, field = 'to'): Promise<FacilityRef> {
    const facility = await loadFacility(ctx, `f.id = $1`, [check.uuid(id, field)]);
    if (!facility) throw notFound(`No facility with id ${id}`);
    return facility;
  }

  async actingFacility(ctx: Context, facilityId?: string | null): Promise<FacilityRef> {
    const principal = requirePrincipal(ctx);
    const facility = facilityId
      ? await loadFacility(ctx, 'f.id = $1 and f.organization_id = $2', [check.uuid(facilityId, 'facility'), principal.organizationId])
      : await loadFacility(ctx, 'f.organization_id = $1', [principal.organizationId]);
    if (!facility) {
      throw facilityId
        ? notFound(`Facility ${facilityId} is not one of your organisation's`)
        : badInput('Your organisation has no facility to act from', 'facility');
    }
    return facility;
  }
}

async function loadFacility(ctx: Context, where: string, params: unknown[]): Promise<FacilityRef | null> {
  const { rows } = await ctx.pool.query(
    `select f.id, f.name, f.type, f.organization_id as "organizationId", f.province, f.regency from facility f where ${where} order by f.created_at, f.id limit 1`,
    params,
  );
  return rows[0] ?? null;
}

export function checkCodeCount(codes: string[]) {
  if (codes.length === 0) throw badInput('codes must not be empty', 'codes');
  if (codes.length > MAX_CODES_PER_CALL) {
    throw badInput(`at most ${MAX_CODES_PER_CALL.toLocaleString('en')} codes per call; send a parent code or split the list`, 'codes');
  }
}

export function toEventContext(principal: Principal, options: MovementOptions): EventContext {
  return {
    userId: principal.kind === 'user' ? principal.id : null,
    apiKeyId: principal.kind === 'apiKey' ? principal.id : null,
    source: options.source ?? 'API',
    latitude: check.optionalNumberInRange(options.latitude, 'latitude', -90, 90),
    longitude: check.optionalNumberInRange(options.longitude, 'longitude', -180, 180),
    at: options.at ?? null,
  };
}

export const summarise = (outcome: Outcome): BulkResult => ({
  accepted: outcome.accepted.length,
  units: outcome.units,
  rejected: outcome.rejected,
});

/** Reads the codes, finds the packs and what they hold: everything the rules need, in one go. */
export async function resolveCodes(client: PoolClient, codes: string[]) {
  const rejected: Rejection[] = [];
  const keys: CodeKey[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) continue; // the same text twice counts once
    seen.add(code);
    const read = readCode(code);
    if (isRejection(read)) rejected.push(read);
    else keys.push(read);
  }
  const found = await findPacks(client, keys);
  const named: Array<{ key: CodeKey; pack: PackRow }> = [];
  const byPackId = new Set<string>();
  for (const key of keys) {
    const pack = found.get(key);
    if (!pack) {
      rejected.push({ code: key.input, reason: 'NOT_FOUND', message: 'no pack with this code is registered' });
      continue;
    }
    const mismatch = dataMismatch(key, pack);
    if (mismatch) {
      rejected.push({ code: key.input, reason: 'DATA_MISMATCH', message: mismatch });
      continue;
    }
    if (byPackId.has(pack.id)) continue; // two forms of one code
    byPackId.add(pack.id);
    named.push({ key, pack });
  }
  const contents = await findContents(
    client,
    named.filter(({ pack }) => pack.level !== 'UNIT').map(({ pack }) => pack.id),
  );
  return { named, contents, rejected };
}

/** The batch and expiry printed in a code must be those issued with its serial. */
function dataMismatch(key: CodeKey, pack: PackRow): string | null {
  if (key.kind !== 'unit') return null;
  if (key.lot !== null && key.lot !== pack.lot) return `the code says batch ${key.lot}, but this serial was issued for batch ${pack.lot}`;
  if (key.expiry !== null && key.expiry !== pack.expiry) {
    return `the code says expiry ${key.expiry}, but this serial was issued with expiry ${pack.expiry}`;
  }
  return null;
}

/** Applies one movement to `codes` inside the caller's transaction. */
export async function moveIn(
  client: PoolClient,
  movement: Movement,
  codes: string[],
  actor: FacilityRef,
  eventContext: EventContext,
): Promise<Outcome> {
  const { named, contents, rejected } = await resolveCodes(client, codes);
  const now = new Date();
  const accepted: string[] = [];
  const changed = new Map<string, PackRow>();
  const detach: PackRow[] = [];
  const namedIds = new Set(named.map(({ pack }) => pack.id));
  const container = containers(named.map(({ pack }) => pack.id), contents);
  const acceptedIds = new Set<string>();
  // Outermost codes first: a code inside another code of the same call moves with it.
  const ordered = [...named].sort((a, b) => Number(container.has(a.pack.id)) - Number(container.has(b.pack.id)));

  for (const { key, pack } of ordered) {
    const outer = container.get(pack.id);
    if (outer && acceptedIds.has(outer)) {
      accepted.push(key.input);
      continue;
    }
    const inside = contents.get(pack.id) ?? [];
    const refusal = checkMovement(movement, pack, inside, actor, now);
    if (refusal) {
      rejected.push({ code: key.input, ...refusal });
      continue;
    }
    accepted.push(key.input);
    acceptedIds.add(pack.id);
    for (const row of rowsToChange(movement, pack, inside)) changed.set(row.id, row);
    if (pack.parentId && !(namedIds.has(pack.parentId) && acceptedIds.has(pack.parentId)) && leavesParent(movement)) detach.push(pack);
  }

  const rows = [...changed.values()];
  if (rows.length) await write(client, movement, rows, detach, actor, eventContext);
  return { accepted, units: rows.filter((row) => row.level === 'UNIT').length, rejected: inInputOrder(rejected, codes) };
}

/** Rejections in the order the codes were sent. */
export function inInputOrder(rejected: Rejection[], codes: string[]): Rejection[] {
  const position = new Map<string, number>();
  codes.forEach((code, i) => position.has(code) || position.set(code, i));
  return rejected.sort((a, b) => (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0));
}

/** For each named code inside another named code of the same call, that outer code. */
function containers(ids: string[], contents: Map<string, PackRow[]>): Map<string, string> {
  const named = new Set(ids);
  const outer = new Map<string, string>();
  for (const [root, rows] of contents) for (const row of rows) if (named.has(row.id)) outer.set(row.id, root);
  // A unit in a named case in a named pallet goes with the pallet, the outermost.
  for (const [id, root] of outer) {
    let top = root;
    while (outer.has(top)) top = outer.get(top)!;
    outer.set(id, top);
  }
  return outer;
}

/** A pack shipped, dispensed or decommissioned on its own leaves the case it was in. */
const leavesParent = (movement: Movement) => movement.kind !== 'activate' && movement.kind !== 'receive' && movement.kind !== 'undo';

async function write(
  client: PoolClient,
  movement: Movement,
  rows: PackRow[],
  detach: PackRow[],
  actor: FacilityRef,
  eventContext: EventContext,
) {
  const { change, events } = plan(movement, rows, actor);
  if (detach.length) change.detach = detach.map((pack) => pack.id);
  await applyChange(client, rows, change, actor);
  for (const parentId of new Set(detach.map((pack) => pack.parentId!))) {
    const leaving = detach.filter((pack) => pack.parentId === parentId);
    await recordEvent(client, { type: 'DISAGGREGATED', facilityId: actor.id, parentId, packs: leaving }, eventContext);
  }
  for (const event of events) await recordEvent(client, event, eventContext);
}

/** The column changes and the events of a movement. */
function plan(movement: Movement, rows: PackRow[], actor: FacilityRef): { change: Change; events: EventRecord[] } {
  const event = (type: EventRecord['type'], extra: Partial<EventRecord> = {}): EventRecord[] => [
    { type, facilityId: actor.id, packs: rows, ...extra },
  ];
  switch (movement.kind) {
    case 'activate':
      return {
        change: { status: 'ACTIVE', custodianId: actor.id, stampStatus: true, reach: ['activated'] },
        events: event('ACTIVATED'),
      };
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
        events: event(movement.kind === 'ship' ? 'SHIPPED' : 'RETURNED', { counterpartyId: movement.to.id }),
      };
    case 'receive': {
      const bySender = new Map<string, PackRow[]>();
      for (const row of rows) {
        const sender = row.custodianId ?? '';
        const packs = bySender.get(sender);
        if (packs) packs.push(row);
        else bySender.set(sender, [row]);
      }
      return {
        change: {
          status: 'ACTIVE',
          custodianId: actor.id,
          destinationId: null,
          stampStatus: true,
          reach: receiveMilestones(actor.type),
          flow: { direction: 'in' },
        },
        events: [...bySender].map(([sender, packs]) => ({
          type: 'RECEIVED' as const,
          facilityId: actor.id,
          counterpartyId: sender || null,
          packs,
        })),
      };
    }
    case 'dispense':
      return { change: { status: 'DISPENSED', stampStatus: true, reach: ['dispensed'] }, events: event('DISPENSED') };
    case 'decommission':
      return {
        change: { status: movement.reason, stampStatus: true },
        events: event('DECOMMISSIONED', { reason: movement.reason }),
      };
    case 'undo': {
      const undoingDispense = rows.some((row) => row.status === 'DISPENSED');
      return {
        change: { status: 'ACTIVE', stampStatus: true, unreach: undoingDispense ? ['dispensed'] : [] },
        events: event('UNDONE', { reason: [...new Set(rows.map((row) => row.status))].join(',') }),
      };
    }
  }
}
