import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { issuedCodes, issuedCount } from '../codes/issued-codes.js';
import { codeForms } from '../codes/pack-code.js';
import * as check from '../../shared/validate.js';
import type { AlertService } from '../alerts/alert.service.js';
import type { Clock } from '../lifecycle/clock.js';
import { effectOf, leavesParent, rowsToChange, type Effect } from '../lifecycle/effects.js';
import { checkActor, checkMovement, type FacilityRef, type Movement } from '../lifecycle/guards.js';
import { refuse } from '../lifecycle/refusals.js';
import { activateInPlace } from './activate-in-place.js';
import { applyChange, recordEvents, type EventRecord, type Moved, type Reporter } from './apply.js';
import { MAX_CODES_PER_CALL } from './code-input.js';
import type { PackRow, Queryable } from './pack-rows.js';
import type { BulkResult, EventSourceName, Rejection, RequestActivation } from './pack.types.js';
import { refusedLine, resolveCodes, type Line, type Refused } from './resolve.js';
import { recordReceipts } from '../shipments/receipts.js';
import { ofRequestSql } from './ranges.js';

export interface MovementOptions {
  /** The caller's facility that acts; defaults to its organisation's first. */
  facilityId?: string | null;
  source?: EventSourceName | null;
  latitude?: number | null;
  longitude?: number | null;
  /** When it happened, if the caller reports it; checked against the clock and the packs' history. */
  at?: Date | null;
}

/** The outcome for the lines of one call, before it is summed up as a BulkResult. */
export interface Outcome {
  /** Every line applied, those carried inside another one included. */
  accepted: Line[];
  /**
   * The packs that moved on their own account (not inside another of the call), what changed
   * with them, and their units; what shipments are made of (an activation in place leaves them out).
   */
  items: Array<{ line: Line; pack: PackRow; rows: PackRow[]; units: number }>;
  units: number;
  rejected: Rejection[];
  /** Accepted codes of a recalled batch: they may move back, and the screen says so. */
  recalled: string[];
}

export interface MoveOptions {
  /** The shipment a ship or return travels in; a receipt takes each pack's own. */
  shipmentId?: string;
  /** Makes the shipment a ship or return travels in, once there is something to send. */
  newShipment?: () => Promise<string>;
  /** Check only: nothing is written (a pack added to an open shipment moves when it is dispatched). */
  dryRun?: boolean;
  /** Read and check every pack even of an activation: the reference activation in place is held to. */
  readEvery?: boolean;
  /** The lines of an activation sent to the database in one statement (activate-in-place.ts). */
  inPlaceChunk?: number;
}

export class MovementService {
  constructor(
    readonly clock: Clock,
    private readonly alerts: AlertService,
  ) {}

  /** One bulk movement, applied in one transaction: valid codes change, the rest are rejected. */
  async move(ctx: Context, movement: Movement, codes: string[], options: MovementOptions = {}): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    checkCodeCount(codes);
    const actor = await this.actingFacility(ctx, options.facilityId);
    const lines = this.linesOf(codes, options);
    const outcome = await inTransaction(ctx.pool, (client) => this.moveIn(client, movement, lines, actor, reporterOf(principal, options.source)));
    return summarise(outcome);
  }

  /**
   * One step of "activate this request": up to `first` of the request's codes still ISSUED after
   * `after`, activated in one transaction, so that a request of 100,000 codes never holds one
   * giant transaction nor all its codes in memory. The caller repeats with `endCursor` until
   * `hasMore` is false, and shows the progress between steps.
   */
  async activateRequest(ctx: Context, requestId: string, after: string | null | undefined, firstInput: number | null | undefined, options: MovementOptions = {}): Promise<RequestActivation> {
    const principal = requirePrincipal(ctx);
    const first = firstInput ?? ACTIVATION_STEP;
    if (!Number.isInteger(first) || first < 1 || first > ACTIVATION_STEP_MAX) throw badInput(`first must be 1 to ${ACTIVATION_STEP_MAX}, got ${first}`, 'first');
    const request = await ctx.services.codes.withReadableCodes(ctx, requestId);
    if (request.organization.id !== principal.organizationId) throw forbidden('Only the manufacturer that asked for these codes activates them');
    if (request.status !== 'ISSUED') throw conflict(`Code request ${request.id} is ${request.status}: it has no codes to activate`);
    const actor = await this.actingFacility(ctx, options.facilityId);
    const afterId = after ? decodeActivationCursor(after) : '0';
    const rows = await issuedCodes(ctx.pool, request.id, afterId, first, undefined, true);
    const outcome = rows.length
      ? await inTransaction(ctx.pool, (client) =>
          this.moveIn(client, { kind: 'activate' }, this.linesOf(rows.map((row) => codeForms(row).text), options), actor, reporterOf(principal, options.source)),
        )
      : { accepted: [], units: 0, rejected: [], recalled: [] };
    const { rows: left } = await ctx.pool.query(
      `select count(*)::int as remaining from pack p where ${ofRequestSql('p', '$1')} and p.status = 'ISSUED' and p.id > $2`,
      [request.id, rows.at(-1)?.id ?? afterId],
    );
    return {
      result: summarise(outcome),
      endCursor: rows.length ? encodeActivationCursor(rows.at(-1)!.id) : (after ?? null),
      hasMore: left[0].remaining > 0,
      remaining: left[0].remaining,
      total: issuedCount(request),
    };
  }

  /** The lines of a call whose codes share one reported time and place, checked. */
  linesOf(codes: string[], options: MovementOptions): Line[] {
    const latitude = check.optionalNumberInRange(options.latitude, 'latitude', -90, 90);
    const longitude = check.optionalNumberInRange(options.longitude, 'longitude', -180, 180);
    const at = options.at ?? null;
    if (at) {
      const refusal = this.clock.refuseReportedTime(at);
      if (refusal) throw badInput(refuse(refusal, timeMessage(refusal, at, this.clock)).message, 'at');
    }
    return codes.map((code) => ({ code, at, latitude, longitude }));
  }

  /**
   * Applies one movement to `lines` inside the caller's transaction: reads every named pack and
   * what it holds, checks each against the lifecycle rules, writes the changed packs in one
   * statement, appends the events, and raises the alerts some refusals call for. An activation
   * is first tried in place (`activate-in-place.ts`), and only the lines left are read: its lines
   * may be read as they are asked for.
   */
  async moveIn(client: PoolClient, movement: Movement, lines: Iterable<Line>, actor: FacilityRef, reporter: Reporter, options: MoveOptions = {}): Promise<Outcome> {
    const callRefusal = checkActor(movement.kind, actor, 'to' in movement ? movement.to : undefined);
    if (callRefusal) return { accepted: [], items: [], units: 0, rejected: Array.from(lines, (line) => refusedLine(line, callRefusal).rejection), recalled: [] };
    if (movement.kind !== 'activate' || options.dryRun || options.readEvery) return this.moveRead(client, movement, Array.from(lines), actor, reporter, options);
    // Most of an activation is written by the database; what it leaves is read and checked.
    const inPlace = await activateInPlace(client, lines, actor, reporter, this.clock, { chunk: options.inPlaceChunk });
    const rest = await this.moveRead(client, movement, inPlace.rest, actor, reporter, options);
    return { ...rest, accepted: [...inPlace.accepted, ...rest.accepted], units: inPlace.units + rest.units };
  }

  /** `moveIn` by reading every pack first and checking it against the rules in turn. */
  private async moveRead(client: PoolClient, movement: Movement, lines: Line[], actor: FacilityRef, reporter: Reporter, options: MoveOptions): Promise<Outcome> {
    if (lines.length === 0) return { accepted: [], items: [], units: 0, rejected: [], recalled: [] };
    const now = this.clock.now();
    const { named, contents, refused } = await resolveCodes(client, lines);
    const accepted: Line[] = [];
    const items: Outcome['items'] = [];
    const recalled: string[] = [];
    const moving: Array<Moved & { line: Line }> = [];
    const detach: Array<{ line: Line; at: Date; row: PackRow }> = [];
    const acceptedIds = new Set<string>();
    const changedIds = new Set<string>();
    const container = containers(named.map(({ pack }) => pack.id), contents);
    // Outermost codes first: a code inside another code of the same call moves with it.
    const ordered = [...named].sort((a, b) => Number(container.has(a.pack.id)) - Number(container.has(b.pack.id)));
    const today = this.clock.today();

    for (const { line, pack } of ordered) {
      const outer = container.get(pack.id);
      if (outer && acceptedIds.has(outer)) {
        accepted.push(line);
        continue;
      }
      const inside = contents.get(pack.id) ?? [];
      const refusal = checkMovement(movement, pack, inside, { actor, today, now, at: line.at });
      if (refusal) {
        refused.push(refusedLine(line, refusal, pack));
        continue;
      }
      accepted.push(line);
      acceptedIds.add(pack.id);
      const at = line.at ?? now;
      const rows = rowsToChange(movement, pack, inside).filter((row) => !changedIds.has(row.id));
      for (const row of rows) changedIds.add(row.id);
      moving.push({ line, at, rows });
      items.push({ line, pack, rows, units: (pack.level === 'UNIT' ? 1 : 0) + inside.filter((row) => row.level === 'UNIT').length });
      if (pack.recalled || inside.some((row) => row.recalled)) recalled.push(line.code);
      if (pack.parentId && !acceptedIds.has(pack.parentId) && leavesParent(movement)) detach.push({ line, at, row: pack });
    }

    if (options.dryRun) return { accepted, items, units: sumUnits(moving), rejected: inInputOrder(refused.map((r) => r.rejection), lines), recalled };
    if (changedIds.size) {
      const shipmentId = options.shipmentId ?? (await options.newShipment?.()) ?? null;
      await this.write(client, effectOf(movement, actor), moving, detach, actor, reporter, shipmentId);
    }
    await this.alerts.fromMovement(client, movement, refused, actor, now);
    return { accepted, items, units: sumUnits(moving), rejected: inInputOrder(refused.map((r) => r.rejection), lines), recalled };
  }

  /**
   * Writes the changed packs, and their events: one per time and place the lines reported, split
   * further where the effect says (by sender on receipt, by the status undone on undo).
   */
  private async write(
    client: PoolClient,
    effect: Effect,
    moving: Array<Moved & { line: Line }>,
    detach: Array<{ line: Line; at: Date; row: PackRow }>,
    actor: FacilityRef,
    reporter: Reporter,
    shipmentId: string | null,
  ) {
    const sending = effect.change.flow?.direction === 'out';
    const change = { ...effect.change, ...(detach.length ? { detach: detach.map(({ row }) => row.id) } : {}), ...(sending ? { shipmentId } : {}) };
    const events = new Map<string, EventRecord>();
    const eventFor = (type: EventRecord['type'], line: Line, at: Date, counterpartyId: string | null, reason: string | null, parentId: string | null, shipment: string | null) => {
      const key = `${type}|${counterpartyId}|${reason}|${parentId}|${shipment}|${at.getTime()}|${line.latitude}|${line.longitude}`;
      let event = events.get(key);
      if (!event) {
        event = { type, facilityId: actor.id, at, latitude: line.latitude, longitude: line.longitude, counterpartyId, reason, parentId, shipmentId: shipment, packs: [] };
        events.set(key, event);
      }
      return event.packs;
    };
    for (const { line, at, row } of detach) eventFor('DISAGGREGATED', line, at, null, null, row.parentId, null).push(row);
    const counterpartyId = effect.counterpartyId ?? null;
    const reason = effect.reason ?? null;
    const shipment = sending ? shipmentId : null;
    for (const { line, at, rows } of moving) {
      if (!effect.splitBy) {
        const packs = eventFor(effect.event, line, at, counterpartyId, reason, null, shipment);
        for (const row of rows) packs.push(row);
      } else {
        for (const row of rows) {
          // A receipt is one event per sender and per shipment the packs travelled in.
          const packs =
            effect.splitBy === 'sender'
              ? eventFor(effect.event, line, at, row.custodianId, reason, null, row.shipmentId)
              : eventFor(effect.event, line, at, counterpartyId, row.status, null, null);
          packs.push(row);
        }
      }
    }
    await applyChange(client, moving, change, actor, this.clock);
    await recordEvents(client, [...events.values()], reporter);
    if (effect.event === 'RECEIVED') await recordReceipts(client, moving, this.clock.now());
  }

  /** The target facility of a shipment or return. */
  async facility(ctx: Context, id: string, field = 'to'): Promise<FacilityRef> {
    return this.facilityRef(ctx.pool, check.uuid(id, field));
  }

  async facilityRef(db: Queryable, id: string): Promise<FacilityRef> {
    const facility = await loadFacility(db, `f.id = $1`, [id]);
    if (!facility) throw notFound(`No facility with id ${id}`);
    return facility;
  }

  async actingFacility(ctx: Context, facilityId?: string | null): Promise<FacilityRef> {
    const principal = requirePrincipal(ctx);
    const facility = facilityId
      ? await loadFacility(ctx.pool, 'f.id = $1 and f.organization_id = $2', [check.uuid(facilityId, 'facility'), principal.organizationId])
      : await loadFacility(ctx.pool, 'f.organization_id = $1', [principal.organizationId]);
    if (!facility) {
      throw facilityId
        ? notFound(`Facility ${facilityId} is not one of your organisation's`)
        : badInput('Your organisation has no facility to act from', 'facility');
    }
    return facility;
  }
}

async function loadFacility(db: Queryable, where: string, params: unknown[]): Promise<FacilityRef | null> {
  const { rows } = await db.query(
    `select f.id, f.name, f.type, f.organization_id as "organizationId", f.province, f.regency from facility f where ${where} order by f.created_at, f.id limit 1`,
    params,
  );
  return rows[0] ?? null;
}

/** Codes one step of a request's activation takes by default, and at most. */
export const ACTIVATION_STEP = 5_000;
export const ACTIVATION_STEP_MAX = 20_000;

const encodeActivationCursor = (id: string) => Buffer.from(`activation:${id}`).toString('base64url');

function decodeActivationCursor(cursor: string): string {
  const match = /^activation:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`after "${cursor.slice(0, 40)}" is not a cursor from activateCodeRequest`, 'after');
  return match[1]!;
}

export function checkCodeCount(codes: string[]) {
  if (codes.length === 0) throw badInput('codes must not be empty', 'codes');
  if (codes.length > MAX_CODES_PER_CALL) {
    throw badInput(`at most ${MAX_CODES_PER_CALL.toLocaleString('en')} codes per call; send a parent code or split the list`, 'codes');
  }
}

export const reporterOf = (principal: Principal, source: EventSourceName | null | undefined): Reporter => ({
  userId: principal.kind === 'user' ? principal.id : null,
  apiKeyId: principal.kind === 'apiKey' ? principal.id : null,
  source: source ?? 'API',
});

export function timeMessage(refusal: 'TIME_IN_FUTURE' | 'TIME_TOO_OLD', at: Date, clock: Clock): string {
  return refusal === 'TIME_IN_FUTURE'
    ? `the time ${at.toISOString()} is in the future`
    : `the time ${at.toISOString()} is more than ${clock.reportedWindowDays} days ago; older events are not taken`;
}

/** What every bulk call ends with, before it is summed up as a BulkResult. */
export type Tally = Pick<Outcome, 'accepted' | 'units' | 'rejected'> & { recalled?: string[] };

export const summarise = (outcome: Tally): BulkResult => ({
  accepted: outcome.accepted.length,
  units: outcome.units,
  rejected: outcome.rejected,
  recalled: outcome.recalled ?? [],
  shipment: null,
});

function sumUnits(moving: Array<Moved>): number {
  let units = 0;
  for (const { rows } of moving) for (const row of rows) if (row.level === 'UNIT') units++;
  return units;
}

/** Rejections in the order of their lines (rows of a file keep their row order). */
export function inInputOrder(rejected: Rejection[], lines: Line[]): Rejection[] {
  const position = new Map<string, number>();
  lines.forEach((line, i) => position.has(line.code) || position.set(line.code, i));
  return rejected.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0));
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

export type { Refused };
