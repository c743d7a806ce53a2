import type { Pool } from 'pg';
import type { DayRecord, Head } from './canonical.js';
import type { Entry } from './entries.js';
import { BLOCK_LEAVES, blockedPath, rootOf, type ProofStep } from './merkle.js';

/** Bytes of a block's root in `ledger_day.blocks`. */
const ROOT_BYTES = 32;

/** What a published day's proof needs of it. */
type Day = Pick<DayRecord, 'day' | 'events' | 'root' | 'heads'>;

/**
 * An event's place in its published day and its path to the day's root, read from its block: the
 * day's tree leaves are its entries chain by chain, each chain's in the order it sealed them,
 * that is the numbers after the chain's head of the day before up to its head of this day. The
 * event's block of entries is read by chain and number, and the roots of the blocks were kept
 * when the day was published (`ledger_day.blocks`). Null when the day kept no blocks (it was
 * published before they were kept) or when what is read does not lead to the published root:
 * the caller then reads the day whole, which finds the same path or names what does not match.
 */
export async function pathByBlock(
  pool: Pool,
  day: Day,
  entry: Entry,
  blockLeaves = BLOCK_LEAVES,
): Promise<{ leafIndex: number; path: ProofStep[] } | null> {
  const { rows } = await pool.query<{ blocks: Buffer | null; before: Head[] | null }>(
    `select d.blocks, b.heads as before from ledger_day d left join ledger_day b on b.day = d.day - 1 where d.day = $1`,
    [day.day],
  );
  const blocks = rows[0]?.blocks;
  if (!blocks || blocks.length !== Math.ceil(day.events / blockLeaves) * ROOT_BYTES) return null;
  const before = new Map((rows[0]!.before ?? []).map((head) => [head.chain, BigInt(head.seq)]));

  // Each chain's part of the day, where it starts among the leaves.
  let start = 0;
  const parts = [...day.heads]
    .sort((a, b) => a.chain - b.chain)
    .map((head) => {
      const after = before.get(head.chain) ?? 0n;
      const part = { chain: head.chain, after, start, count: Number(BigInt(head.seq) - after) };
      start += part.count;
      return part;
    });
  if (start !== day.events) return null;
  const own = parts.find((part) => part.chain === entry.chain);
  const place = own ? Number(BigInt(entry.seq) - own.after) - 1 : -1;
  if (!own || place < 0 || place >= own.count) return null;
  const leafIndex = own.start + place;

  // The block's entries, a run of numbers from each chain it covers.
  const first = leafIndex - (leafIndex % blockLeaves);
  const end = Math.min(first + blockLeaves, day.events);
  const runs = parts
    .map((part) => ({ part, from: Math.max(first, part.start), to: Math.min(end, part.start + part.count) }))
    .filter((run) => run.from < run.to);
  const { rows: entries } = await pool.query<{ digest: Buffer }>(
    `select l.digest from unnest($1::smallint[], $2::bigint[], $3::bigint[]) with ordinality as r(chain, low, high, n)
       join ledger_entry l on l.chain = r.chain and l.seq between r.low and r.high
      order by r.n, l.seq`,
    [
      runs.map((run) => run.part.chain),
      runs.map((run) => String(run.part.after + BigInt(run.from - run.part.start) + 1n)),
      runs.map((run) => String(run.part.after + BigInt(run.to - run.part.start))),
    ],
  );
  if (entries.length !== end - first) return null;

  const roots = Array.from({ length: blocks.length / ROOT_BYTES }, (_, i) => blocks.subarray(i * ROOT_BYTES, (i + 1) * ROOT_BYTES));
  const path = blockedPath(leafIndex, blockLeaves, entries.map((row) => row.digest), roots);
  return rootOf(entry.digest, path).equals(day.root) ? { leafIndex, path } : null;
}
