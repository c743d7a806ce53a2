import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { expect, inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { reconcile } from '../src/modules/reports/rebuild.js';
import { startServer, type RunningServer } from '../src/server.js';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface TestServer extends RunningServer {
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  /** Moves the server's clock to `at` (null: back to the real time). */
  setTime(at: Date | null): void;
  /**
   * Checks that every summary table agrees with the event log and that the ledger matches it,
   * then stops the server. Every integration file ends its scenario with it, so a summary
   * update that goes missing or wrong, or an event written around the ledger, fails the suite.
   */
  close(): Promise<void>;
  /** Stops the server as SIGTERM does (draining what is under way), without the checks of close(). */
  stop(): Promise<void>;
}

/** The host of the Digital Links the test server issues. */
export const PUBLIC_URL = 'https://jejak.example';

/**
 * The API on the run's database (or `databaseUrl`), on a free port, with the demo data loaded;
 * `env` as the server would read it (no dashboard unless it names a DASHBOARD_DIR).
 */
export async function startTestServer(env: Record<string, string> = {}, databaseUrl = inject('databaseUrl')): Promise<TestServer> {
  const config = {
    ...loadConfig({ DEMO: '1', LOG_LEVEL: 'warn', PUBLIC_URL, DASHBOARD_DIR: '/nonexistent', LEDGER_KEY_FILE: inject('ledgerKeyFile'), ...env }),
    port: 0,
  };
  let offset = 0;
  const server = await startServer(config, databaseUrl, { now: () => new Date(Date.now() + offset) });
  const gql: TestServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<GraphQLResponse>;
  };
  const login = async (email: string, password = 'demo12345') => {
    const result = await gql(`mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`, { e: email, p: password });
    if (!result.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token as string;
  };
  return {
    ...server,
    gql,
    login,
    stop: () => server.close(),
    setTime: (at) => {
      offset = at ? at.getTime() - Date.now() : 0;
    },
    close: async () => {
      try {
        expect(await reconcile(server.pool, config.reportTimeZone), 'summary tables against the event log').toEqual([]);
        const ledger = await server.services.ledger.check(server.pool, {});
        expect(ledger.problem, 'the ledger against the event log').toBeNull();
      } finally {
        await server.close();
      }
    },
  };
}

/** The error codes of a response, in order. */
export const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

export const DAY_MS = 86_400_000;
/** A time `days` before now (fractions allowed). */
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
/** `at` written as Indonesian western time (WIB, UTC+7), as a spreadsheet there would. */
export const wib = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');

/**
 * The headers of a simulated device: a user agent of its name and an address of its own
 * (10.x.y.z, drawn from the name), forwarded as a proxy would. The server must trust loopback
 * as a proxy (`startTestServer({ TRUSTED_PROXIES: 'loopback' })`).
 */
export function deviceHeaders(name: string, address = addressOf(name)): Record<string, string> {
  return { 'user-agent': name, 'x-forwarded-for': address };
}

export function addressOf(name: string): string {
  const hash = createHash('sha256').update(name).digest();
  return `10.${hash[0]}.${hash[1]}.${hash[2]}`;
}
