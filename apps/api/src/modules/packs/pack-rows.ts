import type { Pool, PoolClient } from 'pg';

export type Queryable = Pool | PoolClient;
import type { CodeKey } from './code-input.js';
import type { PackLevelName, PackStatusName } from './pack.types.js';

/** A pack as the movement rules see it; `xmin` guards the write against concurrent changes. */
export interface PackRow {
  id: string;
  xmin: string;
  level: PackLevelName;
  status: PackStatusName;
  productId: string | null;
  registrantId: string | null;
  batchId: string | null;
  lot: string | null;
  expiry: string | null;
  expired: boolean;
  recalled: boolean;
  custodianId: string | null;
  destinationId: string | null;
  parentId: string | null;
  statusById: string | null;
  statusAt: Date | null;
  milestones: number;
}

const COLUMNS = `
  p.id::text as id, p.xmin::text as xmin, p.level, p.status, p.product_id as "productId",
  pr.registrant_id as "registrantId", p.batch_id::text as "batchId", b.lot,
  to_char(b.expiry, 'YYYY-MM-DD') as expiry, coalesce(b.expiry < current_date, false) as expired,
  b.recalled_at is not null as recalled, p.custodian_id as "custodianId",
  p.destination_id as "destinationId", p.parent_id::text as "parentId",
  p.status_by_id as "statusById", p.status_at as "statusAt", p.milestones`;

const JOINS = `left join batch b on b.id = p.batch_id left join product pr on pr.id = p.product_id`;

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
    const nies = [...new Set(units.map((key) => key.nie).filter(Boolean))];
    const gtins = [...new Set(units.map((key) => key.gtin).filter(Boolean))];
    const { rows: products } = await client.query(
      'select id, nie, gtin from product where nie = any($1::text[]) or gtin = any($2::text[])',
      [nies, gtins],
    );
    const byNie = new Map(products.map((row) => [row.nie as string, row.id as string]));
    const byGtin = new Map(products.filter((row) => row.gtin).map((row) => [row.gtin as string, row.id as string]));
    const lookups: Array<{ index: number; productId: string; serial: string }> = [];
    units.forEach((key, index) => {
      // The GTIN and the NIE, when a code carries both, must name the same product.
      const viaGtin = key.gtin ? byGtin.get(key.gtin) : undefined;
      const viaNie = key.nie ? byNie.get(key.nie) : undefined;
      const productId = key.gtin && key.nie ? (viaGtin === viaNie ? viaGtin : undefined) : (viaGtin ?? viaNie);
      if (productId) lookups.push({ index, productId, serial: key.serial });
    });
    if (lookups.length) {
      const { rows } = await client.query(
        `select t.i, ${COLUMNS}
           from unnest($1::int[], $2::uuid[], $3::text[]) as t(i, product_id, serial)
           join pack p on p.product_id = t.product_id and p.serial = t.serial
           ${JOINS}`,
        [lookups.map((l) => l.index), lookups.map((l) => l.productId), lookups.map((l) => l.serial)],
      );
      for (const row of rows) found.set(units[row.i]!, toPackRow(row));
    }
  }

  if (ssccs.length) {
    const { rows } = await client.query(
      `select t.i, ${COLUMNS}
         from unnest($1::int[], $2::text[]) as t(i, sscc)
         join pack p on p.sscc = t.sscc
         ${JOINS}`,
      [ssccs.map((_, i) => i), ssccs.map((key) => key.sscc)],
    );
    for (const row of rows) found.set(ssccs[row.i]!, toPackRow(row));
  }
  return found;
}

/** Everything inside the given cases and pallets, at any depth, keyed by the outermost one. */
export async function findContents(client: Queryable, rootIds: string[]): Promise<Map<string, PackRow[]>> {
  const contents = new Map<string, PackRow[]>(rootIds.map((id) => [id, []]));
  if (rootIds.length === 0) return contents;
  // One level at a time (a pallet holds cases, a case units): each step is an index look-up on
  // parent_id, where a recursive query leaves the planner guessing how many rows come back.
  const rootOf = new Map(rootIds.map((id) => [id, id]));
  for (let level = rootIds, depth = 0; level.length > 0 && depth < 8; depth++) {
    const { rows } = await client.query(`select ${COLUMNS} from pack p ${JOINS} where p.parent_id = any($1::bigint[])`, [level]);
    const next: string[] = [];
    for (const row of rows) {
      const pack = toPackRow(row);
      const root = rootOf.get(pack.parentId!)!;
      contents.get(root)!.push(pack);
      if (pack.level !== 'UNIT') {
        rootOf.set(pack.id, root);
        next.push(pack.id);
      }
    }
    level = next;
  }
  return contents;
}

function toPackRow(row: Record<string, any>): PackRow {
  return {
    id: row.id,
    xmin: row.xmin,
    level: row.level,
    status: row.status,
    productId: row.productId,
    registrantId: row.registrantId,
    batchId: row.batchId,
    lot: row.lot,
    expiry: row.expiry,
    expired: row.expired,
    recalled: row.recalled,
    custodianId: row.custodianId,
    destinationId: row.destinationId,
    parentId: row.parentId,
    statusById: row.statusById,
    statusAt: row.statusAt,
    milestones: row.milestones,
  };
}
