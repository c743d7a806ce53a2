import type { PoolClient } from 'pg';
import type { Moved } from '../packs/apply.js';

/**
 * Receipts count towards the shipments the packs travelled in, however they were received
 * (a shipment's barcode, a scan, a file): a shipment whose units have all arrived is RECEIVED.
 * The counts come from the rows the receipt changed; nothing is read back.
 */
export async function recordReceipts(client: PoolClient, moved: Moved[], at: Date) {
  const units = new Map<string, number>();
  for (const { rows } of moved) {
    for (const row of rows) if (row.shipmentId && row.level === 'UNIT') units.set(row.shipmentId, (units.get(row.shipmentId) ?? 0) + 1);
  }
  if (units.size === 0) return;
  await client.query(
    `update shipment s
        set received_units = s.received_units + t.units,
            status = case when s.status = 'DISPATCHED' and s.received_units + t.units >= s.units then 'RECEIVED' else s.status end,
            received_at = case when s.received_units + t.units >= s.units then coalesce(s.received_at, $3) else s.received_at end
       from unnest($1::uuid[], $2::int[]) as t(id, units)
      where s.id = t.id`,
    [[...units.keys()], [...units.values()], at],
  );
}
