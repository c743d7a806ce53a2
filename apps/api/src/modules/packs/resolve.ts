import type { PoolClient } from 'pg';
import { refuse } from '../lifecycle/refusals.js';
import { isRejection, readCode, type CodeKey } from './code-input.js';
import { findContents, findPacks, findPacksById, type PackRow, type Queryable } from './pack-rows.js';
import type { Rejection } from './pack.types.js';

/** One code of a bulk call, with what was reported about it. */
export interface Line {
  code: string;
  /** When it happened, when the caller reported a time; else it happens now. */
  at: Date | null;
  latitude: number | null;
  longitude: number | null;
  /** The row of an uploaded file (1 = first data row). */
  row?: number;
  /** The pack itself, when the line comes from a record (a shipment's items) rather than a scan. */
  packId?: string;
  /** The code as already read, when the caller had to parse it (an activation file's row checks). */
  key?: CodeKey | Rejection;
}

export interface Named {
  line: Line;
  pack: PackRow;
}

/** A refused line: the rejection as answered, and the pack, when the code named one. */
export interface Refused {
  line: Line;
  rejection: Rejection;
  pack: PackRow | null;
}

export const refusedLine = (line: Line, refusal: Omit<Rejection, 'code' | 'row'>, pack: PackRow | null = null): Refused => ({
  line,
  rejection: { code: line.code, ...refusal, ...(line.row !== undefined ? { row: line.row } : {}) },
  pack,
});

/**
 * Reads the codes, finds the packs and what they hold: everything the rules need, in one go.
 * A code that cannot be read is MALFORMED; one that names no pack NOT_FOUND; one whose printed
 * batch or expiry differ from those issued with its serial DATA_MISMATCH.
 */
export async function resolveCodes(client: PoolClient, lines: Line[]) {
  const refused: Refused[] = [];
  const keys: Array<{ line: Line; key: CodeKey }> = [];
  const seen = new Set<string>();
  const byId: Line[] = [];
  for (const line of lines) {
    if (seen.has(line.code)) continue; // the same text twice counts once
    seen.add(line.code);
    if (line.packId) {
      byId.push(line);
      continue;
    }
    const read = line.key ?? readCode(line.code);
    if (isRejection(read)) refused.push(refusedLine(line, read));
    else keys.push({ line, key: read });
  }
  const found = await findPacks(client, keys.map(({ key }) => key));
  const named: Named[] = [];
  const byPackId = new Set<string>();
  const recorded = await findPacksById(client, byId.map((line) => line.packId!));
  for (const line of byId) {
    const pack = recorded.get(line.packId!);
    if (!pack) refused.push(refusedLine(line, refuse('UNKNOWN_CODE', 'no pack with this code is registered')));
    else if (!byPackId.has(pack.id)) {
      byPackId.add(pack.id);
      named.push({ line, pack });
    }
  }
  for (const { line, key } of keys) {
    const pack = found.get(key);
    if (!pack) {
      refused.push(refusedLine(line, refuse('UNKNOWN_CODE', 'no pack with this code is registered')));
      continue;
    }
    const mismatch = dataMismatch(key, pack);
    if (mismatch) {
      refused.push(refusedLine(line, refuse('CODE_DATA_MISMATCH', mismatch), pack));
      continue;
    }
    if (byPackId.has(pack.id)) continue; // two forms of one code
    byPackId.add(pack.id);
    named.push({ line, pack });
  }
  await inheritLastEvents(client, named.map(({ pack }) => pack));
  const contents = await findContents(
    client,
    named.filter(({ pack }) => pack.level !== 'UNIT').map(({ pack }) => pack.id),
  );
  return { named, contents, refused };
}

/** The batch and expiry printed in a code must be those issued with its serial. */
export function dataMismatch(key: CodeKey, pack: Pick<PackRow, 'lot' | 'expiry'>): string | null {
  if (key.kind !== 'unit') return null;
  if (key.lot !== null && key.lot !== pack.lot) return `the code says batch ${key.lot}, but this serial was issued for batch ${pack.lot}`;
  if (key.expiry !== null && key.expiry !== pack.expiry) {
    return `the code says expiry ${key.expiry}, but this serial was issued with expiry ${pack.expiry}`;
  }
  return null;
}

/**
 * A pack inside a case took part in the case's later events (packed onto a pallet, shipped):
 * its last event is the latest of its own and its parents'.
 */
async function inheritLastEvents(db: Queryable, packs: PackRow[]) {
  const parentIds = [...new Set(packs.map((pack) => pack.parentId).filter((id): id is string => id !== null))];
  if (parentIds.length === 0) return;
  const { rows } = await db.query(
    `with recursive up(start, id, parent_id, last_event_at) as (
       select p.id, p.id, p.parent_id, p.last_event_at from pack p where p.id = any($1::bigint[])
       union all
       select up.start, p.id, p.parent_id, p.last_event_at from pack p join up on p.id = up.parent_id
     )
     select start::text as id, max(last_event_at) as at from up group by start`,
    [parentIds],
  );
  const latest = new Map(rows.map((row) => [row.id as string, row.at as Date | null]));
  for (const pack of packs) {
    const inherited = pack.parentId ? latest.get(pack.parentId) : null;
    if (inherited && (!pack.lastEventAt || inherited > pack.lastEventAt)) pack.lastEventAt = inherited;
  }
}
