import { createHash } from 'node:crypto';

/**
 * The ledger's hashes. An event's content is one JSON array in a fixed order (below), hashed
 * with SHA-256; each chain's digest covers the previous digest and the content; a day's events
 * are the leaves of a Merkle tree as in RFC 6962 (leaf `00 ‖ digest`, node `01 ‖ left ‖ right`).
 * docs/ledger.md states the same for anyone writing a verifier of their own, and
 * scripts/verify-ledger-proof.mjs is one.
 */

export const CONTENT_FORMAT = 'jejak-event/1';
/** How many chains writers spread over: one writer holds one chain's head until it commits. */
export const LEDGER_CHAINS = 16;

/** What an event says, as stored in `event` and `event_pack`. */
export interface EventContent {
  id: string;
  type: string;
  at: Date;
  recordedAt: Date;
  facilityId: string;
  counterpartyId: string | null;
  reason: string | null;
  parentId: string | null;
  latitude: number | null;
  longitude: number | null;
  units: number;
  shipmentId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  source: string;
  /** The packs the event touched (the ids of `event_pack`), in any order. */
  packIds: readonly string[];
}

/** Ascending order of bigint ids written as decimal text. */
export const byId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** The ids in ascending order; most lists come that way already. */
function ascending(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) if (byId(ids[i - 1]!, ids[i]!) > 0) return [...ids].sort(byId);
  return ids;
}

/** UUIDs as PostgreSQL writes them. */
const uuid = <T extends string | null>(id: T): T => (id === null ? id : (id.toLowerCase() as T));

/** The canonical text of an event: a JSON array, its packs in ascending id order. */
export function canonicalEvent(event: EventContent): string {
  return JSON.stringify([
    CONTENT_FORMAT,
    event.id,
    event.type,
    event.at.toISOString(),
    event.recordedAt.toISOString(),
    uuid(event.facilityId),
    uuid(event.counterpartyId),
    event.reason,
    event.parentId,
    event.latitude,
    event.longitude,
    event.units,
    uuid(event.shipmentId),
    uuid(event.userId),
    uuid(event.apiKeyId),
    event.source,
    ascending(event.packIds),
  ]);
}

const sha256 = (...parts: Array<string | Buffer>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export const contentHash = (event: EventContent) => sha256(canonicalEvent(event));

/** A chain's digest after an event: SHA-256 of the previous digest and the event's content hash. */
export const chainDigest = (previous: Buffer, content: Buffer) => sha256(Buffer.concat([previous, content]));

/** Where chain `chain` starts. */
export const genesisDigest = (chain: number) => sha256(`jejak-ledger:${chain}`);

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);
export const leafHash = (digest: Buffer) => sha256(LEAF, digest);
export const nodeHash = (left: Buffer, right: Buffer) => sha256(NODE, left, right);
/** The root of a day without events. */
export const EMPTY_ROOT = sha256('');

/** Where a chain stood at the end of a day: its last entry (seq 0: none yet) and digest. */
export interface Head {
  chain: number;
  seq: string;
  digest: string;
}

/** What is published for a day (UTC), and signed. */
export interface DayRecord {
  day: string;
  events: number;
  root: Buffer;
  /** The root of the day before, so the days chain too (null for the ledger's first day). */
  previousRoot: Buffer | null;
  heads: Head[];
}

/** The text a day's signature covers: a line each, heads as chain:seq:digest. */
export function dayMessage(day: DayRecord): string {
  return [
    'jejak-ledger-day/1',
    day.day,
    String(day.events),
    day.root.toString('hex'),
    day.previousRoot?.toString('hex') ?? '',
    day.heads.map((head) => `${head.chain}:${head.seq}:${head.digest}`).join(','),
  ].join('\n');
}
