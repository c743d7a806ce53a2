import type { PoolClient } from 'pg';
import type { Change } from '../packs/apply.js';
import { MILESTONES, STATS_COLUMN } from '../packs/milestones.js';
import type { PackRow } from '../packs/pack-rows.js';
import type { FacilityRef } from '../packs/rules.js';

/** Adds up deltas by key; the key's parts are kept for the SQL arrays. */
class Tally<K extends unknown[]> {
  private readonly sums = new Map<string, { key: K; value: number }>();
  add(key: K, value: number) {
    const id = JSON.stringify(key);
    const entry = this.sums.get(id) ?? { key, value: 0 };
    entry.value += value;
    this.sums.set(id, entry);
  }
  entries() {
    return [...this.sums.values()].filter((entry) => entry.value !== 0);
  }
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Keeps the report tables current with a change to `rows`, in the caller's transaction:
 * realisation counters, stock on hand, goods in and out, and consumption. Units only.
 */
export async function updateSummaries(client: PoolClient, rows: PackRow[], change: Change, actor: FacilityRef) {
  const units = rows.filter((row) => row.level === 'UNIT' && row.batchId !== null);
  if (units.length === 0) return;
  await realisation(client, units, change, actor);
  await stock(client, units, change);
  if (change.flow) await flow(client, units, change.flow, actor);
  await consumption(client, units, change, actor);
}

/** Distinct units reaching (or, on undo, leaving) each stage, per batch, and per day and province. */
async function realisation(client: PoolClient, units: PackRow[], change: Change, actor: FacilityRef) {
  const tally = new Tally<[string, string]>();
  for (const row of units) {
    for (const m of change.reach ?? []) if (!(row.milestones & MILESTONES[m])) tally.add([row.batchId!, STATS_COLUMN[m]], 1);
    for (const m of change.unreach ?? []) if (row.milestones & MILESTONES[m]) tally.add([row.batchId!, STATS_COLUMN[m]], -1);
  }
  for (const { key: [batchId, column], value } of tally.entries()) {
    await addRealisation(client, batchId, column, value, actor.province ?? '');
  }
}

/** Adds `delta` to a realisation column of a batch: its total, and today's in the province. */
export async function addRealisation(client: PoolClient, batchId: string, column: string, delta: number, province: string) {
  await client.query(
    `insert into batch_stats (batch_id, ${column}) values ($1, $2)
     on conflict (batch_id) do update set ${column} = batch_stats.${column} + excluded.${column}`,
    [batchId, delta],
  );
  await client.query(
    `insert into realisation_daily (batch_id, day, province, ${column}) values ($1, current_date, $3, $2)
     on conflict (batch_id, day, province) do update set ${column} = realisation_daily.${column} + excluded.${column}`,
    [batchId, delta, province],
  );
}

/** On hand means ACTIVE at a facility: in transit, dispensed or decommissioned units are not. */
async function stock(client: PoolClient, units: PackRow[], change: Change) {
  const tally = new Tally<[string, string]>();
  for (const row of units) {
    const before = row.status === 'ACTIVE' ? row.custodianId : null;
    const status = change.status ?? row.status;
    const custodian = change.custodianId !== undefined ? change.custodianId : row.custodianId;
    const after = status === 'ACTIVE' ? custodian : null;
    if (before === after) continue;
    if (before) tally.add([before, row.batchId!], -1);
    if (after) tally.add([after, row.batchId!], 1);
  }
  const entries = tally.entries();
  if (entries.length === 0) return;
  await addUp(client, 'stock', ['facility_id', 'batch_id'], ['uuid', 'bigint'], entries);
  // The same change per product and regency, for national shortage warnings.
  const facilityIds = [...new Set(entries.map((e) => e.key[0]))];
  const { rows } = await client.query(`select id, coalesce(province, '') as province, coalesce(regency, '') as regency from facility where id = any($1::uuid[])`, [facilityIds]);
  const region = new Map(rows.map((row) => [row.id as string, [row.province as string, row.regency as string]]));
  const productOf = new Map(units.map((row) => [row.batchId!, row.productId!]));
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

/** Goods out (ship, return) to the counterparty, or in (receive) from each unit's sender; and what is on its way. */
async function flow(client: PoolClient, units: PackRow[], direction: NonNullable<Change['flow']>, actor: FacilityRef) {
  const transit = new Tally<[string, string, string, string]>();
  for (const row of units) {
    if (direction.direction === 'out') transit.add([actor.id, direction.counterpartyId, row.batchId!, utcDay(new Date())], 1);
    else if (row.custodianId && row.statusAt) transit.add([row.custodianId, actor.id, row.batchId!, utcDay(row.statusAt)], -1);
  }
  await addUp(client, 'in_transit', ['from_id', 'to_id', 'batch_id', 'day'], ['uuid', 'uuid', 'bigint', 'date'], transit.entries());

  const tally = new Tally<[string, string]>();
  for (const row of units) {
    const counterparty = direction.direction === 'out' ? direction.counterpartyId : row.custodianId;
    if (counterparty) tally.add([counterparty, row.batchId!], 1);
  }
  const entries = tally.entries();
  if (entries.length === 0) return;
  const column = direction.direction === 'out' ? 'units_out' : 'units_in';
  await client.query(
    `insert into flow (facility_id, day, counterparty_id, batch_id, ${column})
     select $1, current_date, t.counterparty_id, t.batch_id, t.units from unnest($2::uuid[], $3::bigint[], $4::int[]) as t(counterparty_id, batch_id, units)
     on conflict (facility_id, day, counterparty_id, batch_id) do update set ${column} = flow.${column} + excluded.${column}`,
    [actor.id, entries.map((e) => e.key[0]), entries.map((e) => e.key[1]), entries.map((e) => e.value)],
  );
}

/** Dispensed units per product, region and day; an undone dispense is taken back from its day. */
async function consumption(client: PoolClient, units: PackRow[], change: Change, actor: FacilityRef) {
  const tally = new Tally<[string, string]>();
  const today = utcDay(new Date());
  for (const row of units) {
    const dispensedBefore = (row.milestones & MILESTONES.dispensed) !== 0;
    if (change.reach?.includes('dispensed') && !dispensedBefore) tally.add([row.productId!, today], 1);
    if (change.unreach?.includes('dispensed') && dispensedBefore && row.statusAt) tally.add([row.productId!, utcDay(row.statusAt)], -1);
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
