import type { Pool, PoolClient } from 'pg';
import { byId, chainDigest, contentHash, genesisDigest, type EventContent } from './canonical.js';

type Db = Pool | PoolClient;

/** A row of `ledger_entry`. */
export interface Entry {
  eventId: string;
  chain: number;
  seq: string;
  sealedAt: Date;
  digest: Buffer;
  previousEventId: string | null;
}

/** Where the record and its ledger part: the event to name, and why. */
export interface Problem {
  eventId: string;
  problem: string;
}

const ENTRY_COLUMNS = `event_id::text as "eventId", chain, seq::text as seq, sealed_at as "sealedAt", digest, previous_event_id::text as "previousEventId"`;
const PAGE = 5_000;

/**
 * The entries sealed within [start, end), chain by chain, each in the order it was sealed. Each
 * page starts after the last entry of the one before, whose time is carried as the database's
 * text: a Date keeps only milliseconds, and an entry sealed at a finer time (written around the
 * API) would be read again and again.
 */
export async function* entriesBetween(db: Db, start: Date, end: Date): AsyncGenerator<Entry[]> {
  let after: unknown[] = [-1, start, '0'];
  for (;;) {
    const { rows } = await db.query<Entry & { sealedAtText: string }>(
      `select ${ENTRY_COLUMNS}, sealed_at::text as "sealedAtText" from ledger_entry
        where sealed_at >= $1 and sealed_at < $2 and (chain, sealed_at, seq) > ($3::smallint, $4::timestamptz, $5::bigint)
        order by chain, sealed_at, seq limit ${PAGE}`,
      [start, end, ...after],
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1)!;
    after = [last.chain, last.sealedAtText, last.seq];
  }
}

/** Events as the ledger hashes them, with their packs, by id. */
export async function eventContents(db: Db, ids: readonly string[]): Promise<Map<string, EventContent>> {
  const [events, packs] = await Promise.all([
    db.query(
      `select id::text as id, type::text as type, at, recorded_at as "recordedAt", facility_id as "facilityId", counterparty_id as "counterpartyId",
              reason, parent_id::text as "parentId", latitude, longitude, units, shipment_id as "shipmentId", user_id as "userId",
              api_key_id as "apiKeyId", source
         from event where id = any($1::bigint[])`,
      [ids],
    ),
    db.query<{ eventId: string; packIds: string[] }>(
      `select event_id::text as "eventId", array_agg(pack_id::text) as "packIds" from event_pack where event_id = any($1::bigint[]) group by event_id`,
      [ids],
    ),
  ]);
  const packsOf = new Map(packs.rows.map((row) => [row.eventId, row.packIds]));
  return new Map(events.rows.map((row) => [row.id as string, { ...row, packIds: packsOf.get(row.id) ?? [] } as EventContent]));
}

/** The entry before `entry` in its chain: its digest and event, or null when it is missing. */
async function previousOf(db: Db, entry: Entry): Promise<{ digest: Buffer; eventId: string | null } | null> {
  if (entry.seq === '1') return { digest: genesisDigest(entry.chain), eventId: null };
  const { rows } = await db.query<{ digest: Buffer; eventId: string }>(
    `select digest, event_id::text as "eventId" from ledger_entry where chain = $1 and seq = $2::bigint - 1`,
    [entry.chain, entry.seq],
  );
  return rows[0] ?? null;
}

/**
 * Checks entries against the event log: each event is still there and hashes as it did when
 * sealed, after the entry before it in its chain (nothing deleted between, nothing slipped in).
 * `entries` come in chain order. Answers the problems found, in that order.
 */
export async function checkEntries(db: Db, entries: readonly Entry[]): Promise<Problem[]> {
  const contents = await eventContents(db, entries.map((entry) => entry.eventId));
  const problems: Problem[] = [];
  let before: Entry | null = null;
  for (const entry of entries) {
    const adjacent = before && before.chain === entry.chain && BigInt(before.seq) + 1n === BigInt(entry.seq);
    const previous = adjacent ? { digest: before!.digest, eventId: before!.eventId } : await previousOf(db, entry);
    before = entry;
    const event = contents.get(entry.eventId);
    if (!previous) {
      problems.push({
        eventId: entry.previousEventId ?? entry.eventId,
        problem: `the ledger entry before event ${entry.eventId} in chain ${entry.chain} (number ${BigInt(entry.seq) - 1n}) is gone`,
      });
    } else if (previous.eventId !== entry.previousEventId) {
      problems.push({ eventId: entry.eventId, problem: `event ${entry.eventId} does not follow event ${previous.eventId ?? '(none)'} in chain ${entry.chain} as sealed` });
    } else if (!event) {
      problems.push({ eventId: entry.eventId, problem: `event ${entry.eventId} was sealed but is no longer in the event log` });
    } else if (!chainDigest(previous.digest, contentHash(event)).equals(entry.digest)) {
      problems.push({ eventId: entry.eventId, problem: `event ${entry.eventId} or its packs differ from what was sealed` });
    }
  }
  return problems;
}

/** Events in the log without a ledger entry (written around the ledger), lowest id first. */
export async function unsealedEvents(db: Db, start: Date | null, end: Date | null, limit = 10): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select e.id::text as id from event e
      where ($1::timestamptz is null or e.recorded_at >= $1) and ($2::timestamptz is null or e.recorded_at < $2)
        and not exists (select 1 from ledger_entry l where l.event_id = e.id)
      order by e.id limit $3`,
    [start, end, limit],
  );
  return rows.map((row) => row.id);
}

/** The lowest event id of `problems` (ids compare as numbers). */
export const firstOf = (problems: readonly Problem[]): Problem | null =>
  problems.reduce<Problem | null>((first, p) => (!first || byId(p.eventId, first.eventId) < 0 ? p : first), null);
