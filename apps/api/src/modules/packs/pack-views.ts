import { codeForms } from '../codes/pack-code.js';
import type { Queryable } from './pack-rows.js';

/** A pack as screens show it: its code's parts, product, batch and where it is. */
const PACK_VIEW = `
  select p.id::text, p.level, p.serial, p.sscc, p.status, p.parent_id::text as "parentId",
         pr.id as "productId", pr.nie, pr.name, pr.gtin as "productGtin", pr.registrant_id as "registrantId",
         cr.gtin as "codeGtin", b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry,
         b.recalled_at is not null as recalled, p.custodian_id as "custodianId", p.destination_id as "destinationId",
         p.status_at as "statusAt", p.shipment_id as "shipmentId",
         case p.level when 'CASE' then cr.units_per_case when 'PALLET' then cr.cases_per_pallet end as capacity,
         (select count(*) from pack c where c.parent_id = p.id)::int as "childCount"
    from pack p
    left join product pr on pr.id = p.product_id
    left join batch b on b.id = p.batch_id
    left join code_request cr on cr.id = p.code_request_id`;

export type PackView = Record<string, any>;

export async function packViews(db: Queryable, where: string, params: unknown[]): Promise<PackView[]> {
  return (await db.query(`${PACK_VIEW} where ${where}`, params)).rows;
}

/** The pack's code in bracketed form: `(90)…(21)…`, or `(00)…` for a case or pallet. */
export const codeOf = (view: PackView) =>
  codeForms({ level: view.level, nie: view.nie, gtin: view.codeGtin, lot: view.lot, expiry: view.expiry, serial: view.serial, sscc: view.sscc }).text;
