import 'reflect-metadata';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface TestServer extends RunningServer {
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(email: string, password?: string): Promise<string>;
}

/** The host of the Digital Links the test server issues. */
export const PUBLIC_URL = 'https://jejak.example';

/** The API on the run's database, on a free port, with the demo data loaded. */
export async function startTestServer(): Promise<TestServer> {
  const config = { ...loadConfig({ DEMO: '1', LOG_LEVEL: 'warn', PUBLIC_URL: PUBLIC_URL }), port: 0, dashboardDir: '/nonexistent' };
  const server = await startServer(config, inject('databaseUrl'));
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
  return { ...server, gql, login };
}

/** The error codes of a response, in order. */
export const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);
