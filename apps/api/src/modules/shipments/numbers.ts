import { randomInt } from 'node:crypto';
import { checkDigit } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import { FALLBACK_COMPANY_PREFIX } from '../codes/codes.service.js';

export type ShipmentKind = 'SHIPMENT' | 'RETURN';

/** SJ (surat jalan) for a shipment, RT for a return, then the year and a count per sender and year. */
export async function nextNumber(client: PoolClient, organizationId: string, kind: ShipmentKind, year: string): Promise<string> {
  const { rows } = await client.query(
    `insert into shipment_counter (organization_id, year, last) values ($1, $2, 1)
     on conflict (organization_id, year) do update set last = shipment_counter.last + 1
     returning last`,
    [organizationId, Number(year)],
  );
  return `${kind === 'RETURN' ? 'RT' : 'SJ'}-${year}-${String(rows[0].last).padStart(6, '0')}`;
}

/**
 * A GS1 Global Shipment Identification Number (AI 402, 17 digits): the sender's GS1 company
 * prefix (Indonesia's fallback prefix when it has none), a random shipper's reference and the
 * check digit. It is what the delivery note's barcode carries, so any receiver's scanner reads
 * the shipment; it is unique across senders (checked by the table's unique index).
 */
export function newGsin(companyPrefix: string | null): string {
  const prefix = companyPrefix ?? FALLBACK_COMPANY_PREFIX;
  let reference = '';
  for (let i = prefix.length; i < 16; i++) reference += String(randomInt(10));
  const body = prefix + reference;
  return body + checkDigit(body);
}
