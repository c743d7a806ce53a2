// Fills the database with packs (and their events) in bulk SQL, to see how the API fares
// when `pack` and `event_pack` are large. Only for the benchmark's own throw-away database.
import { fmtInt, fmtS, say } from './util.mjs';

const CHUNK = 500_000;
const EVENT_BLOCK = 50_000;

/** Adds packs until `pack` holds `target` rows; returns how many were added. */
export async function fillPacks(pool, target) {
  const client = await pool.connect();
  try {
    // A bulk load: skip the per-row foreign-key triggers (the rows are made consistent) and fsync waits.
    await client.query(`set session_replication_role = replica`);
    await client.query(`set synchronous_commit = off`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    const { rows: counted } = await client.query('select count(*)::bigint as n from pack');
    const need = target - Number(counted[0].n);
    if (need <= 0) {
      say(`   pack already holds ${fmtInt(Number(counted[0].n))} rows`);
      return 0;
    }
    const start = performance.now();
    const { rows: places } = await client.query(`
      select f.id, f.type, o.name as organization from facility f join organization o on o.id = f.organization_id
       where f.type <> 'REGULATOR' order by f.created_at, f.id`);
    const plant = places.find((f) => f.type === 'MANUFACTURER');
    const distributor = places.find((f) => f.type === 'DISTRIBUTOR');
    const pharmacies = places.filter((f) => f.type === 'PHARMACY').map((f) => f.id);
    const holders = places.map((f) => f.id);
    const { rows: org } = await client.query(`select organization_id as id from facility where id = $1`, [plant.id]);

    // Products, each with one batch and one issued request, holding a contiguous share of the packs.
    const productCount = Math.max(1, Math.min(50, Math.ceil(need / 200_000)));
    await client.query(`drop table if exists bench_fill_product`);
    await client.query(`create temp table bench_fill_product (k int primary key, product_id uuid, batch_id bigint, request_id uuid)`);
    const tag = Date.now().toString(36).toUpperCase().slice(-5);
    for (let k = 0; k < productCount; k++) {
      const share = Math.floor(((k + 1) * need) / productCount) - Math.floor((k * need) / productCount);
      await client.query(
        `with pr as (
           insert into product (id, nie, name, registrant_id, form, packaging)
           values (gen_random_uuid(), $1, $2, $3, 'Tablet', 'Dus') returning id
         ), b as (
           insert into batch (product_id, lot, expiry) select id, $4, date '2029-12-31' from pr returning id, product_id
         ), cr as (
           insert into code_request (id, organization_id, product_id, batch_id, kind, status, quantity, created_at, decided_at)
           select gen_random_uuid(), $3, b.product_id, b.id, 'REQUEST', 'ISSUED', $5, now() - interval '90 days', now() - interval '90 days' from b
           returning id, product_id, batch_id
         )
         insert into bench_fill_product (k, product_id, batch_id, request_id) select $6, product_id, batch_id, id from cr`,
        [`BLK${tag}${String(k).padStart(7, '0')}`, `Produk massal ${k + 1}`, org[0].id, `M${tag}${k}`, share, k],
      );
    }

    // Secondary indexes that guard nothing are dropped for the load and built again after it
    // (the primary key and the unique indexes stay: the serials must stay unique).
    const { rows: dropped } = await client.query(`
      select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
        from pg_index x join pg_class i on i.oid = x.indexrelid
       where x.indrelid = 'pack'::regclass and not x.indisunique and not x.indisprimary`);
    for (const index of dropped) await client.query(`drop index ${index.name}`);

    const { rows: first } = await client.query(`select coalesce(max(id), 0)::bigint as id from pack`);
    const firstId = Number(first[0].id) + 1;
    for (let lo = 0; lo < need; lo += CHUNK) {
      const hi = Math.min(need, lo + CHUNK) - 1;
      const t = performance.now();
      await client.query(
        `insert into pack (product_id, batch_id, code_request_id, level, serial, status, custodian_id, destination_id,
                           status_by_id, status_at, milestones, created_at)
         select bp.product_id, bp.batch_id, bp.request_id, 'UNIT', random_serial(), s.status::pack_status,
                case s.status when 'ISSUED' then null when 'ACTIVE' then ($3::uuid[])[1 + (g / 1000) % cardinality($3::uuid[])]
                              when 'IN_TRANSIT' then $4::uuid when 'DISPENSED' then ($6::uuid[])[1 + (g / 1000) % cardinality($6::uuid[])]
                              else $4::uuid end,
                case s.status when 'IN_TRANSIT' then $5::uuid end,
                case when s.status in ('DISPENSED', 'DESTROYED') then $4::uuid end,
                case when s.status <> 'ISSUED' then now() - interval '30 days' end,
                case s.status when 'ISSUED' then 0 when 'ACTIVE' then 1 when 'IN_TRANSIT' then 3 when 'DISPENSED' then 63 else 1 end,
                now() - interval '90 days'
           from generate_series($1::bigint, $2::bigint) as g
           join bench_fill_product bp on bp.k = (g * $7::bigint / $8::bigint)::int
          cross join lateral (select case when g % 20 < 4 then 'ISSUED' when g % 20 < 14 then 'ACTIVE'
                                          when g % 20 < 16 then 'IN_TRANSIT' when g % 20 < 19 then 'DISPENSED'
                                          else 'DESTROYED' end as status) as s
         on conflict do nothing`,
        [lo, hi, holders, plant.id, distributor.id, pharmacies, productCount, need],
      );
      const done = hi + 1;
      say(`   packs: ${fmtInt(done)} of ${fmtInt(need)} (${fmtInt((hi - lo + 1) / ((performance.now() - t) / 1000))} rows/s)`);
    }
    for (const index of dropped) {
      const t = performance.now();
      await client.query(index.definition);
      say(`   rebuilt ${index.name} in ${fmtS(performance.now() - t)}`);
    }
    const { rows: last } = await client.query(`select max(id)::bigint as id from pack`);
    const lastId = Number(last[0].id);

    // Events: every pack past ISSUED was activated at the plant; those in transit or dispensed were shipped.
    let links = 0;
    const t = performance.now();
    for (let lo = firstId; lo <= lastId; lo += EVENT_BLOCK) {
      const hi = Math.min(lastId, lo + EVENT_BLOCK - 1);
      for (const [type, where, counterparty] of [
        ['ACTIVATED', `status <> 'ISSUED'`, null],
        ['SHIPPED', `status in ('IN_TRANSIT', 'DISPENSED')`, distributor.id],
      ]) {
        const result = await client.query(
          `with picked as (select id from pack where id between $1 and $2 and ${where}),
                e as (insert into event (type, at, facility_id, counterparty_id, source, units)
                      select $3::event_type, now() - interval '60 days', $4, $5, 'API', count(*) from picked returning id)
           insert into event_pack (pack_id, event_id) select picked.id, e.id from picked, e`,
          [lo, hi, type, plant.id, counterparty],
        );
        links += result.rowCount ?? 0;
      }
      if (Math.floor((hi - firstId + 1) / 1_000_000) !== Math.floor((lo - firstId) / 1_000_000) || hi === lastId) {
        say(`   events: packs up to ${fmtInt(hi - firstId + 1)} linked, ${fmtInt(links)} event_pack rows (${fmtInt(links / ((performance.now() - t) / 1000))} rows/s)`);
      }
    }
    // Each request's range of pack ids, as issuing records it, and each batch's counts.
    await client.query(
      `update code_request cr set first_pack_id = r.first_id, last_pack_id = r.last_id
         from (select code_request_id, min(id) as first_id, max(id) as last_id from pack where id >= $1 group by 1) r
        where cr.id = r.code_request_id`,
      [firstId],
    );
    await client.query(
      `insert into batch_stats (batch_id, issued, activated)
       select batch_id, count(*), count(*) filter (where status <> 'ISSUED') from pack where id >= $1 group by 1
       on conflict (batch_id) do nothing`,
      [firstId],
    );
    await client.query(`drop table bench_fill_product`);
    say(`   vacuum analyze pack, event_pack and event, then a checkpoint`);
    await client.query('vacuum (analyze) pack');
    await client.query('vacuum (analyze) event_pack');
    await client.query('vacuum (analyze) event');
    await client.query('checkpoint');
    say(`   added ${fmtInt(need)} packs and ${fmtInt(links)} event_pack rows in ${fmtS(performance.now() - start)}`);
    return need;
  } finally {
    await client.query('reset session_replication_role').catch(() => undefined);
    client.release();
  }
}
