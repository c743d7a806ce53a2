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
  const gains = entries.filter((e) => e.value > 0);
  const losses = entries.filter((e) => e.value < 0);
  if (gains.length) {
    await client.query(
      `insert into stock (facility_id, batch_id, units) select * from unnest($1::uuid[], $2::bigint[], $3::int[])
       on conflict (facility_id, batch_id) do update set units = stock.units + excluded.units`,
      [gains.map((e) => e.key[0]), gains.map((e) => e.key[1]), gains.map((e) => e.value)],
    );
  }
  if (losses.length) {
    await client.query(
      `update stock s set units = s.units + t.delta from unnest($1::uuid[], $2::bigint[], $3::int[]) as t(facility_id, batch_id, delta)
        where s.facility_id = t.facility_id and s.batch_id = t.batch_id`,
      [losses.map((e) => e.key[0]), losses.map((e) => e.key[1]), losses.map((e) => e.value)],
    );
  }
}

/** Goods out (ship, return) to the counterparty, or in (receive) from each unit's sender. */
async function flow(client: PoolClient, units: PackRow[], direction: NonNullable<Change['flow']>, actor: FacilityRef) {
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
    await client.query(
      `insert into consumption (product_id, province, regency, day, units) values ($1, $2, $3, $4, greatest($5, 0))
       on conflict (product_id, province, regency, day) do update set units = consumption.units + $5`,
      [productId, ...region, day, value],
    );
  }
}
