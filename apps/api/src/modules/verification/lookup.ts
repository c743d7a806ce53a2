import type { Queryable } from '../packs/pack-rows.js';
import type { PackLevelName, PackStatusName } from '../packs/pack.types.js';
import type { Sighting } from './clone.js';
import { CLONE_WINDOW_DAYS } from './clone.js';
import type { ProductInfo } from './verification.types.js';

export interface ProductRow extends ProductInfo {
  id: string;
  serialised: boolean;
}

/** Everything a verification needs about one code, read in one statement. */
export interface Found {
  product: ProductRow | null;
  pack: {
    id: string;
    level: PackLevelName;
    status: PackStatusName;
    lot: string | null;
    expiry: string | null;
    recalled: boolean;
    statusAt: Date | null;
    /** Where it was dispensed, for a dispensed pack. */
    regency: string | null;
    /** A suspicion that its code was copied, and how far BPOM has judged it. */
    clone: { status: 'OPEN' | 'CONFIRMED' | 'CLEARED'; detail: string; decidedAt: Date | null } | null;
    /** Checks by devices since the window began (or since BPOM cleared a suspicion), newest first. */
    sightings: Sighting[];
  } | null;
}

const PRODUCT = `pr.id, pr.name, pr.nie, pr.brand, pr.form, pr.strength, pr.packaging, pr.producer, pr.serialised, o.name as registrant`;
/** The pack's columns; `since` is the parameter holding the start of the clone-detection window. */
const pack = (since: string) => `
  p.id::text as "packId", p.level, p.status, b.lot, to_char(b.expiry, 'YYYY-MM-DD') as expiry,
  b.recalled_at is not null as recalled, p.status_at as "statusAt",
  f.regency, cs.status as "cloneStatus", cs.evidence->>'detail' as "cloneDetail", cs.decided_at as "cloneDecidedAt",
  (select coalesce(json_agg(s order by s.at desc), '[]') from (
     select at, latitude, longitude, encode(device, 'hex') as device from scan
      where pack_id = p.id and device is not null
        and at > greatest(${since}::timestamptz, case when cs.status = 'CLEARED' then cs.decided_at end)
      order by at desc limit 200) s) as sightings`;
const PACK_JOINS = `
  left join batch b on b.id = p.batch_id
  left join facility f on f.id = p.status_by_id and p.status = 'DISPENSED'
  left join clone_suspect cs on cs.pack_id = p.id`;

const UNIT_WHERE = { both: 'pr.nie = $1 and pr.gtin = $2', nie: 'pr.nie = $1 and $2::text is null', gtin: 'pr.gtin = $2 and $1::text is null' };
const UNIT_LOOKUP = Object.fromEntries(
  Object.entries(UNIT_WHERE).map(([key, where]) => [
    key,
    `select ${PRODUCT}, ${pack('$4')}
       from product pr join organization o on o.id = pr.registrant_id
       left join pack p on p.product_id = pr.id and p.serial = $3
       ${PACK_JOINS}
      where ${where}
      limit 1`,
  ]),
) as Record<keyof typeof UNIT_WHERE, string>;

/**
 * Sightings older than this many days before `now` no longer count for clone detection. As ISO
 * text, which the driver sends as it is (a Date it formats in local time, field by field).
 */
const windowStart = (now: Date) => new Date(now.getTime() - CLONE_WINDOW_DAYS * 86_400_000).toISOString();

/** A product by its NIE and/or GTIN (both must name the same one), and the pack with `serial`. */
export async function lookUpUnit(db: Queryable, nie: string | null, gtin: string | null, serial: string | null, now: Date): Promise<Found> {
  const key = nie && gtin ? 'both' : nie ? 'nie' : 'gtin';
  // Named, so each connection plans it once: the public check is the busiest query of all.
  const { rows } = await db.query({ name: `verify-unit-by-${key}`, text: UNIT_LOOKUP[key], values: [nie, gtin, serial, windowStart(now)] });
  return toFound(rows[0]);
}

/** A case or pallet by its SSCC, and its product where it holds one. */
export async function lookUpSscc(db: Queryable, sscc: string, now: Date): Promise<Found> {
  const { rows } = await db.query(
    `select ${PRODUCT}, ${pack('$2')}
       from pack p
       left join product pr on pr.id = p.product_id left join organization o on o.id = pr.registrant_id
       ${PACK_JOINS}
      where p.sscc = $1`,
    [sscc, windowStart(now)],
  );
  return toFound(rows[0]);
}

function toFound(row: Record<string, any> | undefined): Found {
  if (!row) return { product: null, pack: null };
  const product = row.id
    ? { id: row.id, name: row.name, nie: row.nie, brand: row.brand, form: row.form, strength: row.strength, packaging: row.packaging, producer: row.producer, serialised: row.serialised, registrant: row.registrant }
    : null;
  const pack = row.packId
    ? {
        id: row.packId,
        level: row.level,
        status: row.status,
        lot: row.lot,
        expiry: row.expiry,
        recalled: row.recalled,
        statusAt: row.statusAt,
        regency: row.regency,
        clone: row.cloneStatus ? { status: row.cloneStatus, detail: row.cloneDetail, decidedAt: row.cloneDecidedAt } : null,
        sightings: (row.sightings as Array<Record<string, any>>).map((s) => ({ at: new Date(s.at), latitude: s.latitude, longitude: s.longitude, device: s.device })),
      }
    : null;
  return { product, pack };
}
