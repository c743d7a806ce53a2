import type { PoolClient } from 'pg';
import type { Clock } from '../lifecycle/clock.js';
import type { Change } from '../lifecycle/effects.js';
import type { FacilityRef } from '../lifecycle/guards.js';
import { MILESTONES, STATS_COLUMN } from '../lifecycle/stages.js';
import { isOnHand } from '../lifecycle/states.js';
import type { PackRow } from '../packs/pack-rows.js';

/**
 * Keeps the report tables current with a movement, in its own transaction. Units only; a day is
 * the calendar day of the movement's reported time in the reporting time zone. `rebuild.ts`
 * computes the same tables from the event log, and reconciliation compares the two.
 */

/** Adds up deltas by key; the key's parts are kept for the SQL arrays. */
class Tally<K extends unknown[]> {
  private readonly sums = new Map<string, { key: K; value: number }>();
  add(key: K, value: number) {
    const id = key.join('\u0000');
    const entry = this.sums.get(id) ?? { key, value: 0 };
    entry.value += value;
    this.sums.set(id, entry);
  }
  entries() {
    return [...this.sums.values()].filter((entry) => entry.value !== 0);
  }
}

/** What the summaries read of a pack as it was before the movement. */
export type SummaryRow = Pick<PackRow, 'level' | 'status' | 'batchId' | 'productId' | 'custodianId' | 'milestones' | 'statusAt'> & {
  /** How many units alike the row stands for; one when not given. */
  count?: number;
};

const countOf = (row: SummaryRow) => row.count ?? 1;

/** The units a movement changed, a group per time (and so per day). */
type Units = Array<{ day: string; rows: SummaryRow[] }>;

export async function updateSummaries(client: PoolClient, moved: Array<{ at: Date; rows: SummaryRow[] }>, change: Change, actor: FacilityRef, clock: Clock) {
  const dayOf = memoDay(clock);
  const units: Units = [];
  for (const { at, rows } of moved) {
    const counted = rows.filter((row) => row.level === 'UNIT' && row.batchId !== null);
    if (counted.length) units.push({ day: dayOf(at), rows: counted });
  }
  if (units.length === 0) return;
  await realisation(client, units, change, actor);
  await stock(client, units, change);
  if (change.flow) await flow(client, units, change.flow, actor, dayOf);
  await consumption(client, units, change, actor, dayOf);
}

/** A pallet's units share a handful of times: each day is worked out once. */
function memoDay(clock: Clock) {
  const days = new Map<number, string>();
  return (at: Date) => {
    const time = at.getTime();
    let day = days.get(time);
    if (day === undefined) days.set(time, (day = clock.dayOf(at)));
    return day;
  };
}

/** Distinct units reaching (or, on undo, leaving) each stage, per batch, and per day and province. */
async function realisation(client: PoolClient, units: Units, change: Change, actor: FacilityRef) {
  const tally = new Tally<[string, string, string]>();
  for (const { rows, day } of units) {
    for (const row of rows) {
      for (const m of change.reach ?? []) if (!(row.milestones & MILESTONES[m])) tally.add([row.batchId!, STATS_COLUMN[m], day], countOf(row));
      for (const m of change.unreach ?? []) if (row.milestones & MILESTONES[m]) tally.add([row.batchId!, STATS_COLUMN[m], day], -countOf(row));
    }
  }
  for (const { key: [batchId, column, day], value } of tally.entries()) {
    await addRealisation(client, batchId, column, value, day, actor.province ?? '');
  }
}

/** Adds `delta` to a realisation column of a batch: its total, and the day's in the province. */
export async function addRealisation(client: PoolClient, batchId: string, column: string, delta: number, day: string, province: string) {
  await client.query(
    `with total as (
       insert into batch_stats (batch_id, ${column}) values ($1, $2)
       on conflict (batch_id) do update set ${column} = batch_stats.${column} + excluded.${column}
     )
     insert into realisation_daily (batch_id, day, province, ${column}) values ($1, $3, $4, $2)
     on conflict (batch_id, day, province) do update set ${column} = realisation_daily.${column} + excluded.${column}`,
    [batchId, delta, day, province],
  );
}

/** Stock on hand (lifecycle's `isOnHand`) per facility and batch, and per product and regency. */
async function stock(client: PoolClient, units: Units, change: Change) {
  const tally = new Tally<[string, string]>();
  for (const row of units.flatMap((group) => group.rows)) {
    const custodianId = change.custodianId !== undefined ? change.custodianId : row.custodianId;
    const before = isOnHand(row) ? row.custodianId : null;
    const after = isOnHand({ status: change.status ?? row.status, custodianId }) ? custodianId : null;
    if (before === after) continue;
    if (before) tally.add([before, row.batchId!], -countOf(row));
    if (after) tally.add([after, row.batchId!], countOf(row));
  }
  const entries = tally.entries();
  if (entries.length === 0) return;
  await addUp(client, 'stock', ['facility_id', 'batch_id'], ['uuid', 'bigint'], entries);
  const facilityIds = [...new Set(entries.map((e) => e.key[0]))];
  const { rows } = await client.query(`select id, coalesce(province, '') as province, coalesce(regency, '') as regency from facility where id = any($1::uuid[])`, [facilityIds]);
  const region = new Map(rows.map((row) => [row.id as string, [row.province as string, row.regency as string]]));
  const productOf = new Map(units.flatMap(({ rows }) => rows.map((row) => [row.batchId!, row.productId!] as const)));
  const byRegion = new Tally<[string, string, string]>();
  for (const { key: [facilityId, batchId], value } of entries) {
    const [province, regency] = region.get(facilityId)!;
    byRegion.add([productOf.get(batchId)!, province!, regency!], value);
  }
  await addUp(client, 'stock_region', ['product_id', 'province', 'regency'], ['uuid', 'text', 'text'], byRegion.entries());
}

/** Adds signed `units` deltas to a counter table keyed by `columns`: gains upserted, losses subtracted. */
async function addUp(client: PoolClient, table: string, columns: string[], types: string[], entries: Array<{ key: unknown[]; value: number }>) {
  const arrays = (list: typeof entries) => [...columns.map((_, i) => list.map((e) => e.key[i])), list.map((e) => e.value)];
  const unnest = `unnest(${[...types, 'int'].map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) as t(${[...columns, 'delta'].join(', ')})`;
  const gains = entries.filter((e) => e.value > 0);
  const losses = entries.filter((e) => e.value < 0);
  if (gains.length) {
    await client.query(
      `insert into ${table} (${columns.join(', ')}, units) select * from ${unnest}
       on conflict (${columns.join(', ')}) do update set units = ${table}.units + excluded.units`,
      arrays(gains),
    );
  }
  if (losses.length) {
    await client.query(
      `update ${table} s set units = s.units + t.delta from ${unnest} where ${columns.map((c) => `s.${c} = t.${c}`).join(' and ')}`,
      arrays(losses),
    );
  }
}

/**
 * Goods out (ship, return) to the counterparty, or in (receive) from each unit's sender; and
 * what is on its way, by the day it was sent.
 */
async function flow(client: PoolClient, units: Units, direction: NonNullable<Change['flow']>, actor: FacilityRef, dayOf: (at: Date) => string) {
  const transit = new Tally<[string, string, string, string]>();
  for (const { rows, day } of units) {
    for (const row of rows) {
      if (direction.direction === 'out') transit.add([actor.id, direction.counterpartyId, row.batchId!, day], countOf(row));
      else if (row.custodianId && row.statusAt) transit.add([row.custodianId, actor.id, row.batchId!, dayOf(row.statusAt)], -countOf(row));
    }
  }
  await addUp(client, 'in_transit', ['from_id', 'to_id', 'batch_id', 'day'], ['uuid', 'uuid', 'bigint', 'date'], transit.entries());

  const tally = new Tally<[string, string, string]>();
  for (const { rows, day } of units) {
    for (const row of rows) {
      const counterparty = direction.direction === 'out' ? direction.counterpartyId : row.custodianId;
      if (counterparty) tally.add([counterparty, row.batchId!, day], countOf(row));
    }
  }
  const entries = tally.entries();
  if (entries.length === 0) return;
  const column = direction.direction === 'out' ? 'units_out' : 'units_in';
  await client.query(
    `insert into flow (facility_id, day, counterparty_id, batch_id, ${column})
     select $1, t.day, t.counterparty_id, t.batch_id, t.units from unnest($2::uuid[], $3::bigint[], $4::date[], $5::int[]) as t(counterparty_id, batch_id, day, units)
     on conflict (facility_id, day, counterparty_id, batch_id) do update set ${column} = flow.${column} + excluded.${column}`,
    [actor.id, entries.map((e) => e.key[0]), entries.map((e) => e.key[1]), entries.map((e) => e.key[2]), entries.map((e) => e.value)],
  );
}

/** Dispensed units per product, region and day; an undone dispense is taken back from its own day. */
async function consumption(client: PoolClient, units: Units, change: Change, actor: FacilityRef, dayOf: (at: Date) => string) {
  const tally = new Tally<[string, string]>();
  const reaches = change.reach?.includes('dispensed') ?? false;
  const unreaches = change.unreach?.includes('dispensed') ?? false;
  if (!reaches && !unreaches) return;
  for (const { rows, day } of units) {
    for (const row of rows) {
      const dispensedBefore = (row.milestones & MILESTONES.dispensed) !== 0;
      if (reaches && !dispensedBefore) tally.add([row.productId!, day], countOf(row));
      if (unreaches && dispensedBefore && row.statusAt) tally.add([row.productId!, dayOf(row.statusAt)], -countOf(row));
    }
  }
  const region = [actor.province ?? '', actor.regency ?? ''];
  for (const { key: [productId, day], value } of tally.entries()) {
    for (const [table, column, when] of [['consumption', 'day', day], ['consumption_monthly', 'month', `${day.slice(0, 7)}-01`]] as const) {
      await client.query(
        `insert into ${table} (product_id, province, regency, ${column}, units) values ($1, $2, $3, $4, greatest($5, 0))
         on conflict (product_id, province, regency, ${column}) do update set units = ${table}.units + $5`,
        [productId, ...region, when, value],
      );
    }
  }
}
