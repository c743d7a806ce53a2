import type { PoolClient } from 'pg';
import { findContents, findPacksById, type PackRow } from '../packs/pack-rows.js';
import { codeOf, packViews } from '../packs/pack-views.js';

/**
 * What a shipment held and has not arrived: the packs still on their way in it. Each part missing
 * whole is named once, by its outermost code (a pallet that never came is its SSCC, not its
 * thousands of units); a part that arrived broken is named by what is missing inside it.
 */
export async function missingFrom(client: PoolClient, shipmentId: string): Promise<{ codes: string[]; units: number }> {
  const { rows } = await client.query('select pack_id::text as id from shipment_item where shipment_id = $1', [shipmentId]);
  const itemIds = rows.map((row) => row.id as string);
  const [items, contents] = await Promise.all([findPacksById(client, itemIds), findContents(client, itemIds)]);
  const children = new Map<string, PackRow[]>();
  for (const inside of contents.values()) {
    for (const row of inside) {
      const siblings = children.get(row.parentId!) ?? [];
      if (!siblings.includes(row)) siblings.push(row);
      children.set(row.parentId!, siblings);
    }
  }
  const away = (pack: PackRow) => pack.status === 'IN_TRANSIT' && pack.shipmentId === shipmentId;
  const wholeAway = (pack: PackRow): boolean => away(pack) && (children.get(pack.id) ?? []).every(wholeAway);
  const missing: PackRow[] = [];
  let units = 0;
  const walk = (pack: PackRow) => {
    if (wholeAway(pack)) {
      missing.push(pack);
      units += unitsIn(pack, children);
    } else {
      for (const child of children.get(pack.id) ?? []) walk(child);
    }
  };
  // A case filled into the shipment on its own and then on a pallet also filled in counts once.
  const inside = new Set([...contents.values()].flat().map((row) => row.id));
  for (const item of items.values()) if (!inside.has(item.id)) walk(item);
  if (missing.length === 0) return { codes: [], units: 0 };
  const views = await packViews(client, 'p.id = any($1::bigint[]) order by p.id', [missing.map((pack) => pack.id)]);
  return { codes: views.map(codeOf), units };
}

const unitsIn = (pack: PackRow, children: Map<string, PackRow[]>): number =>
  pack.level === 'UNIT' ? 1 : (children.get(pack.id) ?? []).reduce((sum, child) => sum + unitsIn(child, children), 0);
