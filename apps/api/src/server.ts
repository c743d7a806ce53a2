import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler } from 'express';
import pg from 'pg';
import type { Config } from './config.js';
import { createContext, requestInfo, type Context, type ContextDeps } from './context.js';
import { compileTrustedProxies } from './shared/proxies.js';
import { openOrm } from './db/orm.js';
import { seedDemo } from './modules/demo/demo.seed.js';
import { seedDemoPacks, type DemoCodes } from './modules/demo/demo.packs.js';
import { codeDownloads } from './modules/codes/codes.routes.js';
import { csvUploads } from './modules/packs/csv.routes.js';
import { complaintPhotos } from './modules/alerts/alert.routes.js';
import { inspectionRoutes } from './modules/inspections/inspection.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { epcisRoutes } from './modules/epcis/epcis.routes.js';
import { publicVerification } from './modules/verification/verification.routes.js';
import { graphqlPosts } from './graphql-http.js';
import { buildJejakSchema } from './schema.js';
import { createServices, type Services } from './services.js';
import { BodyError } from './shared/body.js';
import { AppError, errorBody, formatError, formatErrorWithoutSuggestions, httpStatusOf, knownError } from './shared/errors.js';
import { GRAPHQL_LIMITS, costLimit, limitRules } from './shared/graphql-limits.js';
import { securityHeaders } from './shared/security-headers.js';
import { HistoryPartitions } from './db/partitions.js';
import { logger } from './shared/logger.js';
import { StartupError, reasonOf } from './startup-error.js';
import { createPool } from './shared/db.js';
import { ReplicaSet } from './db/replicas.js';
import { Metrics } from './modules/operations/metrics.js';
import { backupRoutes } from './modules/operations/backup.routes.js';
import { operationRoutes, ormPoolState, type Operations } from './modules/operations/operations.routes.js';
import { ensureSummaryTimeZone } from './modules/reports/rebuild.js';

export interface RunningServer {
  url: string;
  port: number;
  orm: MikroORM;
  pool: pg.Pool;
  services: Services;
  /** Demo accounts created on this start, if the database was empty. */
  demoAccounts: string[];
  /** Example codes of the demo data, when it was loaded on this start. */
  demoCodes: DemoCodes | null;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The clock's source of the current time (tests move it). */
  now?: () => Date;
}

/** Connects to `databaseUrl`, migrates, seeds demo data if asked, and serves HTTP. */
export async function startServer(config: Config, databaseUrl: string, options: ServerOptions = {}): Promise<RunningServer> {
  const schema = await buildJejakSchema();
  const orm = await openOrm(databaseUrl);
  const pool = createPool(databaseUrl, 20);
  const services = createServices(config, pool, options.now);
  const trustProxy = compileTrustedProxies(config.trustedProxies);
  const app = express();
  app.disable('x-powered-by');
  // The two busiest routes go straight from Node's HTTP server; everything else through Express.
  // Every answer, whichever way it goes, carries the security headers.
  let direct: Array<(req: http.IncomingMessage, res: http.ServerResponse) => boolean> = [];
  const headers = securityHeaders(trustProxy);
  const replicas = new ReplicaSet(pool, config.replicaUrls, config.replicaMaxLagSeconds * 1000);
  const metrics = new Metrics(
    { pool, ormPool: () => ormPoolState(orm), queued: () => services.verification.unwrittenScans, replicas: () => replicas.state() },
    config.metricsAllow,
  );
  const httpServer = http.createServer((req, res) => {
    metrics.observe(req, res);
    headers(req, res);
    if (!direct.some((route) => route(req, res))) app(req, res);
  });
  // Outside development the schema is not told: no introspection, no "Did you mean …?" (the
  // published schema is packages/schema/schema.graphql), and no landing page, which loads its
  // code from elsewhere and which the CSP would block anyway.
  const apollo = new ApolloServer<Context>({
    schema,
    nodeEnv: config.development ? 'development' : 'production',
    formatError: config.development ? formatError : formatErrorWithoutSuggestions,
    includeStacktraceInErrorResponses: false,
    introspection: config.development,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens },
    validationRules: limitRules,
    // Signals are main.ts's: it stops the server, then the database.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), costLimit(schema), metrics.graphqlPlugin()],
  });
  let apolloStarted = false;
  const partitions = new HistoryPartitions();
  const state = { draining: false };
  /** Stops taking requests (/readyz says so), lets those under way finish (10 s at most), then closes the pools. */
  const close = async () => {
    state.draining = true;
    if (apolloStarted) await apollo.stop();
    await replicas.close();
    partitions.stop();
    await services.ledger.stop();
    await services.subscriptions.stop();
    await services.verification.close();
    await pool.end();
    await orm.close();
  };

  try {
    await partitions.start(pool);
    if (await ensureSummaryTimeZone(pool, services.clock.timeZone)) {
      logger.info({ timeZone: services.clock.timeZone }, 'report summaries rebuilt from the event log for the reporting time zone');
    }
    await services.ledger.start(pool);
    await services.subscriptions.start(databaseUrl, pool);
    await replicas.start();
    const deps: ContextDeps = { em: orm.em, pool, replicas, services, trustProxy };
    const demoAccounts = config.demo ? await seedDemo(orm.em.fork()) : [];
    const demoCodes = demoAccounts.length ? await seedDemoPacks(deps) : null;

    await apollo.start();
    apolloStarted = true;
    direct = [publicVerification(deps), graphqlPosts(apollo, deps)];
    routes(app, apollo, deps, config, { metrics, state });
    const port = await listen(httpServer, config.port);
    const url = `http://localhost:${port}`;
    logger.info({ url }, 'Jejak is listening');
    return { url, port, orm, pool, services, demoAccounts, demoCodes, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * The routes Express serves: the probes and /metrics, /graphql (other than POST), the CSV and
 * download routes, the dashboard.
 */
function routes(app: express.Express, apollo: ApolloServer<Context>, deps: ContextDeps, config: Config, operations: Operations) {
  app.use(operationRoutes(deps.pool, operations));

  app.use(
    '/graphql',
    express.json({ limit: '50mb' }),
    expressMiddleware(apollo, { context: ({ req }) => createContext(deps, requestInfo(req, deps.trustProxy)) }),
  );

  app.use(csvUploads(deps), codeDownloads(deps), complaintPhotos(deps), inspectionRoutes(deps), ledgerRoutes(deps), backupRoutes(deps), epcisRoutes(deps));
  app.use('/api', (req, res) => {
    res.status(404).json(errorBody(`No endpoint ${req.method} /api${req.path}`, 'NOT_FOUND'));
  });
  serveDashboard(app, config.dashboardDir);
  app.use(jsonErrors);
}

/** Listens on `port` (0: any free one) and returns the port; a port in use is refused in words. */
async function listen(httpServer: http.Server, port: number): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StartupError(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use; stop what is using it, or set PORT to another port.`
        : `Jejak cannot listen on port ${port} (${reasonOf(error)}); set PORT to another port, such as 4000.`,
    );
  }
  return (httpServer.address() as { port: number }).port;
}

/** The built single-page app: its files, and index.html for every other page it routes. */
function serveDashboard(app: express.Express, dir: string) {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dir }, 'the dashboard is not built; only the API is served');
    return;
  }
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get(/^(?!\/(graphql|api|healthz|livez|readyz|metrics|epcis)(\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Malformed bodies and unknown failures answer as JSON, never as a stack trace. */
const jsonErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  if (res.headersSent) {
    logger.error({ err: error }, 'failed while streaming a response');
    res.destroy();
    return;
  }
  if (!(error instanceof AppError) && typeof error?.status === 'number' && error.status < 500) {
    res.status(error.status).json(errorBody(String(error.message ?? 'Bad request'), 'BAD_REQUEST'));
    return;
  }
  const known = knownError(error, 'an HTTP request');
  if (typeof known.details.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(known.details.retryAfterSeconds));
  res.status(known instanceof BodyError ? known.status : httpStatusOf(known.code)).json(errorBody(known.message, known.code, known.details));
};
