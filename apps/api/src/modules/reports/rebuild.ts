import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../../shared/db.js';
import { STAGE_EVENT_SQL, STATS_COLUMN, type Milestone } from '../lifecycle/stages.js';
import { inTransitSql, onHandSql } from '../lifecycle/states.js';
import { EVENT_OF_ROW } from '../../db/partitions.js';

/**
 * Every summary table the reports read, computed afresh from the event log (and, for what is
 * where now, from the packs): the oracle that `summaries.ts` keeps in step incrementally.
 * `reconcile` compares the two and names every difference; with `fix` it replaces the tables.
 * `$1` is the reporting time zone: a day is the calendar day of an event's reported time there.
 */

const day = (at: string) => `(${at} at time zone $1)::date`;
const STAGES = Object.keys(STATS_COLUMN) as Milestone[];
const STAGE_COLUMNS = ['issued', ...STAGES.map((stage) => STATS_COLUMN[stage])];

/** The unit rows each event touched, with the acting facility `f` and counterparty `c`. */
const UNIT_EVENTS = `
  event e join event_pack ep on ${EVENT_OF_ROW}
  join pack p on p.id = ep.pack_id and p.level = 'UNIT' and p.batch_id is not null
  join facility f on f.id = e.facility_id left join facility c on c.id = e.counterparty_id`;

/** A status change of a unit, with the status event before it (to tell which undo took back a dispense). */
const STATUS_EVENTS = `('ACTIVATED', 'SHIPPED', 'RECEIVED', 'RETURNED', 'DISPENSED', 'DECOMMISSIONED', 'UNDONE')`;

interface Summary {
  table: string;
  keys: string[];
  values: string[];
  /** The rows the table should hold, from the log. */
  expected: string;
}

const realisationDaily = `
  with issued as (
    select p.batch_id, ${day('cr.decided_at')} as day,
           coalesce((select min(fa.province) from facility fa where fa.organization_id = pr.registrant_id), '') as province,
           'issued' as stage, count(*)::int as units
      from pack p join code_request cr on cr.id = p.code_request_id join product pr on pr.id = p.product_id
     where p.level = 'UNIT' and p.batch_id is not null and cr.decided_at is not null
     group by 1, 2, 3
  ),
  -- A stage counts a unit once, on the day of the first event that reached it.
  reached as (
    select distinct on (ep.pack_id, s.stage) p.batch_id, ${day('e.at')} as day, coalesce(f.province, '') as province, s.stage
      from ${UNIT_EVENTS}
      cross join lateral (values ${STAGES.filter((s) => s !== 'dispensed')
        .map((s) => `('${STATS_COLUMN[s]}', ${STAGE_EVENT_SQL[s]('e', 'f', 'c')})`)
        .join(', ')}) as s(stage, hit)
     where s.hit
     order by ep.pack_id, s.stage, e.at, e.id
  ),
  -- Dispensed: each dispense counts, each undo of a dispense takes it back, on their own days.
  status_changes as (
    select p.batch_id, e.type, e.at, f.province,
           lag(e.type) over (partition by ep.pack_id order by e.at, e.id) as before
      from ${UNIT_EVENTS}
     where e.type in ${STATUS_EVENTS}
  ),
  dispensed as (
    select batch_id, ${day('at')} as day, coalesce(province, '') as province, 'dispensed' as stage,
           sum(case when type = 'DISPENSED' then 1 else -1 end)::int as units
      from status_changes
     where type = 'DISPENSED' or (type = 'UNDONE' and before = 'DISPENSED')
     group by 1, 2, 3
  ),
  every as (
    select * from issued
    union all select batch_id, day, province, stage, count(*)::int from reached group by 1, 2, 3, 4
    union all select * from dispensed
  )
  select batch_id, day, province, ${STAGE_COLUMNS.map((c) => `coalesce(sum(units) filter (where stage = '${c}'), 0)::int as ${c}`).join(', ')}
    from every group by 1, 2, 3`;

const stock = `select p.custodian_id as facility_id, p.batch_id, count(*)::int as units
  from pack p where p.level = 'UNIT' and p.batch_id is not null and ${onHandSql('p')} group by 1, 2`;

const SUMMARIES: Summary[] = [
  { table: 'realisation_daily', keys: ['batch_id', 'day', 'province'], values: STAGE_COLUMNS, expected: realisationDaily },
  {
    table: 'batch_stats',
    keys: ['batch_id'],
    values: STAGE_COLUMNS,
    expected: `select batch_id, ${STAGE_COLUMNS.map((c) => `sum(${c})::bigint as ${c}`).join(', ')} from want_realisation_daily group by 1`,
  },
  { table: 'stock', keys: ['facility_id', 'batch_id'], values: ['units'], expected: stock },
  {
    table: 'stock_region',
    keys: ['product_id', 'province', 'regency'],
    values: ['units'],
    expected: `select b.product_id, coalesce(f.province, '') as province, coalesce(f.regency, '') as regency, sum(s.units)::int as units
      from want_stock s join facility f on f.id = s.facility_id join batch b on b.id = s.batch_id group by 1, 2, 3`,
  },
  {
    table: 'flow',
    keys: ['facility_id', 'day', 'counterparty_id', 'batch_id'],
    values: ['units_out', 'units_in'],
    expected: `select e.facility_id, ${day('e.at')} as day, e.counterparty_id, p.batch_id,
        count(*) filter (where e.type in ('SHIPPED', 'RETURNED'))::int as units_out,
        count(*) filter (where e.type = 'RECEIVED')::int as units_in
      from ${UNIT_EVENTS}
     where e.type in ('SHIPPED', 'RETURNED', 'RECEIVED') and e.counterparty_id is not null
     group by 1, 2, 3, 4`,
  },
  {
    table: 'in_transit',
    keys: ['from_id', 'to_id', 'batch_id', 'day'],
    values: ['units'],
    expected: `select p.custodian_id as from_id, p.destination_id as to_id, p.batch_id, ${day('p.status_at')} as day, count(*)::int as units
      from pack p where p.level = 'UNIT' and p.batch_id is not null and ${inTransitSql('p')} group by 1, 2, 3, 4`,
  },
  {
    table: 'consumption',
    keys: ['product_id', 'province', 'regency', 'day'],
    values: ['units'],
    expected: `select p.product_id, coalesce(f.province, '') as province, coalesce(f.regency, '') as regency, ${day('p.status_at')} as day, count(*)::int as units
      from pack p join facility f on f.id = p.status_by_id
     where p.level = 'UNIT' and p.batch_id is not null and p.status = 'DISPENSED' group by 1, 2, 3, 4`,
  },
  {
    table: 'consumption_monthly',
    keys: ['product_id', 'province', 'regency', 'month'],
    values: ['units'],
    expected: `select product_id, province, regency, date_trunc('month', day)::date as month, sum(units)::int as units from want_consumption group by 1, 2, 3, 4`,
  },
];

export interface Difference {
  table: string;
  /** Rows whose counts differ (or exist on one side only), all of them. */
  rows: number;
  /** Up to ten of them: the key, what the table holds, what the log says. */
  samples: Array<{ key: Record<string, unknown>; stored: Record<string, number>; expected: Record<string, number> }>;
}

/** Computes every summary from the log into temporary tables, in the caller's transaction. */
async function computeExpected(client: PoolClient, timeZone: string) {
  for (const summary of SUMMARIES) {
    const usesZone = summary.expected.includes('$1');
    await client.query(`create temporary table want_${summary.table} on commit drop as ${summary.expected}`, usesZone ? [timeZone] : []);
  }
}

async function compare(client: PoolClient, summary: Summary): Promise<Difference | null> {
  const nonZero = (alias: string) => summary.values.map((v) => `coalesce(${alias}.${v}, 0) <> 0`).join(' or ');
  const differs = summary.values.map((v) => `coalesce(s.${v}, 0) <> coalesce(w.${v}, 0)`).join(' or ');
  const { rows } = await client.query(
    `select ${summary.keys.map((k) => `coalesce(s.${k}, w.${k})::text as "${k}"`).join(', ')},
            ${summary.values.map((v) => `coalesce(s.${v}, 0)::bigint as "stored_${v}", coalesce(w.${v}, 0)::bigint as "expected_${v}"`).join(', ')},
            count(*) over () as total
       from (select * from ${summary.table} s where ${nonZero('s')}) s
       full join (select * from want_${summary.table} w where ${nonZero('w')}) w using (${summary.keys.join(', ')})
      where ${differs}
      limit 10`,
  );
  if (rows.length === 0) return null;
  return {
    table: summary.table,
    rows: Number(rows[0].total),
    samples: rows.map((row) => ({
      key: Object.fromEntries(summary.keys.map((k) => [k, row[k]])),
      stored: Object.fromEntries(summary.values.map((v) => [v, Number(row[`stored_${v}`])])),
      expected: Object.fromEntries(summary.values.map((v) => [v, Number(row[`expected_${v}`])])),
    })),
  };
}

/**
 * Compares every summary table with what the event log says it should hold. With `fix`, the
 * tables are replaced by the log's figures in the same transaction. Returns the differences
 * found (before any fix).
 */
export async function reconcile(pool: Pool, timeZone: string, options: { fix?: boolean } = {}): Promise<Difference[]> {
  return inTransaction(pool, async (client) => {
    // Summaries and log must be read at one moment. A check reads one snapshot of both (the
    // movements write them in one transaction); a fix also keeps movements out until it is done.
    if (options.fix) await client.query(`lock table ${SUMMARIES.map((s) => s.table).join(', ')} in share row exclusive mode`);
    else await client.query('set transaction isolation level repeatable read');
    await client.query('set local enable_hashjoin = on; set local enable_mergejoin = on');
    await computeExpected(client, timeZone);
    const differences: Difference[] = [];
    for (const summary of SUMMARIES) {
      const difference = await compare(client, summary);
      if (difference) differences.push(difference);
    }
    if (options.fix) {
      for (const summary of SUMMARIES) {
        const columns = [...summary.keys, ...summary.values].join(', ');
        await client.query(`delete from ${summary.table}`);
        await client.query(`insert into ${summary.table} (${columns}) select ${columns} from want_${summary.table}`);
      }
    }
    return differences;
  });
}

/**
 * The summaries count days in one time zone. When the setting differs from the zone they were
 * built in (or they were never built in a known zone), they are rebuilt from the log once, here.
 */
export async function ensureSummaryTimeZone(pool: Pool, timeZone: string): Promise<boolean> {
  const { rows } = await pool.query(`select value from setting where name = 'report_time_zone'`);
  if (rows[0]?.value === timeZone) return false;
  await reconcile(pool, timeZone, { fix: true });
  await pool.query(
    `insert into setting (name, value) values ('report_time_zone', $1) on conflict (name) do update set value = excluded.value, updated_at = now()`,
    [timeZone],
  );
  return true;
}
