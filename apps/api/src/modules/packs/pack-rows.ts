import type { Pool, PoolClient } from 'pg';

export type Queryable = Pool | PoolClient;
import type { ParentFacts } from '../lifecycle/packing.js';
import type { CodeKey } from './code-input.js';

/** A pack as the lifecycle rules see it; `xmin` guards the write against concurrent changes. */
export interface PackRow extends ParentFacts {
  xmin: string;
  productId: string | null;
  batchId: string | null;
  lot: string | null;
  milestones: number;
  /** The shipment it travels in, while shipped or returned. */
  shipmentId: string | null;
}

/**
 * A time as milliseconds since 1970: the driver reads a number at once, where it parses a
 * timestamp's text field by field (a pallet's ten thousand rows, a file's hundred thousand).
 */
const EPOCH_MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const dateOf = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The pack's own columns; what belongs to its batch and product is added per batch (`withBatches`). */
const COLUMNS = `
  p.id::text as id, p.xmin::text as xmin, p.level, p.status, p.product_id as "productId",
  p.batch_id::text as "batchId", p.custodian_id as "custodianId",
  p.destination_id as "destinationId", p.parent_id::text as "parentId",
  p.status_by_id as "statusById", ${EPOCH_MS('p.status_at')} as "statusAt", ${EPOCH_MS('p.last_event_at')} as "lastEventAt", p.milestones,
  p.shipment_id as "shipmentId",
  case p.level
    when 'CASE' then (select units_per_case from code_request where id = p.code_request_id)
    when 'PALLET' then (select cases_per_pallet from code_request where id = p.code_request_id)
  end as capacity`;

interface BatchFacts {
  registrantId: string | null;
  lot: string | null;
  expiry: string | null;
  recalled: boolean;
}

const NO_BATCH: BatchFacts = { registrantId: null, lot: null, expiry: null, recalled: false };

/**
 * Pack rows with their batch's lot, expiry and recall and their product's registrant: a pallet's
 * ten thousand units share a handful of batches, so these are read once per batch, not per pack.
 */
async function withBatches(client: Queryable, rows: Array<Record<string, any>>): Promise<PackRow[]> {
  const batchIds = [...new Set(rows.map((row) => row.batchId).filter(Boolean))];
  const products = [...new Set(rows.filter((row) => !row.batchId && row.productId).map((row) => row.productId))];
  const facts = new Map<string, BatchFacts>();
  if (batchIds.length || products.length) {
    const { rows: found } = await client.query(
      `select 'b' || b.id as key, pr.registrant_id as "registrantId", b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry,
              b.recalled_at is not null as recalled
         from batch b join product pr on pr.id = b.product_id where b.id = any($1::bigint[])
       union all
       select 'p' || pr.id, pr.registrant_id, null, null, false from product pr where pr.id = any($2::uuid[])`,
      [batchIds, products],
    );
    for (const { key, ...rest } of found) facts.set(key, rest);
  }
  return rows.map((row) => toPackRow(row, facts.get(row.batchId ? `b${row.batchId}` : `p${row.productId}`) ?? NO_BATCH));
}

export interface Named {
  key: CodeKey;
  pack: PackRow;
}

/**
 * Finds the packs the codes name, in two set-based look-ups (units by product and serial,
 * cases and pallets by SSCC).
 */
export async function findPacks(client: Queryable, keys: CodeKey[]): Promise<Map<CodeKey, PackRow>> {
  const found = new Map<CodeKey, PackRow>();
  const units = keys.filter((key) => key.kind === 'unit');
  const ssccs = keys.filter((key) => key.kind === 'sscc');

  if (units.length) {
    const productOf = await productsOf(client, units);
    const lookups: Array<{ index: number; productId: string; serial: string }> = [];
    units.forEach((key, index) => {
      const productId = productOf(key);
      if (productId) lookups.push({ index, productId, serial: key.serial });
    });
    if (lookups.length) {
      const { rows } = await client.query(
        `select t.i, ${COLUMNS}
           from unnest($1::int[], $2::uuid[], $3::text[]) as t(i, product_id, serial)
           join pack p on p.product_id = t.product_id and p.serial = t.serial`,
        [lookups.map((l) => l.index), lookups.map((l) => l.productId), lookups.map((l) => l.serial)],
      );
      const packs = await withBatches(client, rows);
      rows.forEach((row, n) => found.set(units[row.i]!, packs[n]!));
    }
  }

  if (ssccs.length) {
    const { rows } = await client.query(
      `select t.i, ${COLUMNS}
         from unnest($1::int[], $2::text[]) as t(i, sscc)
         join pack p on p.sscc = t.sscc`,
      [ssccs.map((_, i) => i), ssccs.map((key) => key.sscc)],
    );
    const packs = await withBatches(client, rows);
    rows.forEach((row, n) => found.set(ssccs[row.i]!, packs[n]!));
  }
  return found;
}

type UnitKey = Extract<CodeKey, { kind: 'unit' }>;

/**
 * The product each unit code names, read in one look-up: by its GTIN or its NIE, and when a code
 * carries both, they must name the same product (else it names none).
 */
export async function productsOf(client: Queryable, keys: UnitKey[]): Promise<(key: UnitKey) => string | undefined> {
  if (keys.length === 0) return () => undefined;
  const nies = [...new Set(keys.map((key) => key.nie).filter(Boolean))];
  const gtins = [...new Set(keys.map((key) => key.gtin).filter(Boolean))];
  const { rows: products } = await client.query('select id, nie, gtin from product where nie = any($1::text[]) or gtin = any($2::text[])', [nies, gtins]);
  const byNie = new Map(products.map((row) => [row.nie as string, row.id as string]));
  const byGtin = new Map(products.filter((row) => row.gtin).map((row) => [row.gtin as string, row.id as string]));
  return (key) => {
    const viaGtin = key.gtin ? byGtin.get(key.gtin) : undefined;
    const viaNie = key.nie ? byNie.get(key.nie) : undefined;
    return key.gtin && key.nie ? (viaGtin === viaNie ? viaGtin : undefined) : (viaGtin ?? viaNie);
  };
}

/** Packs by id (a shipment's items), with their batch facts. */
export async function findPacksById(client: Queryable, ids: string[]): Promise<Map<string, PackRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query(`select ${COLUMNS} from pack p where p.id = any($1::bigint[])`, [ids]);
  return new Map((await withBatches(client, rows)).map((pack) => [pack.id, pack]));
}

/**
 * Everything inside each of the given cases and pallets, at any depth. A root inside another
 * root (a named case on a named pallet) counts for both; every pack is read once.
 */
export async function findContents(client: Queryable, rootIds: string[]): Promise<Map<string, PackRow[]>> {
  const children = new Map<string, PackRow[]>();
  // One level at a time (a pallet holds cases, a case units): each step is an index look-up on
  // parent_id, where a recursive query leaves the planner guessing how many rows come back.
  const read = new Set(rootIds);
  for (let level = rootIds, depth = 0; level.length > 0 && depth < 8; depth++) {
    const { rows } = await client.query(`select ${COLUMNS} from pack p where p.parent_id = any($1::bigint[])`, [level]);
    const next: string[] = [];
    for (const pack of await withBatches(client, rows)) {
      const siblings = children.get(pack.parentId!);
      if (siblings) siblings.push(pack);
      else children.set(pack.parentId!, [pack]);
      if (pack.level !== 'UNIT' && !read.has(pack.id)) {
        read.add(pack.id);
        next.push(pack.id);
      }
    }
    level = next;
  }
  const inside = (id: string, into: PackRow[]): PackRow[] => {
    for (const child of children.get(id) ?? []) {
      into.push(child);
      if (child.level !== 'UNIT') inside(child.id, into);
    }
    return into;
  };
  return new Map(rootIds.map((id) => [id, inside(id, [])]));
}

function toPackRow(row: Record<string, any>, batch: BatchFacts): PackRow {
  return {
    id: row.id,
    xmin: row.xmin,
    level: row.level,
    status: row.status,
    productId: row.productId,
    registrantId: batch.registrantId,
    batchId: row.batchId,
    lot: batch.lot,
    expiry: batch.expiry,
    recalled: batch.recalled,
    custodianId: row.custodianId,
    destinationId: row.destinationId,
    parentId: row.parentId,
    statusById: row.statusById,
    statusAt: dateOf(row.statusAt),
    lastEventAt: dateOf(row.lastEventAt),
    milestones: row.milestones,
    shipmentId: row.shipmentId,
    capacity: row.capacity,
  };
}
