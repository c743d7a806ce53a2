import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTrustedProxies } from './shared/proxies.js';
import { LOG_LEVELS, isLogLevel } from './shared/logger.js';
import { StartupError, reasonOf } from './startup-error.js';
import { DEFAULT_REPORTED_WINDOW_DAYS, DEFAULT_TIME_ZONE, checkTimeZone } from './modules/lifecycle/clock.js';

export interface Config {
  port: number;
  /** A PostgreSQL server to use; without it an embedded PostgreSQL runs under `dataDir`. */
  databaseUrl: string | null;
  /** Streaming replicas for public verification, reports and trace (DATABASE_REPLICA_URLS). */
  replicaUrls: string[];
  /** How far behind the primary a replica may be and still answer (REPLICA_MAX_LAG_SECONDS). */
  replicaMaxLagSeconds: number;
  dataDir: string;
  /** Load demo data into an empty database. */
  demo: boolean;
  logLevel: string;
  /** The built dashboard, served at `/`. */
  dashboardDir: string;
  /** How long a login token stays valid. */
  sessionHours: number;
  /** Where the public reaches Jejak: the host of the GS1 Digital Links printed on packs. */
  publicUrl: string;
  /** The time zone whose calendar days every summary and report counts in. */
  reportTimeZone: string;
  /** How many days back a reported event time may go. */
  reportedWindowDays: number;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client. */
  trustedProxies: string[];
  /** Who may read /metrics: addresses and CIDR ranges of the peer itself (never a forwarded address). */
  metricsAllow: string[];
  /** An SMTP server for e-mailing notifications (smtp://user:pass@host:587); none sends no e-mail. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** The Ed25519 key that signs the ledger's daily roots (PEM); made on a first or demo start. */
  ledgerKeyFile: string;
  /** NODE_ENV=development: GraphQL introspection and "Did you mean …?" suggestions are open. */
  development: boolean;
  /** EPCIS webhooks may go to loopback and private network addresses (WEBHOOK_PRIVATE_DESTINATIONS=1). */
  webhookPrivateDestinations: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) refuse('PORT', 'a port number from 0 to 65535, such as 4000', env.PORT);
  const sessionHours = Number(env.SESSION_HOURS ?? 12);
  if (!(sessionHours > 0)) refuse('SESSION_HOURS', 'a positive number of hours', env.SESSION_HOURS);
  const reportedWindowDays = Number(env.REPORTED_TIME_WINDOW_DAYS ?? DEFAULT_REPORTED_WINDOW_DAYS);
  if (!Number.isInteger(reportedWindowDays) || reportedWindowDays < 1 || reportedWindowDays > 3650) {
    refuse('REPORTED_TIME_WINDOW_DAYS', 'a whole number of days from 1 to 3650', env.REPORTED_TIME_WINDOW_DAYS);
  }
  const reportTimeZone = env.REPORT_TIME_ZONE || DEFAULT_TIME_ZONE;
  if (!isTimeZone(reportTimeZone)) refuse('REPORT_TIME_ZONE', 'a time zone name such as Asia/Jakarta', reportTimeZone);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!isLogLevel(logLevel)) refuse('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, logLevel);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port,
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean).map((url) => readDatabaseUrl(url, 'DATABASE_REPLICA_URLS')!),
    replicaMaxLagSeconds: readReplicaLag(env.REPLICA_MAX_LAG_SECONDS),
    dataDir,
    demo: env.DEMO !== '0' && env.DEMO !== 'false',
    logLevel,
    dashboardDir: path.resolve(env.DASHBOARD_DIR ?? path.join(here, '../../dashboard/dist')),
    sessionHours,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    reportTimeZone,
    reportedWindowDays,
    trustedProxies: readAddresses('TRUSTED_PROXIES', env.TRUSTED_PROXIES),
    metricsAllow: readAddresses('METRICS_ALLOW', env.METRICS_ALLOW ?? 'loopback'),
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM || 'Jejak <jejak@localhost>',
    ledgerKeyFile: path.resolve(env.LEDGER_KEY_FILE || path.join(dataDir, 'ledger-key.pem')),
    development: env.NODE_ENV === 'development',
    webhookPrivateDestinations: env.WEBHOOK_PRIVATE_DESTINATIONS === '1' || env.WEBHOOK_PRIVATE_DESTINATIONS === 'true',
  };
}

/** Refuses a setting, naming it, what it must be and what it was. */
function refuse(name: string, expected: string, got: string | undefined): never {
  throw new StartupError(`${name} must be ${expected}, got "${got}"; correct it, or leave it unset for the default.`);
}

function isTimeZone(zone: string): boolean {
  try {
    checkTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

/** A PostgreSQL URL; never echoed back, since it may hold a password. */
function readDatabaseUrl(text: string | undefined, name = 'DATABASE_URL'): string | null {
  if (!text) return null;
  if (!URL.canParse(text) || !['postgres:', 'postgresql:'].includes(new URL(text).protocol)) {
    throw new StartupError(
      name === 'DATABASE_URL'
        ? 'DATABASE_URL must be a URL such as postgres://user:password@host:5432/jejak; correct it, or leave it unset for the embedded PostgreSQL.'
        : `${name} must be comma-separated URLs such as postgres://user:password@replica-1:5432/jejak; correct it, or leave it unset to read from the primary only.`,
    );
  }
  return text;
}

/** Seconds, 0.5 to 3600; 5 when unset. */
function readReplicaLag(text: string | undefined): number {
  if (!text) return 5;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0.5 || seconds > 3600) refuse('REPLICA_MAX_LAG_SECONDS', 'a number of seconds from 0.5 to 3600', text);
  return seconds;
}

/** A comma-separated list of IPv4/IPv6 addresses and CIDR ranges (or loopback, linklocal, uniquelocal), each checked. */
function readAddresses(name: string, text: string | undefined): string[] {
  const list = (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  try {
    compileTrustedProxies(list);
  } catch (error) {
    refuse(name, `a comma-separated list of addresses or CIDR ranges such as 10.0.0.0/8 (${reasonOf(error)})`, text);
  }
  return list;
}
