import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Pool } from 'pg';
import client from 'prom-client';
import { logger } from '../../shared/logger.js';
import { compileTrustedProxies } from '../../shared/proxies.js';
import { Histogram, type Series } from './histogram.js';
import type { Context } from '../../context.js';

/** Every address the API answers is one of these; anything else is counted as `other`. */
const ROUTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/graphql(?:[/?]|$)/, '/graphql'],
  [/^\/api\/verify(?:[/?]|$)/, '/api/verify'],
  [/^\/api\/csv\/(activation|movements)(?:[/?]|$)/, '/api/csv/$1'],
  [/^\/api\/code-requests\/[^/?]+\/(codes\.csv|codes\.xml|labels\.pdf)(?:[?]|$)/, '/api/code-requests/:id/$1'],
  [/^\/api\/complaints\/[^/?]+\/photo(?:[?]|$)/, '/api/complaints/:id/photo'],
  [/^\/api\/ledger\/days\/[^/?]+(?:[?]|$)/, '/api/ledger/days/:day'],
  [/^\/api\/ledger\/events\/[^/?]+\/proof(?:[?]|$)/, '/api/ledger/events/:id/proof'],
  [/^\/api\/ledger\/key(?:[?]|$)/, '/api/ledger/key'],
  [/^\/api\/backup(?:[?]|$)/, '/api/backup'],
  [/^\/epcis\/(capture|events|queries|eventTypes)(?:[/?]|$)/, '/epcis/$1'],
  [/^\/epcis(?:[/?]|$)/, '/epcis'],
  [/^\/(healthz|livez|readyz|metrics)(?:[?]|$)/, '/$1'],
  [/^\/api(?:[/?]|$)/, '/api/other'],
  [/^\/(?:assets\/|verify|01\/|[^/]*\.[a-z0-9]+(?:[?]|$))/, 'dashboard'],
];

/** The latency buckets of both histograms, in seconds. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Methods named as they are; any other (PROPFIND, …) counts as `other`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/** How long the open-alerts count may take before a scrape goes on without it. */
const ALERTS_TIMEOUT_MS = 1_000;

/** The route an address belongs to: a closed set, so a caller cannot multiply the series. */
export function routeOf(url: string): string {
  for (const [pattern, name] of ROUTES) {
    const match = pattern.exec(url);
    if (match) return name.replace('$1', match[1] ?? '');
  }
  return 'dashboard';
}

export interface MetricsSources {
  pool: Pool;
  /** Connections of the ORM's own pool: in use, free, and calls waiting for one. */
  ormPool(): { used: number; free: number; waiting: number };
  /** Work queued inside the process: public checks logged but not yet written. */
  queued(): number;
  /** Each streaming replica: answering, and how far behind the primary. */
  replicas(): Array<{ replica: string; up: boolean; lagSeconds: number }>;
}

/**
 * The API's figures in Prometheus' text format at `GET /metrics`: requests and their latency per
 * route and per GraphQL operation (`query.trace`, `mutation.ship`: the root field, never the
 * client's operation name), both database pools, the in-process queue, open alerts by reason,
 * and Node's own (memory, event-loop lag, garbage collection). Read only from METRICS_ALLOW.
 */
export class Metrics {
  readonly registry = new client.Registry();
  private readonly allowed: (address: string) => boolean;
  private readonly requests: Histogram<'route' | 'method' | 'status'>;
  private readonly requestSeries = new Map<string, Series>();
  private readonly operations: Histogram<'operation' | 'outcome'>;

  constructor(sources: MetricsSources, allow: readonly string[]) {
    const trusted = compileTrustedProxies(allow);
    this.allowed = (address) => trusted(address, 0);
    const registers = [this.registry];
    client.collectDefaultMetrics({ register: this.registry, prefix: 'jejak_' });
    this.requests = new Histogram(
      'jejak_http_request_duration_seconds',
      'HTTP requests by route, method and status, and how long each took to answer.',
      ['route', 'method', 'status'],
      SECONDS,
      this.registry,
    );
    this.operations = new Histogram(
      'jejak_graphql_operation_duration_seconds',
      'GraphQL operations by root field (query.trace, mutation.ship) and outcome (ok or the first error code).',
      ['operation', 'outcome'],
      SECONDS,
      this.registry,
    );
    new client.Gauge({
      name: 'jejak_db_pool_connections',
      help: 'Database connections of the API by pool (sql: bulk work and reads; orm: accounts and catalogue) and state (used, idle, waiting: calls waiting for a connection).',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        const { pool } = sources;
        this.set({ pool: 'sql', state: 'used' }, pool.totalCount - pool.idleCount);
        this.set({ pool: 'sql', state: 'idle' }, pool.idleCount);
        this.set({ pool: 'sql', state: 'waiting' }, pool.waitingCount);
        const orm = sources.ormPool();
        this.set({ pool: 'orm', state: 'used' }, orm.used);
        this.set({ pool: 'orm', state: 'idle' }, orm.free);
        this.set({ pool: 'orm', state: 'waiting' }, orm.waiting);
      },
    });
    new client.Gauge({
      name: 'jejak_queue_depth',
      help: 'Work queued in the process and not yet written (scan_log: public checks).',
      labelNames: ['queue'],
      registers,
      collect() {
        this.set({ queue: 'scan_log' }, sources.queued());
      },
    });
    new client.Gauge({
      name: 'jejak_db_replica_lag_seconds',
      help: 'How far behind the primary each streaming replica has replayed (DATABASE_REPLICA_URLS); +Inf when it does not answer.',
      labelNames: ['replica'],
      registers,
      collect() {
        this.reset();
        for (const replica of sources.replicas()) this.set({ replica: replica.replica }, replica.up ? replica.lagSeconds : Infinity);
      },
    });
    new client.Gauge({
      name: 'jejak_alerts_open',
      help: 'Alerts not yet closed, by reason.',
      labelNames: ['reason'],
      registers,
      // From the database: a scrape while it is down or slow still gives every other figure.
      async collect() {
        this.reset();
        let timer: NodeJS.Timeout | undefined;
        try {
          const counted = sources.pool.query<{ reason: string; open: number }>(
            `select reason, count(*)::int as open from alert where status <> 'CLOSED' group by reason`,
          );
          const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ALERTS_TIMEOUT_MS)));
          const { rows } = await Promise.race([counted, late]);
          for (const row of rows) this.set({ reason: row.reason }, row.open);
        } catch (error) {
          logger.warn({ reason: (error as Error).message }, 'metrics: open alerts not counted');
        } finally {
          clearTimeout(timer);
        }
      },
    });
  }

  /**
   * Whether the peer (the connection itself, not a forwarded address) may read the figures. A
   * request that came through a proxy (it says whom for) is refused: behind a proxy on the same
   * host, everyone would otherwise arrive from loopback.
   */
  mayRead(req: IncomingMessage): boolean {
    if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
    const address = req.socket.remoteAddress;
    return !!address && this.allowed(address);
  }

  /** Times a request from now until its answer has been sent. */
  observe(req: IncomingMessage, res: ServerResponse) {
    // Named now: a router mounted on a path rewrites req.url while it works.
    const route = routeOf(req.url ?? '');
    const method = METHODS.has(req.method ?? '') ? req.method! : 'other';
    const start = performance.now();
    res.once('finish', () => this.seriesOf(route, method, res.statusCode).observe((performance.now() - start) / 1000));
  }

  /** One series of the request histogram, looked up once: routes, methods and statuses are few. */
  private seriesOf(route: string, method: string, status: number) {
    const key = `${route} ${method} ${status}`;
    let series = this.requestSeries.get(key);
    if (!series) this.requestSeries.set(key, (series = this.requests.of({ route, method, status: String(status) })));
    return series;
  }

  /** An Apollo plugin that times each operation under its root field. */
  graphqlPlugin(): ApolloServerPlugin<Context> {
    const operations = this.operations;
    return {
      async requestDidStart() {
        const start = performance.now();
        let operation = 'unparsed';
        return {
          async didResolveOperation({ operation: resolved }) {
            if (!resolved) return;
            const field = resolved.selectionSet.selections.find((selection) => selection.kind === 'Field');
            operation = `${resolved.operation}.${field?.kind === 'Field' ? field.name.value : 'fragment'}`;
          },
          async willSendResponse({ response }) {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            const code = errors?.[0]?.extensions?.code;
            const outcome = errors?.length ? (typeof code === 'string' ? code : 'error') : 'ok';
            operations.of({ operation, outcome }).observe((performance.now() - start) / 1000);
          },
        };
      },
    };
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
