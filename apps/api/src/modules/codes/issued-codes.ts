import type { Pool } from 'pg';
import { badInput } from '../../shared/errors.js';
import type { PackLevelName } from '../packs/pack.types.js';
import type { IssuedCode } from './codes.types.js';
import { codeForms } from './pack-code.js';
import { ofRequestSql } from '../packs/ranges.js';

export interface IssuedRow {
  id: string;
  level: PackLevelName;
  serial: string | null;
  sscc: string | null;
  nie: string;
  gtin: string | null;
  lot: string;
  expiry: string;
}

/** Every code of a request, in issue order. */
export async function allIssuedCodes(pool: Pool, requestId: string): Promise<IssuedCode[]> {
  return (await issuedCodes(pool, requestId, '0', 10_000_000)).map((row) => toIssuedCode(row));
}

/** The codes of a request after pack `afterId` (of one level, if given; only those still ISSUED, if asked), in issue order. */
export async function issuedCodes(pool: Pool, requestId: string, afterId: string, limit: number, level?: PackLevelName, onlyIssued = false): Promise<IssuedRow[]> {
  const { rows } = await pool.query(
    `select p.id::text, p.level, p.serial, p.sscc, pr.nie, cr.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry
       from pack p
       join code_request cr on cr.id = p.code_request_id
       join product pr on pr.id = cr.product_id
       join batch b on b.id = cr.batch_id
      where ${ofRequestSql('p', '$1')} and p.id > $2 and ($4::pack_level is null or p.level = $4) and (not $5 or p.status = 'ISSUED')
      order by p.id
      limit $3`,
    [requestId, afterId, limit, level ?? null, onlyIssued],
  );
  return rows;
}

/** How many codes an issued request holds: its units, and the SSCCs of its cases and pallets. */
export function issuedCount(request: { status: string; quantity: number; unitsPerCase: number | null; casesPerPallet: number | null }) {
  if (request.status !== 'ISSUED') return 0;
  const cases = request.unitsPerCase ? Math.ceil(request.quantity / request.unitsPerCase) : 0;
  const pallets = request.casesPerPallet ? Math.ceil(cases / request.casesPerPallet) : 0;
  return request.quantity + cases + pallets;
}

export function toIssuedCode(row: IssuedRow, linkBase?: string): IssuedCode {
  const forms = codeForms(row, linkBase);
  return { serial: row.serial, sscc: row.sscc, level: row.level, text: forms.text, raw: forms.raw, digitalLink: forms.digitalLink };
}

export const encodeCursor = (id: string) => Buffer.from(`pack:${id}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const match = /^pack:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`after "${cursor}" is not a cursor from this list`, 'after');
  return match[1]!;
}
