import type { PoolClient } from 'pg';
import { LEDGER_CHAINS, chainDigest, contentHash, type EventContent } from './canonical.js';

/** The ledger entries of events about to be written, and the head their chain moves to. */
export interface Sealed {
  /** When they are sealed: the database's clock once the chain's head is held. */
  sealedAt: Date;
  chain: number;
  eventIds: string[];
  seqs: string[];
  digests: Buffer[];
  previous: Array<string | null>;
  head: { seq: string; digest: Buffer; eventId: string | null };
}

/** An event to seal; without `recordedAt` it is recorded as it is sealed. */
export type Unsealed = Omit<EventContent, 'recordedAt'> & { recordedAt?: Date };

/** A chain's head, held by this transaction, and the database's clock once it was taken. */
export interface ChainHead {
  chain: number;
  seq: string;
  digest: Buffer;
  eventId: string | null;
  now: Date;
}

/**
 * Takes this connection's chain head and holds it until the transaction ends: a later writer of
 * the chain waits for this one to commit or roll back, so the chain never forks and its
 * entries' times only go forward.
 */
export async function holdChain(client: PoolClient): Promise<ChainHead> {
  const { rows } = await client.query<ChainHead>(
    `select chain, seq::text as seq, digest, event_id::text as "eventId", clock_timestamp() as now
       from ledger_chain where chain = pg_backend_pid() % $1 for update`,
    [LEDGER_CHAINS],
  );
  if (!rows[0]) throw new Error('the ledger has no chain heads: the ledger migration has not run');
  return rows[0];
}

/** Chains `events` (in order) onto this connection's chain (`holdChain`). Write them with writeEntries in the same transaction. */
export async function seal(client: PoolClient, events: readonly Unsealed[]): Promise<Sealed> {
  return sealOn(await holdChain(client), events);
}

/** Chains `events` (in order) onto a head this transaction holds. */
export function sealOn(head: ChainHead, events: readonly Unsealed[]): Sealed {
  let digest = head.digest;
  let seq = BigInt(head.seq);
  let previous = head.eventId;
  const sealed: Sealed = { sealedAt: head.now, chain: head.chain, eventIds: [], seqs: [], digests: [], previous: [], head: { seq: head.seq, digest, eventId: previous } };
  for (const event of events) {
    seq += 1n;
    digest = chainDigest(digest, contentHash({ ...event, recordedAt: event.recordedAt ?? head.now }));
    sealed.eventIds.push(event.id);
    sealed.seqs.push(seq.toString());
    sealed.digests.push(digest);
    sealed.previous.push(previous);
    previous = event.id;
  }
  sealed.head = { seq: seq.toString(), digest, eventId: previous };
  return sealed;
}

/** Writes sealed entries and moves their chain's head, in one statement. */
export async function writeEntries(client: PoolClient, sealed: Sealed): Promise<void> {
  if (sealed.eventIds.length === 0) return;
  await client.query(
    `with entries as (
       insert into ledger_entry (event_id, chain, seq, sealed_at, digest, previous_event_id)
       select t.event_id, $2, t.seq, $1::timestamptz, t.digest, t.previous
         from unnest($3::bigint[], $4::bigint[], $5::bytea[], $6::bigint[]) as t(event_id, seq, digest, previous)
     )
     update ledger_chain set seq = $7, digest = $8, event_id = $9 where chain = $2`,
    [sealed.sealedAt, sealed.chain, sealed.eventIds, sealed.seqs, sealed.digests, sealed.previous, sealed.head.seq, sealed.head.digest, sealed.head.eventId],
  );
}
