/**
 * EPCIS events that move Jejak's packs, applied through the lifecycle rules exactly as the
 * GraphQL mutations apply them (the same service functions, inside the capture's transaction),
 * and refused with the same reasons.
 *
 * An event is a custody event when its CBV business step is one Jejak knows and one of its EPCs
 * names a registered pack (an SGTIN as EPC URN or GS1 Digital Link, an SSCC, or a NIE code as
 * `urn:jejak:nie:<NIE>:<serial>`):
 *
 * | EPCIS event                                          | Jejak        |
 * |------------------------------------------------------|--------------|
 * | ObjectEvent commissioning                            | activate     |
 * | AggregationEvent ADD, packing (or no bizStep)        | aggregate    |
 * | AggregationEvent DELETE, unpacking (or no bizStep)   | disaggregate |
 * | ObjectEvent shipping                                 | ship         |
 * | ObjectEvent receiving                                | receive      |
 * | ObjectEvent dispensing, retail_selling               | dispense     |
 * | ObjectEvent destroying                               | decommission DESTROYED |
 * | ObjectEvent decommissioning                          | decommission: disposition stolen → STOLEN, destroyed or disposed → DESTROYED, else LOCKED |
 *
 * The acting facility is the one whose GLN is the event's bizLocation (else its readPoint; else
 * the organisation's first facility) and must be the caller's; a shipment goes to the facility
 * whose GLN its destinationList names as `location`. The event's eventTime is the movement's
 * time. Every other event is kept as a repository keeps it.
 */
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import type { Principal } from '../../shared/auth.js';
import { AppError } from '../../shared/errors.js';
import type { FacilityRef, Movement } from '../lifecycle/guards.js';
import type { DecommissionReasonName } from '../lifecycle/states.js';
import type { Reporter } from '../packs/apply.js';
import type { AggregationService } from '../packs/aggregation.service.js';
import { isRejection, readCode, type CodeKey } from '../packs/code-input.js';
import { reporterOf, type MovementService } from '../packs/movements.service.js';
import { findPacks } from '../packs/pack-rows.js';
import type { Rejection } from '../packs/pack.types.js';
import type { ShipmentService } from '../shipments/shipment.service.js';
import { identifierKey, packCodeOf, registryKeys } from './identifiers.js';
import { EpcisError, problemOf, toProblem, type Problem } from './problems.js';
import { isObject, type JsonObject } from './validation.js';
import { cbvWord } from './vocabulary.js';

export interface CustodyOutcome {
  /** The events refused, by index. */
  refused: Set<number>;
  problems: Problem[];
  /** What to do once the transaction has committed (e-mails). */
  after: Array<() => Promise<void>>;
}

type Plan =
  | { kind: 'move'; movement: Exclude<Movement, { kind: 'ship' | 'returnPacks' }>; codes: string[] }
  | { kind: 'ship'; codes: string[] }
  | { kind: 'aggregate'; parent: string; codes: string[] }
  | { kind: 'disaggregate'; parent: string; codes: string[] | null };

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function decommissionReason(disposition: string | null): DecommissionReasonName {
  if (disposition === 'stolen') return 'STOLEN';
  if (disposition === 'destroyed' || disposition === 'disposed') return 'DESTROYED';
  return 'LOCKED';
}

/** The ObjectEvent business steps Jejak applies. */
const OBJECT_STEPS = new Set(['commissioning', 'shipping', 'receiving', 'dispensing', 'retail_selling', 'destroying', 'decommissioning']);

/** What Jejak would do with an event, if it names its packs; null for an event Jejak only keeps. */
export function planOf(event: JsonObject): Plan | null {
  const bizStep = cbvWord('bizStep', event.bizStep);
  const codes = (list: unknown) => strings(list).map((epc) => packCodeOf(epc) ?? epc);
  if (event.type === 'ObjectEvent') {
    // The business step first: most events of a repository are none of Jejak's, and reading their EPCs costs.
    if (!bizStep || !OBJECT_STEPS.has(bizStep)) return null;
    const epcs = codes(event.epcList);
    if (epcs.length === 0) return null;
    const move = (movement: Exclude<Movement, { kind: 'ship' | 'returnPacks' }>): Plan => ({ kind: 'move', movement, codes: epcs });
    switch (bizStep) {
      case 'commissioning':
        return move({ kind: 'activate' });
      case 'shipping':
        return { kind: 'ship', codes: epcs };
      case 'receiving':
        return move({ kind: 'receive' });
      case 'dispensing':
      case 'retail_selling':
        return move({ kind: 'dispense' });
      case 'destroying':
        return move({ kind: 'decommission', reason: 'DESTROYED' });
      default:
        return move({ kind: 'decommission', reason: decommissionReason(cbvWord('disposition', event.disposition)) });
    }
  }
  if (event.type === 'AggregationEvent' && typeof event.parentID === 'string') {
    const packing = event.action === 'ADD' && (bizStep === 'packing' || bizStep === null);
    const unpacking = event.action === 'DELETE' && (bizStep === 'unpacking' || bizStep === null);
    if (!packing && !unpacking) return null;
    const parent = packCodeOf(event.parentID) ?? event.parentID;
    const children = codes(event.childEPCs);
    if (packing && children.length) return { kind: 'aggregate', parent, codes: children };
    if (unpacking) return { kind: 'disaggregate', parent, codes: children.length ? children : null };
  }
  return null;
}

const codesOf = (plan: Plan) => [...(plan.kind === 'aggregate' || plan.kind === 'disaggregate' ? [plan.parent] : []), ...(plan.codes ?? [])];

export class CustodyService {
  constructor(
    private readonly movements: MovementService,
    private readonly aggregation: AggregationService,
    private readonly shipments: ShipmentService,
  ) {}

  /**
   * Applies the custody events of a capture in order, each in a savepoint of the capture's
   * transaction: a refused one is undone alone and answered as problems located at the event
   * (all of them, whatever the error behaviour: the caller rolls back or proceeds).
   */
  async apply(ctx: Context, client: PoolClient, principal: Principal, events: JsonObject[], pointers: string[]): Promise<CustodyOutcome> {
    const outcome: CustodyOutcome = { refused: new Set(), problems: [], after: [] };
    const planned = events.map((event) => planOf(event));
    const named = await this.namingPacks(client, planned);
    const reporter = reporterOf(principal, 'EPCIS');
    for (let i = 0; i < events.length; i++) {
      const plan = planned[i];
      if (!plan || !named.has(i)) continue;
      const at = pointers[i]!;
      await client.query('savepoint epcis_custody');
      let problems: Problem[];
      try {
        problems = await this.applyOne(ctx, client, principal, events[i]!, plan, at, reporter, outcome.after);
      } catch (error) {
        const problem = error instanceof AppError || error instanceof EpcisError ? toProblem(error) : null;
        if (!problem) throw error;
        problems = [problem.instance ? problem : { ...problem, title: `${at.slice(1)}: ${problem.title}`, instance: at }];
      }
      if (problems.length) {
        await client.query('rollback to savepoint epcis_custody');
        outcome.refused.add(i);
        outcome.problems.push(...problems);
      } else {
        await client.query('release savepoint epcis_custody');
      }
    }
    return outcome;
  }

  /** The events (by index) of which one EPC names a registered pack. */
  private async namingPacks(client: PoolClient, planned: Array<Plan | null>): Promise<Set<number>> {
    const keys: Array<{ index: number; key: CodeKey }> = [];
    planned.forEach((plan, index) => {
      if (!plan) return;
      for (const code of codesOf(plan)) {
        const key = readCode(code);
        if (!isRejection(key)) keys.push({ index, key });
      }
    });
    if (keys.length === 0) return new Set();
    const found = await findPacks(client, keys.map(({ key }) => key));
    return new Set(keys.filter(({ key }) => found.has(key)).map(({ index }) => index));
  }

  private async applyOne(
    ctx: Context,
    client: PoolClient,
    principal: Principal,
    event: JsonObject,
    plan: Plan,
    at: string,
    reporter: Reporter,
    after: Array<() => Promise<void>>,
  ): Promise<Problem[]> {
    const actor = await this.actor(ctx, client, principal, event, at);
    const time = new Date(event.eventTime as string);
    const lines = this.movements.linesOf(plan.codes ?? [plan.kind === 'disaggregate' ? plan.parent : ''], { at: time });
    let rejected: Rejection[];
    if (plan.kind === 'move') {
      rejected = (await this.movements.moveIn(client, plan.movement, lines, actor, reporter)).rejected;
    } else if (plan.kind === 'ship') {
      const to = await this.destination(client, event, at);
      const sent = await this.shipments.send(client, principal, { kind: 'ship', to }, lines, actor, reporter);
      if (sent.notices.length) after.push(() => this.shipments.notifyByEmail(sent.notices));
      rejected = sent.outcome.rejected;
    } else if (plan.kind === 'aggregate') {
      rejected = (await this.aggregation.aggregateIn(client, plan.parent, lines, actor, reporter)).rejected;
    } else {
      rejected = (await this.aggregation.disaggregateIn(client, plan.parent, plan.codes ? lines : null, lines[0]!, actor, reporter)).rejected;
    }
    // Refusals name the EPC as the event gave it.
    const sent = new Map<string, string>();
    for (const epc of [...strings(event.epcList), ...strings(event.childEPCs), ...strings([event.parentID])]) sent.set(packCodeOf(epc) ?? epc, epc);
    return rejected.map(({ code, ...r }) => ({ ...r, code: sent.get(code) ?? code })).map((r) => ({
      ...problemOf('ValidationException', 400, `${at.slice(1)}: ${r.code} refused, ${r.reason}${r.rule ? ` (${r.rule})` : ''}: ${r.message}`, at),
      reason: r.reason,
      ...(r.rule ? { rule: r.rule } : {}),
      code: r.code,
    }));
  }

  /** The caller's facility where the event happened: its bizLocation, else its readPoint, else the organisation's first. */
  private async actor(ctx: Context, client: PoolClient, principal: Principal, event: JsonObject, at: string): Promise<FacilityRef> {
    for (const field of ['bizLocation', 'readPoint'] as const) {
      const place = event[field];
      if (!isObject(place) || typeof place.id !== 'string') continue;
      const gln = registryKeys(identifierKey(place.id)).gln;
      if (!gln) continue;
      const { rows } = await client.query('select id from facility where gln = $1 and organization_id = $2 order by created_at, id limit 1', [gln, principal.organizationId]);
      if (!rows[0]) {
        throw new EpcisError('ValidationException', 400, `${at.slice(1)}/${field}: GLN ${gln} is not one of your organisation's facilities`, [], `${at}/${field}`);
      }
      return this.movements.facilityRef(client, rows[0].id);
    }
    return this.movements.actingFacility(ctx, null);
  }

  /** Where a shipment goes: the facility whose GLN the destinationList names as a location. */
  private async destination(client: PoolClient, event: JsonObject, at: string): Promise<FacilityRef> {
    const entries = Array.isArray(event.destinationList) ? event.destinationList.filter(isObject) : [];
    const location = entries.find((entry) => typeof entry.type === 'string' && /(^|[-:])location$/.test(entry.type)) ?? entries[0];
    const gln = typeof location?.destination === 'string' ? registryKeys(identifierKey(location.destination)).gln : undefined;
    if (!gln) {
      throw new EpcisError('ValidationException', 400, `${at.slice(1)}: shipping needs a destinationList entry of type location naming the receiving facility's GLN`, [], `${at}/destinationList`);
    }
    const { rows } = await client.query('select id from facility where gln = $1 order by created_at, id limit 1', [gln]);
    if (!rows[0]) throw new EpcisError('ValidationException', 400, `${at.slice(1)}/destinationList: no facility has GLN ${gln}`, [], `${at}/destinationList`);
    return this.movements.facilityRef(client, rows[0].id);
  }
}
