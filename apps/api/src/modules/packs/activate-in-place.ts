import type { PoolClient } from 'pg';
import type { Clock } from '../lifecycle/clock.js';
import { effectOf } from '../lifecycle/effects.js';
import type { FacilityRef } from '../lifecycle/guards.js';
import { MILESTONES } from '../lifecycle/stages.js';
import { expiredSql } from '../lifecycle/states.js';
import { reserveEvents, writeEvents, type EventRecord, type Reporter } from './apply.js';
import { isRejection, readCode, type CodeKey } from './code-input.js';
import { productsOf } from './pack-rows.js';
import type { Line } from './resolve.js';
import { updateSummaries, type SummaryRow } from '../reports/summaries.js';

/** What activation in place did, and the lines it left to the general path. */
export interface InPlace {
  accepted: Line[];
  units: number;
  /** Lines the statement did not activate, in their order: read, checked and answered as any other movement. */
  rest: Line[];
}

/**
 * Activation done by the database. The common case of an activation call or file (unit codes of
 * loose, ISSUED packs of an unrecalled, unexpired batch of the caller's own product, with the
 * batch and expiry they were issued with, reported no earlier than their last event) is written
 * by one guarded statement, without reading the packs into the API first: it updates the packs,
 * writes their `event_pack` rows and answers them by event, group and batch, so that no pack id
 * travels to the API and back. What it sets is what `applyChange` sets for activation's effect
 * (`effectOf`). The guards are the lifecycle rules of `checkMovement` for activation, written in
 * SQL, and stricter where that is simpler (a pack in a case, or without a batch, is left alone):
 * every line the statement leaves alone goes on to the general path, which reads its pack and
 * accepts it or names its refusal.
 * `activate-in-place.int.test.ts` holds the guards to the rules.
 *
 * The guards are checked on the packs as the statement found them; a pack changed meanwhile by
 * another transaction is not updated (it is left to the general path, which reads it again and
 * refuses it): activated twice at once, each pack is activated once.
 */
export async function activateInPlace(client: PoolClient, lines: Line[], actor: FacilityRef, reporter: Reporter, clock: Clock): Promise<InPlace> {
  const rest: Line[] = [];
  const units: Array<{ line: Line; key: UnitKey }> = [];
  for (const line of lines) {
    const key = line.packId ? null : (line.key ?? readCode(line.code));
    if (key && !isRejection(key) && key.kind === 'unit') units.push({ line, key });
    else rest.push(line);
  }
  const productOf = await productsOf(client, units.map(({ key }) => key));

  // Lines naming one pack (the same code twice, or two forms of it) and codes of no known
  // product go the general way, which counts the first of them once and names the refusals.
  let single: Candidate[] = [];
  const named = new Map<string, Map<string, Candidate | null>>();
  let twice = false;
  for (const { line, key } of units) {
    const productId = productOf(key);
    if (!productId) {
      rest.push(line);
      continue;
    }
    let serials = named.get(productId);
    if (!serials) named.set(productId, (serials = new Map()));
    const first = serials.get(key.serial);
    if (first === undefined) {
      const candidate = { line, productId, key };
      serials.set(key.serial, candidate);
      single.push(candidate);
      continue;
    }
    if (first) rest.push(first.line);
    serials.set(key.serial, null);
    rest.push(line);
    twice = true;
  }
  if (twice) single = single.filter((c) => named.get(c.productId)!.get(c.key.serial) === c);

  // The lines share a few groups (product, printed batch and expiry, reported time): each is sent
  // to the database once. Each place and time is an event of its own, as in the general path.
  const now = clock.now();
  const groups: Group[] = [];
  const events: Array<Omit<EventRecord, 'packs'>> = [];
  const eventAt = new Map<string, number>();
  const serials: string[] = [];
  const groupOfLine: number[] = [];
  const eventOfLine: number[] = [];
  let last: Group | undefined;
  let lastLine: Line | undefined;
  let event = -1;
  for (const { line, productId, key } of single) {
    if (!last || !last.holds(productId, key, line)) {
      last = groups.find((g) => g.holds(productId, key, line));
      if (!last) {
        if (groups.length === MAX_GROUPS) return { accepted: [], units: 0, rest: lines };
        last = new Group(groups.length + 1, productId, key, line.at, line.at ?? now);
        groups.push(last);
      }
    }
    if (!lastLine || lastLine.at !== line.at || lastLine.latitude !== line.latitude || lastLine.longitude !== line.longitude) {
      const at = line.at ?? now;
      const place = `${at.getTime()}|${line.latitude}|${line.longitude}`;
      event = eventAt.get(place) ?? -1;
      if (event < 0) {
        eventAt.set(place, (event = events.length));
        events.push({ type: 'ACTIVATED', facilityId: actor.id, at, latitude: line.latitude, longitude: line.longitude });
      }
    }
    lastLine = line;
    serials.push(key.serial);
    groupOfLine.push(last.n);
    eventOfLine.push(event + 1);
  }
  if (serials.length === 0) return { accepted: [], units: 0, rest: inOrder(rest, lines) };

  // The batches each group's packs may be of: the caller's own product's, not recalled, not
  // expired, and the batch and expiry printed in the code, when it prints them.
  const { rows: allowed } = await client.query<{ g: number; batch: string }>(
    `select g.n::int as g, b.id::text as batch
       from unnest($1::uuid[], $2::text[], $3::text[]) with ordinality as g(product_id, lot, expiry, n)
       join batch b on b.product_id = g.product_id
       join product pr on pr.id = b.product_id
      where (pr.registrant_id is null or pr.registrant_id = $4::uuid) and b.recalled_at is null and not ${expiredSql('b', '$5')}
        and (g.lot is null or g.lot = b.lot) and (g.expiry is null or g.expiry = to_char(b.expiry, 'YYYY-MM-DD'))`,
    [groups.map((g) => g.productId), groups.map((g) => g.lot), groups.map((g) => g.expiry), actor.organizationId, clock.today()],
  );
  // Each allowed (group, batch) pair as one number, so that the statement checks a pack against
  // a short list of numbers, with no relation the planner could drive the look-ups from.
  const pairs = allowed.filter(({ batch }) => BigInt(batch) < 1n << PAIR_SHIFT).map(({ g, batch }) => ((BigInt(g) << PAIR_SHIFT) + BigInt(batch)).toString());

  if (pairs.length === 0) return { accepted: [], units: 0, rest: lines };

  // The events' ids and their recording time are taken first: the statement writes each
  // activated pack's `event_pack` row itself. The events and their ledger entries follow it, on
  // the chain taken after the packs, as every writer takes them.
  const slots = await reserveEvents(client, events.length);
  const { rows } = await client.query<{ g: number; e: number; batch: string; n: number; packs: string; lines: string }>(
    // The packs are found first, by a join with no condition on the pack but its key, so that
    // the look-ups are driven from the lines whatever the planner's statistics say; then
    // updated by their row address where the rules allow. A pack changed since it was found
    // has another version (`xmin`), checked again when the update waits for the change: it is
    // not updated, and the general path reads it again.
    `with t as (select * from unnest($1::text[], $2::int[], $3::int[]) with ordinality as t(serial, g, e, i)),
     found as materialized (
       select t.i, t.g, t.e, p.ctid as row, p.xmin as seen, p.batch_id, p.level, p.status, p.parent_id, p.milestones, p.last_event_at
         from t join pack p on p.product_id = ($7::uuid[])[t.g] and p.serial = t.serial
     ),
     moved as (
       update pack p
          set status = 'ACTIVE', custodian_id = $4::uuid, status_by_id = $4::uuid, status_at = ($5::timestamptz[])[f.g],
              last_event_at = greatest(p.last_event_at, ($5::timestamptz[])[f.g]), milestones = p.milestones | $6::smallint
         from found f
        where p.ctid = f.row and p.xmin = f.seen
          and f.level = 'UNIT' and f.status = 'ISSUED' and f.parent_id is null and f.milestones & $6::smallint = 0
          and (f.g::bigint << ${PAIR_SHIFT}) + f.batch_id = any($8::bigint[])
          and (f.last_event_at is null or f.last_event_at <= ($9::timestamptz[])[f.g])
       returning f.i, f.g, f.e, p.id, p.batch_id
     ),
     linked as (
       -- in id order, so that the key's index is appended to rather than written all over
       insert into event_pack (pack_id, event_id, recorded_at) select m.id, ($10::bigint[])[m.e], $11::timestamptz from moved m order by m.id
     )
     select m.g, m.e, m.batch_id::text as batch, count(*)::int as n,
            string_agg(m.id::text, ',' order by m.id) as packs, string_agg(m.i::text, ',') as lines
       from moved m group by m.g, m.e, m.batch_id`,
    [
      serials,
      groupOfLine,
      eventOfLine,
      actor.id,
      groups.map((g) => g.at),
      MILESTONES.activated,
      groups.map((g) => g.productId),
      pairs,
      // A pack's last event must not come after a reported time; with none reported, any will do.
      groups.map((g) => g.reported ?? 'infinity'),
      slots.ids,
      slots.now,
    ],
  );

  // Each answer row is the packs of one event, group and batch: what the summaries count of
  // them is the same for every unit.
  const done = new Uint8Array(single.length);
  const packsOf: string[][] = events.map(() => []);
  const moved = groups.map((g) => ({ at: g.at, rows: [] as SummaryRow[] }));
  let activated = 0;
  for (const { g, e, batch, n, packs, lines: accepting } of rows) {
    for (const i of accepting.split(',')) done[Number(i) - 1] = 1;
    const ids = packs.split(',');
    packsOf[e - 1] = packsOf[e - 1]!.length ? packsOf[e - 1]!.concat(ids) : ids;
    const group = groups[g - 1]!;
    moved[g - 1]!.rows.push({ level: 'UNIT', status: 'ISSUED', batchId: batch, productId: group.productId, custodianId: null, milestones: 0, statusAt: null, count: n });
    activated += n;
  }
  const written = events.flatMap((event, k) => (packsOf[k]!.length ? [{ ...event, id: slots.ids[k]!, packIds: packsOf[k]!, units: packsOf[k]!.length }] : []));
  if (written.length) await writeEvents(client, written, reporter, { packsWritten: slots.now });
  await updateSummaries(client, moved, effectOf({ kind: 'activate' }, actor).change, actor, clock);
  const accepted: Line[] = [];
  single.forEach(({ line }, i) => (done[i] ? accepted : rest).push(line));
  // `single` keeps the order of the lines.
  return { accepted, units: activated, rest: inOrder(rest, lines) };
}

/** At most this many groups go in place at once; a call reporting more times than that is read line by line. */
const MAX_GROUPS = 64;
/** Batch ids stay below 2^40 (a trillion batches); the group goes above them. */
const PAIR_SHIFT = 40n;

type UnitKey = Extract<CodeKey, { kind: 'unit' }>;
type Candidate = { line: Line; productId: string; key: UnitKey };

/** Lines of one product, printed with the same batch and expiry, reported at the same time. */
class Group {
  readonly lot: string | null;
  readonly expiry: string | null;

  constructor(
    readonly n: number,
    readonly productId: string,
    key: UnitKey,
    readonly reported: Date | null,
    readonly at: Date,
  ) {
    this.lot = key.lot;
    this.expiry = key.expiry;
  }

  holds(productId: string, key: UnitKey, line: Line): boolean {
    return (
      productId === this.productId &&
      key.lot === this.lot &&
      key.expiry === this.expiry &&
      (line.at?.getTime() ?? null) === (this.reported?.getTime() ?? null)
    );
  }
}

/** `some` of `lines`, in the order of `lines`. */
function inOrder(some: Line[], lines: Line[]): Line[] {
  if (some.length < 2) return some;
  const chosen = new Set(some);
  return lines.filter((line) => chosen.has(line));
}
