import type { Queryable } from '../packs/pack-rows.js';
import { codeOf, packViews } from '../packs/pack-views.js';
import type { ShipmentItem, ShipmentLine } from './shipment.types.js';
import { EVENT_OF_ROW } from '../../db/partitions.js';

/** The packs named in a shipment, as its delivery note lists them. */
export async function itemsOf(db: Queryable, shipmentId: string): Promise<ShipmentItem[]> {
  const views = await packViews(
    db,
    `p.id in (select pack_id from shipment_item where shipment_id = $1) order by p.level desc, p.id`,
    [shipmentId],
  );
  const { rows } = await db.query('select pack_id::text as id, units from shipment_item where shipment_id = $1', [shipmentId]);
  const units = new Map(rows.map((row) => [row.id as string, row.units as number]));
  return views.map((view) => ({
    packId: view.id,
    code: codeOf(view),
    level: view.level,
    units: units.get(view.id) ?? 0,
    product: view.productId ? { id: view.productId, nie: view.nie, name: view.name, gtin: view.productGtin } : null,
    batch: view.lot,
    expiry: view.expiry,
    recalled: view.recalled,
    status: view.status,
  }));
}

/**
 * A shipment's units by product batch: once it is sent, exactly the units its shipping events
 * record; while it is open, the units inside its items.
 */
export async function linesOf(db: Queryable, shipmentId: string): Promise<ShipmentLine[]> {
  const units = `
    select p.product_id, p.batch_id, count(*)::int as units from %FROM% p.level = 'UNIT' group by 1, 2`;
  const sent = units.replace(
    '%FROM%',
    `event e join event_pack ep on ${EVENT_OF_ROW} join pack p on p.id = ep.pack_id
      where e.shipment_id = $1 and e.type in ('SHIPPED', 'RETURNED') and`,
  );
  const open = units.replace(
    '%FROM%',
    `(with recursive tree(id) as (
        select pack_id from shipment_item where shipment_id = $1
        union select c.id from pack c join tree on c.parent_id = tree.id
      ) select id from tree) t join pack p on p.id = t.id where`,
  );
  const query = (counted: string) =>
    db.query(
      `select pr.id, pr.nie, pr.name, pr.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry, b.recalled_at is not null as recalled, u.units
         from (${counted}) u join product pr on pr.id = u.product_id join batch b on b.id = u.batch_id
        order by pr.name, b.expiry, b.lot`,
      [shipmentId],
    );
  let { rows } = await query(sent);
  if (rows.length === 0) ({ rows } = await query(open));
  return rows.map((row) => ({
    product: { id: row.id, nie: row.nie, name: row.name, gtin: row.gtin },
    batch: row.lot,
    expiry: row.expiry,
    units: row.units,
    recalled: row.recalled,
  }));
}
