import type { PoolClient } from 'pg';
import type { Clock } from '../lifecycle/clock.js';
import { effectOf } from '../lifecycle/effects.js';
import type { FacilityRef } from '../lifecycle/guards.js';
import { MILESTONES } from '../lifecycle/stages.js';
import { expiredSql } from '../lifecycle/states.js';
import { reserveEvents, writeEvents, type EventRecord, type Reporter } from './apply.js';
import { isRejection, readCode, type CodeKey } from './code-input.js';
import { productsOf } from './pack-rows.js';
import { dataMismatch, type Line } from './resolve.js';
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
 * by guarded statements, without reading the packs into the API first: each updates the packs
 * of a chunk of lines, writes their `event_pack` rows and answers them by event, group and batch,
 * so that no pack id travels to the API and back. What it sets is what `applyChange` sets for
 * activation's effect (`effectOf`). The guards are the lifecycle rules of `checkMovement` for
 * activation, written in SQL, and stricter where that is simpler (a pack in a case, or without a
 * batch, is left alone): every line the statements leave alone goes on to the general path,
 * which reads its pack and accepts it or names its refusal.
 * `activate-in-place.int.test.ts` holds the guards to the rules.
 *
 * `lines` are read a chunk at a time, the next chunk while the database runs the statement of
 * the one before: a file's rows are read into lines as they are asked for (csv.service.ts).
 *
 * A pack changed by another transaction while the statement runs is checked again as it now is,
 * and left to the general path, which reads it again and refuses it: activated twice at once,
 * each pack is activated once.
 */
export async function activateInPlace(
  client: PoolClient,
  lines: Iterable<Line>,
  actor: FacilityRef,
  reporter: Reporter,
  clock: Clock,
  { chunk = IN_PLACE_CHUNK }: { chunk?: number } = {},
): Promise<InPlace> {
  const run = new InPlaceRun(client, actor, clock);
  const source = lines[Symbol.iterator]();
  let units = await run.read(source, chunk);
  while (units) {
    const sent = await run.send(units);
    // The next chunk is read while the database runs this one's statement.
    let next: Unit[] | null;
    try {
      next = await run.read(source, chunk);
    } catch (error) {
      await sent?.answer.catch(() => undefined);
      throw error;
    }
    if (sent) run.absorb(await sent.answer);
    units = next;
  }
  return run.finish(reporter);
}

/** Lines sent to the database in one statement. */
export const IN_PLACE_CHUNK = 10_000;
/** Lines read between two turns of the event loop, so that the statement running meanwhile is sent and answered. */
const READ_SLICE = 1_000;
/** At most this many groups go in place; the lines of a call reporting more times than that are read. */
const MAX_GROUPS = 64;
/** Batch ids stay below 2^40 (a trillion batches); the group goes above them. */
const PAIR_SHIFT = 40n;

type UnitKey = Extract<CodeKey, { kind: 'unit' }>;
type Unit = { line: Line; key: UnitKey };
/** A line that may go in place; `sent` once it has, and `batch`, its pack's batch, once the statement activated it. */
type Candidate = Unit & { productId: string; sent: boolean; batch?: string };
type Answer = { g: number; e: number; batch: string; n: number; packs: string; lines: string };

/** One activation in place, chunk by chunk: what was sent, and what the statements answered. */
class InPlaceRun {
  /** Every line read, in order. */
  private readonly all: Line[] = [];
  private readonly rest: Line[] = [];
  private readonly candidates: Candidate[] = [];
  /** Each product's serials that may go in place; null once a serial's lines are left to the general path. */
  private readonly named = new Map<string, Map<string, Candidate | null>>();
  private readonly groups: Group[] = [];
  /** Each allowed (group, batch) pair as one number (see `allow`). */
  private readonly pairs: string[] = [];
  /** The printed batch and expiry of each allowed batch. */
  private readonly batches = new Map<string, { lot: string; expiry: string }>();
  private readonly events: Array<Omit<EventRecord, 'packs'>> = [];
  private readonly eventAt = new Map<string, number>();
  private readonly eventIds: string[] = [];
  /** When the events are recorded: when their first ids were taken. */
  private recordedAt: Date | null = null;
  private readonly packsOf: string[][] = [];
  private readonly moved: Array<{ at: Date; rows: SummaryRow[] }> = [];
  private activated = 0;
  /** The candidates of the statement running. */
  private sending: Candidate[] = [];
  private readonly now: Date;

  constructor(
    private readonly client: PoolClient,
    private readonly actor: FacilityRef,
    private readonly clock: Clock,
  ) {
    this.now = clock.now();
  }

  /** Up to `chunk` more lines, their unit codes read; null when there are no more. */
  async read(source: Iterator<Line>, chunk: number): Promise<Unit[] | null> {
    const units: Unit[] = [];
    let taken = 0;
    while (taken < chunk) {
      const next = source.next();
      if (next.done) break;
      const line = next.value;
      this.all.push(line);
      const key = line.packId ? null : (line.key ?? readCode(line.code));
      if (key && !isRejection(key) && key.kind === 'unit') units.push({ line, key });
      else this.rest.push(line);
      if (++taken % READ_SLICE === 0 && taken < chunk) await new Promise(setImmediate);
    }
    return taken ? units : null;
  }

  /** Sends the units' statement, once their products, batches and events are known; null when none can go in place. */
  async send(units: Unit[]): Promise<{ answer: Promise<Answer[]> } | null> {
    const productOf = await productsOf(this.client, units.map(({ key }) => key));
    const fresh = this.candidatesOf(units, productOf);

    // The lines share a few groups (product, printed batch and expiry, reported time): each is
    // sent to the database once. Each place and time is an event of its own, as in the general
    // path.
    const { groups, events } = this;
    const known = groups.length;
    const serials: string[] = [];
    const groupOfLine: number[] = [];
    const eventOfLine: number[] = [];
    const sending: Candidate[] = [];
    let last: Group | undefined;
    let lastLine: Line | undefined;
    let event = -1;
    for (const candidate of fresh) {
      const { line, productId, key } = candidate;
      if (!last || !last.holds(productId, key, line)) {
        last = groups.find((g) => g.holds(productId, key, line));
        if (!last && groups.length === MAX_GROUPS) {
          // A call reporting that many times: the lines of further ones are read.
          this.rest.push(line);
          this.named.get(productId)!.set(key.serial, null);
          continue;
        }
        if (!last) groups.push((last = new Group(groups.length + 1, productId, key, line.at, line.at ?? this.now)));
      }
      if (!lastLine || lastLine.at !== line.at || lastLine.latitude !== line.latitude || lastLine.longitude !== line.longitude) {
        const at = line.at ?? this.now;
        const place = `${at.getTime()}|${line.latitude}|${line.longitude}`;
        event = this.eventAt.get(place) ?? -1;
        if (event < 0) {
          this.eventAt.set(place, (event = events.length));
          events.push({ type: 'ACTIVATED', facilityId: this.actor.id, at, latitude: line.latitude, longitude: line.longitude });
        }
      }
      lastLine = line;
      candidate.sent = true;
      sending.push(candidate);
      serials.push(key.serial);
      groupOfLine.push(last.n);
      eventOfLine.push(event + 1);
    }
    for (const candidate of sending) this.candidates.push(candidate);
    if (groups.length > known) await this.allow(groups.slice(known));
    if (serials.length === 0 || this.pairs.length === 0) return null;

    // The events' ids and their recording time are taken first: the statement writes each
    // activated pack's `event_pack` row itself. The events and their ledger entries follow the
    // last statement, on the chain taken after the packs, as every writer takes them.
    if (events.length > this.eventIds.length) {
      const slots = await reserveEvents(this.client, events.length - this.eventIds.length);
      for (const id of slots.ids) this.eventIds.push(id);
      this.recordedAt ??= slots.now;
    }
    this.sending = sending;
    const answer = this.client
      .query<Answer>(IN_PLACE_STATEMENT, [
        serials,
        groupOfLine,
        eventOfLine,
        this.actor.id,
        groups.map((g) => g.at),
        MILESTONES.activated,
        groups.map((g) => g.productId),
        this.pairs,
        // A pack's last event must not come after a reported time; with none reported, any will do.
        groups.map((g) => g.reported ?? 'infinity'),
        this.eventIds,
        this.recordedAt,
      ])
      .then(({ rows }) => rows);
    // Awaited once the next lines are read: a failure meanwhile is held for that, not unhandled.
    answer.catch(() => undefined);
    return { answer };
  }

  /**
   * The units that may go in place. Lines naming one pack go the general way, which counts the
   * first of them once and names the refusals, and so do codes of no known product. A code sent
   * in an earlier chunk again: the same text counts once; in another form, it is answered as
   * the general path answers a second form of a code it accepted (refused when its printed batch
   * or expiry differ, else counted once), or read with the first when the first was not accepted.
   */
  private candidatesOf(units: Unit[], productOf: (key: UnitKey) => string | undefined): Candidate[] {
    let fresh: Candidate[] = [];
    let twice = false;
    for (const { line, key } of units) {
      const productId = productOf(key);
      if (!productId) {
        this.rest.push(line);
        continue;
      }
      let serials = this.named.get(productId);
      if (!serials) this.named.set(productId, (serials = new Map()));
      const first = serials.get(key.serial);
      if (first === undefined) {
        const candidate: Candidate = { line, productId, key, sent: false };
        serials.set(key.serial, candidate);
        fresh.push(candidate);
      } else if (first === null) this.rest.push(line);
      else if (first.line.code === line.code) continue;
      else if (!first.sent) {
        this.rest.push(first.line, line);
        serials.set(key.serial, null);
        twice = true;
      } else if (first.batch === undefined || dataMismatch(key, this.batches.get(first.batch)!)) this.rest.push(line);
    }
    if (twice) fresh = fresh.filter((c) => this.named.get(c.productId)!.get(c.key.serial) === c);
    return fresh;
  }

  /**
   * The batches each new group's packs may be of: the caller's own product's, not recalled, not
   * expired, and the batch and expiry printed in the code, when it prints them. Each allowed
   * (group, batch) pair is kept as one number, so that the statement checks a pack against a
   * short list of numbers, with no relation the planner could drive the look-ups from.
   */
  private async allow(groups: Group[]) {
    const { rows } = await this.client.query<{ g: number; batch: string; lot: string; expiry: string }>(
      `select g.n::int as g, b.id::text as batch, b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry
         from unnest($1::int[], $2::uuid[], $3::text[], $4::text[]) as g(n, product_id, lot, expiry)
         join batch b on b.product_id = g.product_id
         join product pr on pr.id = b.product_id
        where (pr.registrant_id is null or pr.registrant_id = $5::uuid) and b.recalled_at is null and not ${expiredSql('b', '$6')}
          and (g.lot is null or g.lot = b.lot) and (g.expiry is null or g.expiry = to_char(b.expiry, 'YYYY-MM-DD'))`,
      [groups.map((g) => g.n), groups.map((g) => g.productId), groups.map((g) => g.lot), groups.map((g) => g.expiry), this.actor.organizationId, this.clock.today()],
    );
    for (const { g, batch, lot, expiry } of rows) {
      if (BigInt(batch) >= 1n << PAIR_SHIFT) continue;
      this.pairs.push(((BigInt(g) << PAIR_SHIFT) + BigInt(batch)).toString());
      this.batches.set(batch, { lot, expiry });
    }
  }

  /** Takes in a statement's answer: each row is the packs of one event, group and batch, alike for the summaries. */
  absorb(rows: Answer[]) {
    for (const { g, e, batch, n, packs, lines } of rows) {
      for (const i of lines.split(',')) this.sending[Number(i) - 1]!.batch = batch;
      const ids = (this.packsOf[e - 1] ??= []);
      for (const id of packs.split(',')) ids.push(id);
      const group = this.groups[g - 1]!;
      (this.moved[g - 1] ??= { at: group.at, rows: [] }).rows.push({
        level: 'UNIT', status: 'ISSUED', batchId: batch, productId: group.productId, custodianId: null, milestones: 0, statusAt: null, count: n,
      });
      this.activated += n;
    }
    this.sending = [];
  }

  /** Writes the events and their ledger entries, counts the summaries, and answers the lines. */
  async finish(reporter: Reporter): Promise<InPlace> {
    const written = this.events.flatMap((event, k) => {
      const packIds = this.packsOf[k];
      return packIds?.length ? [{ ...event, id: this.eventIds[k]!, packIds, units: packIds.length }] : [];
    });
    if (written.length) await writeEvents(this.client, written, reporter, { packsWritten: this.recordedAt });
    await updateSummaries(this.client, this.moved.filter(Boolean), effectOf({ kind: 'activate' }, this.actor).change, this.actor, this.clock);
    const accepted: Line[] = [];
    // The candidates keep the order of the lines.
    for (const { line, batch } of this.candidates) (batch === undefined ? this.rest : accepted).push(line);
    return { accepted, units: this.activated, rest: inOrder(this.rest, this.all) };
  }
}

/**
 * One update of the chunk's packs, driven from the lines: each line's pack is found by its key
 * and updated where the rules allow. The rules are one condition with the line's group in it, so
 * that nothing is left to estimate on `pack` alone: a statistic of `pack` (stale right after a
 * large issue, when it says no pack is ISSUED) would otherwise lead the planner to read `pack`
 * first and compare each of its rows with every line. A pack changed meanwhile by another
 * transaction is checked again as it now is, and left alone when no longer ISSUED.
 */
export const IN_PLACE_STATEMENT = `with t as (select * from unnest($1::text[], $2::int[], $3::int[]) with ordinality as t(serial, g, e, i)),
     moved as (
       update pack p
          set status = 'ACTIVE', custodian_id = $4::uuid, status_by_id = $4::uuid, status_at = ($5::timestamptz[])[t.g],
              last_event_at = greatest(p.last_event_at, ($5::timestamptz[])[t.g]), milestones = p.milestones | $6::smallint
         from t
        where p.product_id = ($7::uuid[])[t.g] and p.serial = t.serial
          and case when p.level = 'UNIT' and p.status = 'ISSUED' and p.parent_id is null and p.milestones & $6::smallint = 0
                   then (t.g::bigint << ${PAIR_SHIFT}) + p.batch_id end = any($8::bigint[])
          and (p.last_event_at is null or p.last_event_at <= ($9::timestamptz[])[t.g])
       returning t.i, t.g, t.e, p.id, p.batch_id
     ),
     linked as (
       -- in id order, so that the key's index is appended to rather than written all over
       insert into event_pack (pack_id, event_id, recorded_at) select m.id, ($10::bigint[])[m.e], $11::timestamptz from moved m order by m.id
     )
     select m.g, m.e, m.batch_id::text as batch, count(*)::int as n,
            string_agg(m.id::text, ',' order by m.id) as packs, string_agg(m.i::text, ',') as lines
       from moved m group by m.g, m.e, m.batch_id`;


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
