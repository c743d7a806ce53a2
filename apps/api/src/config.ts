import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  /** A PostgreSQL server to use; without it an embedded PostgreSQL runs under `dataDir`. */
  databaseUrl: string | null;
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
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const sessionHours = Number(env.SESSION_HOURS ?? 12);
  if (!(sessionHours > 0)) throw new Error(`SESSION_HOURS must be a positive number, got "${env.SESSION_HOURS}"`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    demo: env.DEMO !== '0' && env.DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    dashboardDir: path.resolve(env.DASHBOARD_DIR ?? path.join(here, '../../dashboard/dist')),
    sessionHours,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
