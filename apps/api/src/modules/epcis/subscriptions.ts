/**
 * Named queries and their webhook subscriptions (`/epcis/queries`, `/epcis/queries/{name}/subscriptions`).
 *
 * A stream subscription is sent every newly captured event that answers its query and that its
 * organisation may see. The deliveries are queued in the capture's own transaction (pg-boss, in
 * PostgreSQL), so an event stored is an event queued; each is POSTed to the subscriber's URL as
 * an EPCISQueryDocument, signed with HMAC-SHA-256 of the body under the subscription's
 * signatureToken (`GS1-Signature: sha256=<hex>`), and retried with exponential backoff until the
 * subscriber answers 2xx. Delivery is at least once: the subscriber de-duplicates by eventID.
 * Each delivery's attempts are kept for the owner to see.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import PgBoss from 'pg-boss';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { logger } from '../../shared/logger.js';
import type { Queryable } from '../packs/pack-rows.js';
import { queryDocument } from './epcis.service.js';
import { answers } from './lifecycle-events.js';
import { EpcisError } from './problems.js';
import { readQuery, type Found } from './query.js';
import { storeKey, type EventRow } from './store.js';
import { isObject } from './validation.js';

const QUEUE = 'epcis-webhook';
const NAME = /^[A-Za-z0-9_.~-]{1,100}$/;
const TOKEN_MAX = 500;

/** How deliveries are retried: 12 attempts after the first, 1 s, 2 s, 4 s, … apart (about an hour in all). */
export const DELIVERY = { retryLimit: 12, retryDelay: 1, retryBackoff: true, timeoutMs: 10_000 } as const;

export interface Subscription {
  subscriptionID: string;
  queryName: string;
  dest: string;
  stream: true;
  createdAt: string;
}

export interface Delivery {
  id: string;
  eventIDs: string[];
  attempts: number;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface Job {
  deliveryId: string;
}

const noQuery = (name: string) => new EpcisError('NoSuchNameException', 404, `No query named ${name} of your organisation`);
const noSubscription = (id: string) => new EpcisError('NoSuchSubscriptionException', 404, `No subscription ${id} of this query`);

export class SubscriptionService {
  private boss: PgBoss | null = null;
  private pool: Pool | null = null;

  /** `privateDestinations`: webhooks may go to loopback and private network addresses. */
  constructor(private readonly privateDestinations = false) {}

  /** Starts the queue (pg-boss installs or upgrades its schema) and its worker. */
  async start(databaseUrl: string, pool: Pool): Promise<void> {
    this.pool = pool;
    const boss = new PgBoss({ connectionString: databaseUrl, max: 3, schema: 'pgboss' });
    boss.on('error', (error) => logger.warn({ err: error }, 'webhook queue error'));
    await boss.start();
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: DELIVERY.retryLimit, retryDelay: DELIVERY.retryDelay, retryBackoff: DELIVERY.retryBackoff });
    await boss.work<Job>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
      // One failed delivery fails the batch's retry of itself only: each is settled on its own.
      const results = await Promise.allSettled(jobs.map((job) => this.deliver(job.data.deliveryId)));
      const failed = results.map((r, i) => (r.status === 'rejected' ? jobs[i]!.id : null)).filter((id): id is string => id !== null);
      const done = jobs.map((job) => job.id).filter((id) => !failed.includes(id));
      if (done.length) await boss.complete(QUEUE, done);
      if (failed.length) await boss.fail(QUEUE, failed);
    });
    this.boss = boss;
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
    this.boss = null;
  }

  // --- Named queries --------------------------------------------------------------------------

  async createQuery(ctx: Context, body: unknown): Promise<string> {
    const principal = requirePrincipal(ctx);
    if (!isObject(body) || typeof body.name !== 'string' || !NAME.test(body.name)) {
      throw new EpcisError('ValidationException', 400, 'name must be 1 to 100 letters, digits or _ . ~ -');
    }
    const query = isObject(body.query) ? body.query : {};
    readQuery(query); // refuses what a query of /events would refuse
    const { rowCount } = await ctx.pool.query(
      `insert into epcis_named_query (organization_id, name, query) values ($1, $2, $3) on conflict do nothing`,
      [principal.organizationId, body.name, JSON.stringify(query)],
    );
    if (!rowCount) throw new EpcisError('ResourceConflictException', 409, `Your organisation already has a query named ${body.name}`);
    return body.name;
  }

  async queries(ctx: Context): Promise<Array<{ name: string; query: unknown; createdAt: string }>> {
    const principal = requirePrincipal(ctx);
    const { rows } = await ctx.pool.query(`select name, query, created_at from epcis_named_query where organization_id = $1 order by name limit 1000`, [principal.organizationId]);
    return rows.map((row) => ({ name: row.name, query: row.query, createdAt: row.created_at.toISOString() }));
  }

  async query(ctx: Context, name: string): Promise<{ name: string; query: Record<string, unknown>; createdAt: string }> {
    const principal = requirePrincipal(ctx);
    const { rows } = await ctx.pool.query(`select name, query, created_at from epcis_named_query where organization_id = $1 and name = $2`, [principal.organizationId, name]);
    if (!rows[0]) throw noQuery(name);
    return { name: rows[0].name, query: rows[0].query, createdAt: rows[0].created_at.toISOString() };
  }

  async deleteQuery(ctx: Context, name: string): Promise<void> {
    const principal = requirePrincipal(ctx);
    const { rowCount } = await ctx.pool.query(`delete from epcis_named_query where organization_id = $1 and name = $2`, [principal.organizationId, name]);
    if (!rowCount) throw noQuery(name);
  }

  // --- Subscriptions --------------------------------------------------------------------------

  async subscribe(ctx: Context, name: string, body: unknown): Promise<string> {
    const principal = requirePrincipal(ctx);
    await this.query(ctx, name);
    if (!isObject(body)) throw new EpcisError('SubscriptionControlsException', 400, 'The body must be a JSON object with dest and stream: true');
    const dest = typeof body.dest === 'string' ? body.dest : '';
    let url: URL;
    try {
      url = new URL(dest);
    } catch {
      throw new EpcisError('SubscriptionControlsException', 400, `dest "${dest}" must be an http(s) URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EpcisError('SubscriptionControlsException', 400, `dest "${dest}" must be an http(s) URL`);
    if (!this.privateDestinations && (url.hostname === 'localhost' || isPrivateAddress(url.hostname.replace(/^\[|\]$/g, '')))) {
      throw new EpcisError('SubscriptionControlsException', 400, `dest "${dest}" is a loopback or private network address; webhooks go to addresses on the internet`);
    }
    if (body.schedule !== undefined) throw new EpcisError('SubscriptionControlsException', 400, 'Scheduled subscriptions are not offered; subscribe with "stream": true');
    if (body.stream !== true) throw new EpcisError('SubscriptionControlsException', 400, 'Set "stream": true to be sent each new event that answers the query');
    const token = body.signatureToken;
    if (token !== undefined && (typeof token !== 'string' || token.length === 0 || token.length > TOKEN_MAX)) {
      throw new EpcisError('SubscriptionControlsException', 400, `signatureToken must be text of 1 to ${TOKEN_MAX} characters`);
    }
    const id = randomUUID();
    await ctx.pool.query(`insert into epcis_subscription (id, organization_id, query_name, dest, signature_token) values ($1, $2, $3, $4, $5)`, [
      id,
      principal.organizationId,
      name,
      url.toString(),
      token ?? null,
    ]);
    return id;
  }

  async subscriptions(ctx: Context, name: string): Promise<Subscription[]> {
    const principal = requirePrincipal(ctx);
    await this.query(ctx, name);
    const { rows } = await ctx.pool.query(`select id, query_name, dest, created_at from epcis_subscription where organization_id = $1 and query_name = $2 order by created_at`, [
      principal.organizationId,
      name,
    ]);
    return rows.map(toSubscription);
  }

  /** A subscription, with its latest deliveries and their attempts. */
  async subscription(ctx: Context, name: string, id: string): Promise<Subscription & { deliveries: Delivery[] }> {
    const principal = requirePrincipal(ctx);
    const { rows } = /^[0-9a-f-]{36}$/i.test(id)
      ? await ctx.pool.query(`select id, query_name, dest, created_at from epcis_subscription where organization_id = $1 and query_name = $2 and id = $3`, [principal.organizationId, name, id])
      : { rows: [] };
    if (!rows[0]) throw noSubscription(id);
    const { rows: deliveries } = await ctx.pool.query(
      `select id::text, event_keys, attempts, last_attempt_at, last_status, last_error, delivered_at from epcis_delivery where subscription_id = $1 order by id desc limit 100`,
      [id],
    );
    return {
      ...toSubscription(rows[0]),
      deliveries: deliveries.map((row) => ({
        id: row.id,
        eventIDs: (row.event_keys as string[]).map((key) => key.replace(/^!/, '')),
        attempts: row.attempts,
        lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
        lastStatus: row.last_status,
        lastError: row.last_error,
        deliveredAt: row.delivered_at?.toISOString() ?? null,
      })),
    };
  }

  async unsubscribe(ctx: Context, name: string, id: string): Promise<void> {
    const principal = requirePrincipal(ctx);
    const { rowCount } = /^[0-9a-f-]{36}$/i.test(id)
      ? await ctx.pool.query(`delete from epcis_subscription where organization_id = $1 and query_name = $2 and id = $3`, [principal.organizationId, name, id])
      : { rowCount: 0 };
    if (!rowCount) throw noSubscription(id);
  }

  // --- Delivering -----------------------------------------------------------------------------

  /**
   * Queues, in the capture's transaction, a delivery of the new events to each stream
   * subscription whose query they answer and whose organisation may see them.
   */
  async enqueue(client: PoolClient, rows: EventRow[]): Promise<void> {
    if (rows.length === 0 || !this.boss) return;
    const { rows: subscriptions } = await client.query(
      `select s.id, s.organization_id as "organizationId", o.type as "organizationType", q.query
         from epcis_subscription s
         join epcis_named_query q on q.organization_id = s.organization_id and q.name = s.query_name
         join organization o on o.id = s.organization_id`,
    );
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    for (const subscription of subscriptions) {
      let query;
      try {
        query = readQuery(subscription.query);
      } catch {
        continue; // a query stored before a parameter was retired answers nothing
      }
      const viewer = { organizationId: subscription.organizationId, organizationType: subscription.organizationType } as Pick<Principal, 'organizationId' | 'organizationType'>;
      const matching = rows.filter((row) => mayView(viewer, row) && answers(row, query));
      if (matching.length === 0) continue;
      const { rows: made } = await client.query(`insert into epcis_delivery (subscription_id, event_keys) values ($1, $2) returning id::text`, [subscription.id, matching.map(storeKey)]);
      await this.boss.send(QUEUE, { deliveryId: made[0].id } satisfies Job, { db, retryLimit: DELIVERY.retryLimit, retryDelay: DELIVERY.retryDelay, retryBackoff: DELIVERY.retryBackoff });
    }
  }

  /** One attempt at a delivery; throws (and pg-boss retries) unless the subscriber answers 2xx. */
  private async deliver(deliveryId: string): Promise<void> {
    const pool = this.pool!;
    const { rows } = await pool.query(
      `select d.event_keys, d.delivered_at, s.dest, s.signature_token, s.query_name from epcis_delivery d join epcis_subscription s on s.id = d.subscription_id where d.id = $1`,
      [deliveryId],
    );
    const delivery = rows[0];
    if (!delivery || delivery.delivered_at) return; // unsubscribed, or delivered already
    const events = await eventsByKey(pool, delivery.event_keys);
    const body = JSON.stringify(queryDocument(events, null, delivery.query_name));
    let status: number | null = null;
    let error: string | null = null;
    try {
      if (!this.privateDestinations) await refusePrivate(delivery.dest);
      const response = await fetch(delivery.dest, {
        method: 'POST',
        headers: {
          'content-type': 'application/ld+json',
          'GS1-EPCIS-Version': '2.0.0',
          'GS1-CBV-Version': '2.0.0',
          ...(delivery.signature_token ? { 'GS1-Signature': `sha256=${createHmac('sha256', delivery.signature_token).update(body).digest('hex')}` } : {}),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY.timeoutMs),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (status < 200 || status > 299) error = `the subscriber answered ${status}`;
    } catch (failure) {
      const cause = (failure as Error).cause as Error | undefined;
      error = `the subscriber could not be reached: ${cause?.message ?? (failure as Error).message}`;
    }
    await pool.query(
      `update epcis_delivery set attempts = attempts + 1, last_attempt_at = now(), last_status = $2, last_error = $3,
              delivered_at = case when $3::text is null then now() end where id = $1`,
      [deliveryId, status, error],
    );
    if (error) throw new Error(error);
  }
}

/** Loopback, private, link-local and unique-local addresses (IPv4 and IPv6), and unspecified ones. */
export function isPrivateAddress(host: string): boolean {
  const version = isIP(host);
  if (version === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) {
    const lower = host.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
  }
  return false;
}

/** Refuses a destination whose name resolves to a private address (checked at each delivery). */
async function refusePrivate(dest: string): Promise<void> {
  const host = new URL(dest).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  if (host === 'localhost' || addresses.some(({ address }) => isPrivateAddress(address))) {
    throw new Error(`${host} is a loopback or private network address; webhooks go to addresses on the internet`);
  }
}

const toSubscription = (row: Record<string, any>): Subscription => ({
  subscriptionID: row.id,
  queryName: row.query_name,
  dest: row.dest,
  stream: true,
  createdAt: row.created_at.toISOString(),
});

function mayView(viewer: Pick<Principal, 'organizationId' | 'organizationType'>, row: EventRow): boolean {
  return viewer.organizationType === 'REGULATOR' || row.organizationId === viewer.organizationId || row.viewerIds.includes(viewer.organizationId);
}

/** Stored events by their storeKeys, in their order. */
async function eventsByKey(db: Queryable, keys: string[]): Promise<Found[]> {
  const ids = keys.map((key) => key.replace(/^!/, ''));
  const { rows } = await db.query(
    `select record_time as time, event_id as "eventId", error_declaration, document, context from epcis_event where event_id = any($1::text[])`,
    [ids],
  );
  const byKey = new Map(rows.map((row) => [storeKey({ eventId: row.eventId, errorDeclaration: row.error_declaration }), row as Found]));
  return keys.map((key) => byKey.get(key)).filter((found): found is Found => found !== undefined);
}
