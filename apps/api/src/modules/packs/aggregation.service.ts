import { hasValidCheckDigit } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { applyChange, recordEvent, type EventContext } from './apply.js';
import { isRejection, readCode } from './code-input.js';
import { checkCodeCount, resolveCodes, summarise, toEventContext, type MovementOptions, type Outcome } from './movements.service.js';
import { findContents, findPacks, type PackRow } from './pack-rows.js';
import type { BulkResult, PackLevelName, Rejection } from './pack.types.js';
import type { FacilityRef, Refusal } from './rules.js';

const DEPTH: Record<PackLevelName, number> = { UNIT: 0, CASE: 1, PALLET: 2 };

export class AggregationService {
  constructor(private readonly actingFacility: (ctx: Context, id?: string | null) => Promise<FacilityRef>) {}

  /** Puts children into a case or pallet; a new valid SSCC is registered at the caller's facility. */
  async aggregate(ctx: Context, parentCode: string, children: string[], options: MovementOptions = {}): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    checkCodeCount(children);
    const actor = await this.actingFacility(ctx, options.facilityId);
    const events = toEventContext(principal, options);
    return summarise(await inTransaction(ctx.pool, (client) => aggregateIn(client, parentCode, children, actor, events)));
  }

  /** Takes the named children (or, with none named, all of them) out of a case or pallet. */
  async disaggregate(ctx: Context, parentCode: string, children: string[] | null | undefined, options: MovementOptions = {}) {
    const principal = requirePrincipal(ctx);
    if (children) checkCodeCount(children);
    const actor = await this.actingFacility(ctx, options.facilityId);
    const events = toEventContext(principal, options);
    return summarise(await inTransaction(ctx.pool, (client) => disaggregateIn(client, parentCode, children ?? null, actor, events)));
  }
}

/** The parent, found or (a new SSCC) registered; or why it cannot take children. */
async function parentFor(client: PoolClient, code: string, childLevels: PackLevelName[], actor: FacilityRef, events: EventContext) {
  const key = readCode(code);
  if (isRejection(key)) return { refusal: { reason: key.reason, message: `parent: ${key.message}` } satisfies Refusal };
  const found = (await findPacks(client, [key])).get(key);
  if (found) {
    if (found.level === 'UNIT') return { refusal: { reason: 'WRONG_STATE', message: 'the parent is a unit; only cases and pallets hold packs' } satisfies Refusal };
    if (found.status === 'ISSUED' && found.registrantId === actor.organizationId) {
      await applyChange(client, [found], { status: 'ACTIVE', custodianId: actor.id, stampStatus: true }, actor);
      await recordEvent(client, { type: 'ACTIVATED', facilityId: actor.id, packs: [found] }, events);
      return { parent: { ...found, status: 'ACTIVE' as const, custodianId: actor.id } };
    }
    if (found.custodianId !== actor.id) return { refusal: { reason: 'NOT_IN_CUSTODY', message: `the parent is not held by ${actor.name}` } satisfies Refusal };
    if (found.status !== 'ACTIVE') return { refusal: { reason: 'WRONG_STATE', message: `the parent is ${found.status}, not ACTIVE` } satisfies Refusal };
    return { parent: found };
  }
  if (key.kind !== 'sscc' || !hasValidCheckDigit(key.sscc)) {
    return { refusal: { reason: 'NOT_FOUND', message: 'the parent is not registered; a new parent must be an SSCC (00)' } satisfies Refusal };
  }
  const level: PackLevelName = childLevels.some((level) => level !== 'UNIT') ? 'PALLET' : 'CASE';
  await client.query(
    `insert into pack (level, sscc, status, custodian_id, status_by_id, status_at) values ($1, $2, 'ACTIVE', $3, $3, now())`,
    [level, key.sscc, actor.id],
  );
  const parent = (await findPacks(client, [key])).get(key)!;
  return { parent };
}

async function aggregateIn(client: PoolClient, parentCode: string, children: string[], actor: FacilityRef, events: EventContext): Promise<Outcome> {
  const { named, contents, rejected } = await resolveCodes(client, children);
  const { parent, refusal } = await parentFor(client, parentCode, named.map(({ pack }) => pack.level), actor, events);
  if (!parent) {
    return { accepted: [], units: 0, rejected: [...rejected, ...named.map(({ key }) => ({ code: key.input, ...refusal! }))] };
  }
  const parentAncestors = await ancestorsOf(client, parent.id);
  const accepted: string[] = [];
  const moving: PackRow[] = [];
  for (const { key, pack } of named) {
    const why = childRefusal(pack, parent, parentAncestors, actor);
    if (why === 'duplicate') accepted.push(key.input);
    else if (why) rejected.push({ code: key.input, ...why });
    else {
      accepted.push(key.input);
      moving.push(pack);
    }
  }
  if (moving.length) {
    await applyChange(client, moving, { parentId: parent.id }, actor);
    const inside = moving.flatMap((pack) => contents.get(pack.id) ?? []);
    await recordEvent(client, { type: 'AGGREGATED', facilityId: actor.id, parentId: parent.id, packs: [...moving, ...inside] }, events);
  }
  const units = moving.reduce((sum, pack) => sum + unitsIn(pack, contents), 0);
  return { accepted, units, rejected };
}

function childRefusal(child: PackRow, parent: PackRow, parentAncestors: Set<string>, actor: FacilityRef): Refusal | 'duplicate' | null {
  if (child.parentId === parent.id) return 'duplicate';
  if (child.id === parent.id || parentAncestors.has(child.id)) {
    return { reason: 'WRONG_STATE', message: 'a pack cannot go inside itself or inside what it holds' };
  }
  if (DEPTH[child.level] >= DEPTH[parent.level]) {
    return { reason: 'WRONG_STATE', message: `a ${child.level.toLowerCase()} cannot go inside a ${parent.level.toLowerCase()}` };
  }
  if (child.custodianId !== actor.id) return { reason: 'NOT_IN_CUSTODY', message: `this pack is not held by ${actor.name}` };
  if (child.status !== 'ACTIVE') return { reason: 'WRONG_STATE', message: `this pack is ${child.status}, not ACTIVE` };
  if (child.parentId) return { reason: 'ALREADY_AGGREGATED', message: 'this pack is already inside another case or pallet' };
  return null;
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

const unitsIn = (pack: PackRow, contents: Map<string, PackRow[]>) =>
  (pack.level === 'UNIT' ? 1 : 0) + (contents.get(pack.id) ?? []).filter((row) => row.level === 'UNIT').length;

async function disaggregateIn(
  client: PoolClient,
  parentCode: string,
  children: string[] | null,
  actor: FacilityRef,
  events: EventContext,
): Promise<Outcome> {
  const key = readCode(parentCode);
  const parent = isRejection(key) ? undefined : (await findPacks(client, [key])).get(key);
  const named = children ? await resolveCodes(client, children) : null;
  const refuseAll = (refusal: Refusal): Outcome => ({
    accepted: [],
    units: 0,
    rejected: children ? children.map((code) => ({ code, ...refusal })) : [{ code: parentCode, ...refusal }],
  });
  if (isRejection(key)) return refuseAll({ reason: 'MALFORMED', message: `parent: ${key.message}` });
  if (!parent) return refuseAll({ reason: 'NOT_FOUND', message: 'the parent is not registered' });
  if (parent.custodianId !== actor.id) return refuseAll({ reason: 'NOT_IN_CUSTODY', message: `the parent is not held by ${actor.name}` });
  if (parent.status !== 'ACTIVE') return refuseAll({ reason: 'WRONG_STATE', message: `the parent is ${parent.status}, not ACTIVE` });

  const rejected: Rejection[] = named ? [...named.rejected] : [];
  const accepted: string[] = [];
  const leaving: PackRow[] = [];
  let contents: Map<string, PackRow[]>;
  if (named) {
    contents = named.contents;
    for (const { key: childKey, pack } of named.named) {
      if (pack.parentId !== parent.id) rejected.push({ code: childKey.input, reason: 'WRONG_STATE', message: 'this pack is not inside that parent' });
      else {
        accepted.push(childKey.input);
        leaving.push(pack);
      }
    }
  } else {
    const inside = (await findContents(client, [parent.id])).get(parent.id) ?? [];
    const direct = inside.filter((row) => row.parentId === parent.id);
    contents = await findContents(client, direct.filter((row) => row.level !== 'UNIT').map((row) => row.id));
    for (const row of direct) leaving.push(row);
    accepted.push(parentCode);
  }
  if (leaving.length) {
    await applyChange(client, leaving, { parentId: null }, actor);
    const inside = leaving.flatMap((pack) => contents.get(pack.id) ?? []);
    await recordEvent(client, { type: 'DISAGGREGATED', facilityId: actor.id, parentId: parent.id, packs: [...leaving, ...inside] }, events);
  }
  return { accepted, units: leaving.reduce((sum, pack) => sum + unitsIn(pack, contents), 0), rejected };
}
