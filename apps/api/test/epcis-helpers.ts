import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { TestServer } from './harness.js';

/** The OpenEPCIS example documents kept in test/fixtures/epcis (Apache-2.0, see its LICENSE file). */
export const FIXTURES = new URL('./fixtures/epcis/', import.meta.url);

export function fixtures(kind: 'valid' | 'invalid'): Array<{ name: string; document: any }> {
  return readdirSync(new URL(`${kind}/`, FIXTURES))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, document: JSON.parse(readFileSync(new URL(`${kind}/${name}`, FIXTURES), 'utf8')) }));
}

/** The OpenEPCIS XML example documents (test/fixtures/epcis/xml), as text. */
export function xmlFixtures(kind: 'valid' | 'invalid'): Array<{ name: string; text: string }> {
  return readdirSync(new URL(`xml/${kind}/`, FIXTURES))
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(`xml/${kind}/${name}`, FIXTURES), 'utf8') }));
}

/** The JSON example of the same name, if there is one. */
export function jsonTwin(kind: 'valid' | 'invalid', xmlName: string): any | null {
  const url = new URL(`${kind}/${xmlName.replace(/\.xml$/, '.json')}`, FIXTURES);
  return existsSync(url) ? JSON.parse(readFileSync(url, 'utf8')) : null;
}

export interface EpcisAnswer {
  status: number;
  headers: Headers;
  body: any;
  type: string;
}

/** A request to the EPCIS binding, its JSON answer read whatever the status. */
export async function epcis(
  server: TestServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<EpcisAnswer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined || options.raw !== undefined ? { 'content-type': 'application/ld+json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, type: response.headers.get('content-type') ?? '' };
}

/** Captures a document (a JSON value, or XML text) and answers its finished capture job. */
export async function capture(server: TestServer, token: string, document: unknown, headers: Record<string, string> = {}) {
  const posted = await epcis(server, 'POST', '/epcis/capture', typeof document === 'string' ? { token, raw: document, headers } : { token, body: document, headers });
  if (posted.status !== 202) return { posted, job: null };
  const location = posted.headers.get('location')!;
  const job = await epcis(server, 'GET', location, { token });
  return { posted, job: job.body };
}

/** Every event answering a query, following the Link headers page after page. */
export async function allPages(server: TestServer, token: string, path: string): Promise<{ events: any[]; pages: number }> {
  const events: any[] = [];
  let pages = 0;
  let next: string | null = path;
  while (next) {
    const page = await epcis(server, 'GET', next, { token });
    if (page.status !== 200) throw new Error(`${next}: ${page.status} ${JSON.stringify(page.body)}`);
    pages++;
    events.push(...page.body.epcisBody.queryResults.resultsBody.eventList);
    const link = page.headers.get('link');
    next = link ? /<([^>]+)>;\s*rel="next"/.exec(link)![1]! : null;
  }
  return { events, pages };
}

/** The event as sent, next to the event as stored: without recordTime, and without a generated eventID. */
export function comparable(event: any, generatedId: boolean) {
  const { recordTime: _time, ...rest } = event;
  if (generatedId) delete rest.eventID;
  return rest;
}
