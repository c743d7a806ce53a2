import { hasValidCheckDigit } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { effectOf } from '../lifecycle/effects.js';
import { checkMovement, type FacilityRef, type Situation } from '../lifecycle/guards.js';
import { Filling, checkChild, checkLeaving, checkParent } from '../lifecycle/packing.js';
import { refuse, type Refusal } from '../lifecycle/refusals.js';
import { applyChange, recordEvents, type Reporter } from './apply.js';
import { isRejection, readCode } from './code-input.js';
import { checkCodeCount, inInputOrder, reporterOf, summarise, type MovementOptions, type MovementService, type Tally } from './movements.service.js';
import { findContents, findPacks, type PackRow } from './pack-rows.js';
import type { BulkResult, PackLevelName } from './pack.types.js';
import { refusedLine, resolveCodes, type Line, type Refused } from './resolve.js';

/** Cases and pallets: packs go in and come out, by the rules of `lifecycle/packing.ts`. */
export class AggregationService {
  constructor(private readonly movements: MovementService) {}

  /** Puts children into a case or pallet; a new valid SSCC is registered at the caller's facility. */
  async aggregate(ctx: Context, parentCode: string, children: string[], options: MovementOptions = {}): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    checkCodeCount(children);
    const actor = await this.movements.actingFacility(ctx, options.facilityId);
    const lines = this.movements.linesOf(children, options);
    const reporter = reporterOf(principal, options.source);
    return summarise(await inTransaction(ctx.pool, (client) => this.aggregateIn(client, parentCode, lines, actor, reporter)));
  }

  /** Takes the named children (or, with none named, all of them) out of a case or pallet. */
  async disaggregate(ctx: Context, parentCode: string, children: string[] | null | undefined, options: MovementOptions = {}) {
    const principal = requirePrincipal(ctx);
    if (children) checkCodeCount(children);
    const actor = await this.movements.actingFacility(ctx, options.facilityId);
    const lines = this.movements.linesOf(children ?? [parentCode], options);
    const reporter = reporterOf(principal, options.source);
    return summarise(await inTransaction(ctx.pool, (client) => this.disaggregateIn(client, parentCode, children ? lines : null, lines[0]!, actor, reporter)));
  }

  private situation(actor: FacilityRef, at: Date | null): Situation {
    return { actor, today: this.movements.clock.today(), now: this.movements.clock.now(), at };
  }

  /** The parent, found or (a new SSCC) registered, and activated if it is the caller's own and still ISSUED. */
  private async parentFor(client: PoolClient, code: string, childLevels: PackLevelName[], line: Line, actor: FacilityRef, reporter: Reporter) {
    const key = readCode(code);
    if (isRejection(key)) return { refusal: { ...key, message: `parent: ${key.message}` } };
    const at = line.at ?? this.movements.clock.now();
    const found = (await findPacks(client, [key])).get(key);
    if (!found) {
      if (key.kind !== 'sscc' || !hasValidCheckDigit(key.sscc)) {
        return { refusal: refuse('UNKNOWN_CODE', 'the parent is not registered; a new parent must be an SSCC (00)') };
      }
      const level: PackLevelName = childLevels.some((level) => level !== 'UNIT') ? 'PALLET' : 'CASE';
      await client.query(
        `insert into pack (level, sscc, status, custodian_id, status_by_id, status_at, last_event_at) values ($1, $2, 'ACTIVE', $3, $3, $4, $4)`,
        [level, key.sscc, actor.id, at],
      );
      return { parent: (await findPacks(client, [key])).get(key)! };
    }
    if (found.status === 'ISSUED' && found.level !== 'UNIT') {
      const refusal = checkMovement({ kind: 'activate' }, found, [], this.situation(actor, line.at));
      if (refusal) return { refusal: { ...refusal, message: `parent: ${refusal.message}` } };
      const activation = effectOf({ kind: 'activate' }, actor);
      await applyChange(client, [{ at, rows: [found] }], activation.change, actor, this.movements.clock);
      await recordEvents(client, [{ type: activation.event, facilityId: actor.id, at, latitude: line.latitude, longitude: line.longitude, packs: [found] }], reporter);
      return { parent: { ...found, status: 'ACTIVE' as const, custodianId: actor.id, lastEventAt: at } };
    }
    return { parent: found };
  }

  async aggregateIn(client: PoolClient, parentCode: string, lines: Line[], actor: FacilityRef, reporter: Reporter): Promise<Tally> {
    const { named, contents, refused } = await resolveCodes(client, lines);
    const found = await this.parentFor(client, parentCode, named.map(({ pack }) => pack.level), lines[0]!, actor, reporter);
    const situation = this.situation(actor, lines[0]!.at);
    const parentRefusal = found.refusal ?? checkParent('aggregate', found.parent!, situation);
    if (parentRefusal) {
      const all = [...refused, ...named.map(({ line, pack }) => refusedLine(line, parentRefusal, pack))];
      return { accepted: [], units: 0, rejected: inInputOrder(all.map((r) => r.rejection), lines) };
    }
    const parent = found.parent!;
    const [ancestors, held] = await Promise.all([ancestorsOf(client, parent.id), childCount(client, parent.id)]);
    const filling = new Filling(parent, held);
    const accepted: Line[] = [];
    const moving: PackRow[] = [];
    for (const { line, pack } of named) {
      const inside = contents.get(pack.id) ?? [];
      const why = checkChild(pack, inside, parent, ancestors, { ...situation, at: line.at }) ?? filling.take();
      if (why === 'duplicate') accepted.push(line);
      else if (why) refused.push(refusedLine(line, why, pack));
      else {
        accepted.push(line);
        moving.push(pack);
      }
    }
    if (moving.length) await this.pack(client, 'AGGREGATED', parent, moving, contents, lines[0]!, actor, reporter);
    return { accepted, units: moving.reduce((sum, pack) => sum + unitsIn(pack, contents), 0), rejected: inInputOrder(refused.map((r) => r.rejection), lines) };
  }

  async disaggregateIn(client: PoolClient, parentCode: string, lines: Line[] | null, first: Line, actor: FacilityRef, reporter: Reporter): Promise<Tally> {
    const key = readCode(parentCode);
    const parent = isRejection(key) ? undefined : (await findPacks(client, [key])).get(key);
    const refusal: Refusal | null = isRejection(key)
      ? { ...key, message: `parent: ${key.message}` }
      : !parent
        ? refuse('UNKNOWN_CODE', 'the parent is not registered')
        : checkParent('disaggregate', parent, this.situation(actor, first.at));
    if (refusal) {
      return { accepted: [], units: 0, rejected: (lines ?? [{ ...first, code: parentCode }]).map((line) => refusedLine(line, refusal).rejection) };
    }
    const refused: Refused[] = [];
    const accepted: Line[] = [];
    const leaving: PackRow[] = [];
    let contents: Map<string, PackRow[]>;
    if (lines) {
      const named = await resolveCodes(client, lines);
      contents = named.contents;
      refused.push(...named.refused);
      for (const { line, pack } of named.named) {
        const why = checkLeaving(pack, parent!);
        if (why) refused.push(refusedLine(line, why, pack));
        else {
          accepted.push(line);
          leaving.push(pack);
        }
      }
    } else {
      const direct = (await findContents(client, [parent!.id])).get(parent!.id)!.filter((row) => row.parentId === parent!.id);
      contents = await findContents(client, direct.filter((row) => row.level !== 'UNIT').map((row) => row.id));
      leaving.push(...direct);
      accepted.push({ ...first, code: parentCode });
    }
    if (leaving.length) await this.pack(client, 'DISAGGREGATED', parent!, leaving, contents, first, actor, reporter);
    return {
      accepted,
      units: leaving.reduce((sum, pack) => sum + unitsIn(pack, contents), 0),
      rejected: inInputOrder(refused.map((r) => r.rejection), lines ?? []),
    };
  }

  /** Moves packs into (or out of) a parent, with one event for them and everything they hold. */
  private async pack(
    client: PoolClient,
    type: 'AGGREGATED' | 'DISAGGREGATED',
    parent: PackRow,
    packs: PackRow[],
    contents: Map<string, PackRow[]>,
    line: Line,
    actor: FacilityRef,
    reporter: Reporter,
  ) {
    const at = line.at ?? this.movements.clock.now();
    await applyChange(client, [{ at, rows: packs }], { parentId: type === 'AGGREGATED' ? parent.id : null }, actor, this.movements.clock);
    const inside = packs.flatMap((pack) => contents.get(pack.id) ?? []);
    await recordEvents(
      client,
      [{ type, facilityId: actor.id, parentId: parent.id, at, latitude: line.latitude, longitude: line.longitude, packs: [...packs, ...inside] }],
      reporter,
    );
  }
}

async function ancestorsOf(client: PoolClient, id: string): Promise<Set<string>> {
  const { rows } = await client.query(
    `with recursive up(id, parent_id) as (
       select id, parent_id from pack where id = $1
       union all select p.id, p.parent_id from pack p join up on p.id = up.parent_id
     ) select id::text from up`,
    [id],
  );
  return new Set(rows.map((row) => row.id as string));
}

async function childCount(client: PoolClient, id: string): Promise<number> {
  const { rows } = await client.query('select count(*)::int as n from pack where parent_id = $1', [id]);
  return rows[0].n;
}

const unitsIn = (pack: PackRow, contents: Map<string, PackRow[]>) =>
  (pack.level === 'UNIT' ? 1 : 0) + (contents.get(pack.id) ?? []).filter((row) => row.level === 'UNIT').length;
