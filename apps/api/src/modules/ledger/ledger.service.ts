import { sign, verify } from 'node:crypto';
import type { Pool } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { AppError, badInput, conflict, notFound } from '../../shared/errors.js';
import { logger } from '../../shared/logger.js';
import type { AlertService } from '../alerts/alert.service.js';
import { LEDGER_CHAINS, canonicalEvent, dayMessage, genesisDigest, type DayRecord, type Head } from './canonical.js';
import { checkEntries, entriesBetween, eventContents, firstOf, unsealedEvents, type Entry, type Problem } from './entries.js';
import { loadLedgerKey, type LedgerKey } from './keys.js';
import { MerkleRoot, MerkleTree, type ProofStep } from './merkle.js';
import { pathByBlock } from './proofs.js';
import { seal, writeEntries } from './seal.js';
import { EVENT_OF_ROW } from '../../db/partitions.js';

const DAY_MS = 86_400_000;
/** One transaction lock for publishing, whichever process does it. */
const PUBLISH_LOCK = 0x4a454a414b; // "JEJAK"
/** How often due days are published. */
const PUBLISH_EVERY_MS = 10 * 60_000;
const BACKLOG_BATCH = 5_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A published day, as stored and served. */
export interface PublishedDay extends DayRecord {
  keyId: string;
  signature: Buffer;
  publishedAt: Date;
}

export interface LedgerCheckResult {
  ok: boolean;
  checkedEvents: number;
  firstBadEventId: string | null;
  problem: string | null;
  from: string | null;
  to: string | null;
  checkedAt: Date;
}

/** The proof that one event is in its day's published tree, with what a verifier needs. */
export interface EventProof {
  eventId: string;
  /** The event's canonical content (canonical.ts): hash it to start. */
  content: string;
  chain: number;
  seq: string;
  previousDigest: string;
  digest: string;
  day: string;
  leafIndex: number;
  path: Array<{ side: ProofStep['side']; hash: string }>;
  published: ReturnType<typeof dayJson>;
}

export class LedgerBroken extends AppError {
  constructor(readonly found: Problem) {
    super('CONFLICT', `The ledger does not match the event log: ${found.problem}`);
  }
}

/** The UTC day of an instant, and the instants a day spans. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const startOf = (day: string) => new Date(`${day}T00:00:00.000Z`);
const nextDay = (day: string) => utcDay(new Date(startOf(day).getTime() + DAY_MS));

/** Reads a day argument, or refuses it naming the argument. */
export function readDay(text: string | null | undefined, field: string): string | null {
  if (text === null || text === undefined || text === '') return null;
  if (!DAY.test(text) || utcDay(startOf(text)) !== text) throw badInput(`${field} must be a date as YYYY-MM-DD (UTC), got "${text.slice(0, 40)}"`, field);
  return text;
}

/** A published day's fields as text: hex hashes, a base64 signature. */
export const dayFields = (day: PublishedDay) => ({
  day: day.day,
  events: day.events,
  root: day.root.toString('hex'),
  previousRoot: day.previousRoot?.toString('hex') ?? null,
  heads: day.heads,
  keyId: day.keyId,
  signature: day.signature.toString('base64'),
});

/** A published day as served at /api/ledger/days/{day}: with the public key and the text signed. */
export function dayJson(day: PublishedDay, key: LedgerKey) {
  return {
    ...dayFields(day),
    publicKey: day.keyId === key.id ? key.publicPem : null,
    signed: dayMessage(day),
    publishedAt: day.publishedAt.toISOString(),
  };
}

/**
 * The ledger over the event log: entries are sealed as events are written (seal.ts, called by
 * recordEvents); this publishes each ended UTC day's Merkle root, signed, with the day before's
 * root inside it; answers proofs of inclusion; and checks the whole record against itself.
 */
export class LedgerService {
  private key: LedgerKey | null = null;
  private timer: NodeJS.Timeout | null = null;
  private publishing: Promise<unknown> | null = null;
  /** The last published days' trees, for proofs. */
  private readonly trees = new Map<string, { tree: MerkleTree; index: Map<string, number> }>();

  constructor(
    private readonly alerts: AlertService,
    private readonly keyFile: string,
    private readonly demo: boolean,
  ) {}

  /** Loads the signing key (checking it is the one the published days were signed with). */
  async useKey(pool: Pool): Promise<void> {
    this.key = await loadLedgerKey(this.keyFile, pool, this.demo);
  }

  /** Loads the key, seals events written before the ledger existed, and publishes what is due, then every few minutes. */
  async start(pool: Pool): Promise<void> {
    await this.useKey(pool);
    const sealed = await this.sealBacklog(pool);
    if (sealed) logger.info({ events: sealed }, 'sealed the events written before the ledger existed');
    const publish = () => {
      this.publishing ??= this.publishDue(pool)
        .catch((error: unknown) => logger.error({ err: error }, 'publishing the ledger failed'))
        .finally(() => (this.publishing = null));
    };
    publish();
    this.timer = setInterval(publish, PUBLISH_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.publishing;
  }

  get signingKey(): LedgerKey {
    if (!this.key) throw new Error('the ledger has not started');
    return this.key;
  }

  /** Seals, in id order, events that have no entry yet: those of a database older than the ledger. */
  async sealBacklog(pool: Pool): Promise<number> {
    const { rows } = await pool.query(`select value from setting where name = 'ledger_started'`);
    if (rows.length) return 0;
    let sealed = 0;
    for (;;) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const { rows: ids } = await client.query<{ id: string }>(
          `select e.id::text as id from event e where not exists (select 1 from ledger_entry l where l.event_id = e.id) order by e.id limit ${BACKLOG_BATCH}`,
        );
        if (ids.length === 0) {
          await client.query(`insert into setting (name, value) values ('ledger_started', now()::text) on conflict (name) do nothing`);
          await client.query('commit');
          return sealed;
        }
        const contents = await eventContents(client, ids.map((row) => row.id));
        const events = ids.map((row) => contents.get(row.id)!);
        await writeEntries(client, await seal(client, events));
        await client.query('commit');
        sealed += events.length;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
  }

  /** Publishes every ended UTC day not yet published; answers the days published. */
  async publishDue(pool: Pool): Promise<string[]> {
    const { rows } = await pool.query<{ today: string }>(`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD') as today`);
    const yesterday = utcDay(new Date(startOf(rows[0]!.today).getTime() - DAY_MS));
    return this.publishThrough(pool, yesterday);
  }

  /**
   * Publishes the days up to `last`, in order, from the one after the last published (or the
   * ledger's first). A day whose entries do not match the log is not published: a critical
   * alert is raised and LedgerBroken thrown. The caller makes sure `last` has ended (publishDue).
   */
  async publishThrough(pool: Pool, last: string): Promise<string[]> {
    const latest = await this.latestDay(pool);
    let day = latest ? nextDay(latest.day) : await this.firstDay(pool);
    const published: string[] = [];
    for (; day && day <= last; day = nextDay(day)) {
      await this.publishDay(pool, day);
      published.push(day);
    }
    if (published.length) logger.info({ days: published }, 'ledger days published');
    return published;
  }

  private async firstDay(pool: Pool): Promise<string | null> {
    const { rows } = await pool.query<{ at: Date | null }>(`select min(sealed_at) as at from ledger_entry`);
    return rows[0]?.at ? utcDay(rows[0].at) : null;
  }

  private async latestDay(pool: Pool): Promise<PublishedDay | null> {
    const { rows } = await pool.query(`${DAY_VIEW} order by day desc limit 1`);
    return rows[0] ? toDay(rows[0]) : null;
  }

  private async publishDay(pool: Pool, day: string): Promise<PublishedDay> {
    const key = this.signingKey;
    // Every writer that took a chain's head before now has committed once the head is ours for
    // a moment; any later one seals after midnight. One head at a time: no lock is held while
    // waiting for the next, so no writer waits on this in a cycle.
    for (let chain = 0; chain < LEDGER_CHAINS; chain++) {
      await pool.query('select 1 from ledger_chain where chain = $1 for update', [chain]);
    }
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      const existing = await client.query(`${DAY_VIEW} where day = $1`, [day]);
      if (existing.rows[0]) {
        await client.query('commit');
        return toDay(existing.rows[0]);
      }
      const before = await client.query(`${DAY_VIEW} where day = $1::date - 1`, [day]);
      const previous = before.rows[0] ? toDay(before.rows[0]) : null;
      const heads = new Map<number, Head>(previous?.heads.map((head) => [head.chain, head]) ?? genesisHeads().map((head) => [head.chain, head]));
      const tree = new MerkleRoot();
      const problems: Problem[] = [];
      for await (const page of entriesBetween(client, startOf(day), startOf(nextDay(day)))) {
        problems.push(...(await checkEntries(client, page)));
        for (const entry of page) {
          tree.add(entry.digest);
          heads.set(entry.chain, { chain: entry.chain, seq: entry.seq, digest: entry.digest.toString('hex') });
        }
      }
      const first = firstOf(problems);
      if (first) {
        await client.query('rollback');
        await this.raiseBroken(pool, first, `day ${day} was not published`);
        throw new LedgerBroken(first);
      }
      const record: DayRecord = {
        day,
        events: tree.size,
        root: tree.root,
        previousRoot: previous?.root ?? null,
        heads: [...heads.values()].sort((a, b) => a.chain - b.chain),
      };
      const signature = sign(null, Buffer.from(dayMessage(record)), key.privateKey);
      const { rows } = await client.query(
        `insert into ledger_day (day, events, root, previous_root, heads, key_id, signature, blocks) values ($1, $2, $3, $4, $5, $6, $7, $8)
         returning published_at as "publishedAt"`,
        [day, record.events, record.root, record.previousRoot, JSON.stringify(record.heads), key.id, signature, Buffer.concat(tree.blocks)],
      );
      await client.query('commit');
      return { ...record, keyId: key.id, signature, publishedAt: rows[0].publishedAt };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async raiseBroken(pool: Pool, found: Problem, consequence: string) {
    logger.error({ eventId: found.eventId, problem: found.problem }, `the ledger does not match the event log; ${consequence}`);
    await this.alerts.raise(pool, {
      reason: 'LEDGER_BROKEN',
      code: `event ${found.eventId}`,
      groupKey: 'ledger',
      evidence: { at: new Date().toISOString(), kind: 'LEDGER', what: 'LEDGER_MISMATCH', params: { eventId: found.eventId }, detail: `${found.problem}; ${consequence}` },
    });
  }

  /** A published day, publishing the days due first when it has ended and is not there yet. */
  async day(pool: Pool, day: string): Promise<PublishedDay | null> {
    const read = async () => {
      const { rows } = await pool.query(`${DAY_VIEW} where day = $1`, [day]);
      return rows[0] ? toDay(rows[0]) : null;
    };
    const found = await read();
    if (found) return found;
    await this.publishDue(pool).catch((error: unknown) => {
      if (!(error instanceof LedgerBroken)) throw error;
    });
    return read();
  }

  async days(pool: Pool, first: number): Promise<PublishedDay[]> {
    const { rows } = await pool.query(`${DAY_VIEW} order by day desc limit $1`, [first]);
    return rows.map(toDay);
  }

  async lastCheck(pool: Pool): Promise<LedgerCheckResult | null> {
    const { rows } = await pool.query(
      `select ok, checked_events::int as "checkedEvents", first_bad_event_id::text as "firstBadEventId", problem,
              to_char(from_day, 'YYYY-MM-DD') as "from", to_char(to_day, 'YYYY-MM-DD') as "to", checked_at as "checkedAt"
         from ledger_check order by id desc limit 1`,
    );
    return rows[0] ?? null;
  }

  /**
   * Recomputes the ledger from the tables for the UTC days `from` to `to` (each optional: from
   * the first, to today): every entry against its event and the entry before it, the events
   * without an entry, and each published day's root, heads, signature and link to the day
   * before. Names the first event that does not match, records the check, and raises a
   * critical alert when one does not.
   */
  async check(pool: Pool, range: { from?: string | null; to?: string | null }, userId: string | null = null): Promise<LedgerCheckResult> {
    const from = readDay(range.from, 'from');
    const to = readDay(range.to, 'to');
    if (from && to && from > to) throw badInput(`from (${from}) is after to (${to})`, 'from');
    const start = from ? startOf(from) : null;
    const end = to ? startOf(nextDay(to)) : null;
    let checked = 0;
    let found: Problem | null = null;
    for await (const page of entriesBetween(pool, start ?? new Date(0), end ?? new Date('9999-12-31T00:00:00Z'))) {
      checked += page.length;
      found ??= firstOf(await checkEntries(pool, page));
    }
    const unsealed = await unsealedEvents(pool, start, end, 1);
    const candidates = [
      found,
      unsealed[0] ? { eventId: unsealed[0], problem: `event ${unsealed[0]} is in the event log but was never sealed` } : null,
      ...(await headProblems(pool)),
    ];
    found = firstOf(candidates.filter((p): p is Problem => p !== null));
    found ??= await this.checkPublishedDays(pool, from, to);
    const result: LedgerCheckResult = {
      ok: !found,
      checkedEvents: checked,
      firstBadEventId: found?.eventId ?? null,
      problem: found?.problem ?? null,
      from,
      to,
      checkedAt: new Date(),
    };
    await pool.query(
      `insert into ledger_check (from_day, to_day, ok, checked_events, first_bad_event_id, problem, user_id) values ($1, $2, $3, $4, $5, $6, $7)`,
      [from, to, result.ok, checked, result.firstBadEventId, result.problem, userId],
    );
    if (found) await this.raiseBroken(pool, found, 'found by a check of the ledger');
    return result;
  }

  /** Each published day in the range against the entries now in its span. */
  private async checkPublishedDays(pool: Pool, from: string | null, to: string | null): Promise<Problem | null> {
    const { rows } = await pool.query(
      `${DAY_VIEW} where ($1::date is null or day >= $1::date - 1) and ($2::date is null or day <= $2) order by day`,
      [from, to],
    );
    const days = rows.map(toDay);
    for (const [i, day] of days.entries()) {
      const before = days[i - 1];
      if (from && day.day < from) continue; // read only as the link of the first day checked
      const problem = await this.checkDay(pool, day, before?.day === utcDay(new Date(startOf(day.day).getTime() - DAY_MS)) ? before : undefined);
      if (problem) return problem;
    }
    return null;
  }

  private async checkDay(pool: Pool, day: PublishedDay, before: PublishedDay | undefined): Promise<Problem | null> {
    const heads = new Map(day.heads.map((head) => [head.chain, head]));
    const tree = new MerkleRoot();
    let firstEvent = '0';
    let late: Entry | undefined;
    for await (const page of entriesBetween(pool, startOf(day.day), startOf(nextDay(day.day)))) {
      if (tree.size === 0) firstEvent = page[0]!.eventId;
      late ??= page.find((entry) => BigInt(entry.seq) > BigInt(heads.get(entry.chain)?.seq ?? '0'));
      for (const entry of page) tree.add(entry.digest);
    }
    if (late) return { eventId: late.eventId, problem: `event ${late.eventId} was sealed into ${day.day} after that day was published` };
    const blame = (problem: string): Problem => ({ eventId: firstEvent, problem: `${day.day}: ${problem}` });
    if (day.keyId !== this.signingKey.id) return blame(`signed with key ${day.keyId}, not with this server's key ${this.signingKey.id}`);
    if (!verify(null, Buffer.from(dayMessage(day)), this.signingKey.publicKey, day.signature)) return blame('its signature does not match what it says');
    if (before && !before.root.equals(day.previousRoot ?? Buffer.alloc(0))) return blame(`its link to ${before.day} does not match that day's root`);
    if (tree.size !== day.events) return blame(`${day.events} events were published, ${tree.size} are sealed in it now`);
    if (!tree.root.equals(day.root)) return blame('its entries no longer make the published root');
    return null;
  }

  /**
   * The proof that an event is in its day's published tree. The caller must be able to see the
   * event (BPOM, or an organisation whose facility did it or took part, or whose product it
   * moved); others are told it does not exist.
   */
  async proof(ctx: Context, eventId: string): Promise<EventProof> {
    const principal = requirePrincipal(ctx);
    if (!/^\d{1,18}$/.test(eventId)) throw notFound(`No event ${eventId.slice(0, 40)}`);
    const { rows } = await ctx.pool.query(
      `select l.event_id::text as "eventId", l.chain, l.seq::text as seq, l.sealed_at as "sealedAt", l.digest, l.previous_event_id::text as "previousEventId",
              ($2::uuid is null or exists (select 1 from facility f where f.organization_id = $2 and f.id in (e.facility_id, e.counterparty_id))
                or exists (select 1 from event_pack ep join pack p on p.id = ep.pack_id join product pr on pr.id = p.product_id
                            where ${EVENT_OF_ROW} and pr.registrant_id = $2)) as visible
         from ledger_entry l join event e on e.id = l.event_id
        where l.event_id = $1`,
      [eventId, principal.organizationType === 'REGULATOR' ? null : principal.organizationId],
    );
    const entry = rows[0] as (Entry & { visible: boolean }) | undefined;
    if (!entry?.visible) throw notFound(`No event ${eventId}`);
    const dayOf = utcDay(entry.sealedAt);
    const published = await this.day(ctx.pool, dayOf);
    if (!published) throw conflict(`Event ${eventId} was recorded on ${dayOf} (UTC); that day's root is published once the day has ended`);
    const { leafIndex, path } = (await pathByBlock(ctx.pool, published, entry)) ?? (await this.pathByTree(ctx.pool, published, eventId));
    const content = (await eventContents(ctx.pool, [eventId])).get(eventId)!;
    const previous =
      entry.seq === '1'
        ? genesisDigest(entry.chain)
        : (await ctx.pool.query<{ digest: Buffer }>(`select digest from ledger_entry where chain = $1 and seq = $2::bigint - 1`, [entry.chain, entry.seq])).rows[0]?.digest;
    return {
      eventId,
      content: canonicalEvent(content),
      chain: entry.chain,
      seq: entry.seq,
      previousDigest: previous?.toString('hex') ?? '',
      digest: entry.digest.toString('hex'),
      day: dayOf,
      leafIndex,
      path: path.map((step) => ({ side: step.side, hash: step.hash.toString('hex') })),
      published: dayJson(published, this.signingKey),
    };
  }

  /** The event's path read off the day's whole tree, kept for the last few days asked about. */
  private async pathByTree(pool: Pool, day: PublishedDay, eventId: string) {
    const { tree, index } = await this.treeOf(pool, day);
    const leafIndex = index.get(eventId);
    if (leafIndex === undefined) throw new LedgerBroken({ eventId, problem: `event ${eventId} is not in the published tree of ${day.day}` });
    return { leafIndex, path: tree.path(leafIndex) };
  }

  private async treeOf(pool: Pool, day: PublishedDay) {
    let cached = this.trees.get(day.day);
    if (!cached) {
      const entries: Entry[] = [];
      for await (const page of entriesBetween(pool, startOf(day.day), startOf(nextDay(day.day)))) entries.push(...page);
      cached = { tree: new MerkleTree(entries.map((entry) => entry.digest)), index: new Map(entries.map((entry, i) => [entry.eventId, i])) };
      this.trees.set(day.day, cached);
      if (this.trees.size > 3) this.trees.delete(this.trees.keys().next().value!);
    }
    return cached;
  }
}

const DAY_VIEW = `
  select to_char(day, 'YYYY-MM-DD') as day, events::int as events, root, previous_root as "previousRoot", heads, key_id as "keyId",
         signature, published_at as "publishedAt"
    from ledger_day`;

const toDay = (row: Record<string, unknown>): PublishedDay => row as unknown as PublishedDay;

/** Each chain's head must still be its last entry: not deleted, and nothing after it. */
async function headProblems(pool: Pool): Promise<Problem[]> {
  const { rows } = await pool.query<{ chain: number; eventId: string; found: string | null; after: string | null }>(
    `select c.chain, c.event_id::text as "eventId", l.event_id::text as found,
            (select n.event_id::text from ledger_entry n where n.chain = c.chain and n.seq > c.seq order by n.seq limit 1) as after
       from ledger_chain c left join ledger_entry l on l.chain = c.chain and l.seq = c.seq
      where c.seq > 0`,
  );
  return rows.flatMap((row): Problem[] => {
    if (row.found !== row.eventId) return [{ eventId: row.eventId, problem: `the last entry of chain ${row.chain}, event ${row.eventId}, is gone` }];
    if (row.after) return [{ eventId: row.after, problem: `event ${row.after} was put into chain ${row.chain} after its last entry, around the API` }];
    return [];
  });
}

const genesisHeads = (): Head[] =>
  Array.from({ length: LEDGER_CHAINS }, (_, chain) => ({ chain, seq: '0', digest: genesisDigest(chain).toString('hex') }));
