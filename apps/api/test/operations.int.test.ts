import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeOf } from '../src/modules/operations/metrics.js';
import { startTestServer, type TestServer } from './harness.js';
import { allCodes, demoTokens, issueCodes, type Tokens } from './lifecycle-helpers.js';

/** The probes, the Prometheus figures and a stop that lets work under way finish. */

let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string, headers: Record<string, string> = {}, on = server) => fetch(`${on.url}${path}`, { headers });

/** The value of one series in Prometheus' text format, or null when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=[a-z_]+=")/);
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return null;
}

describe('probes', () => {
  it('answers liveness and readiness apart, and /healthz as before', async () => {
    for (const [path, status] of [
      ['/livez', 'alive'],
      ['/readyz', 'ok'],
      ['/healthz', 'ok'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe(status);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('GET /metrics', () => {
  it('counts requests per route and GraphQL operations per root field, never by names a caller chooses', async () => {
    await server.gql(`query CallerChosenName123 { me { email } }`, {}, tokens.bpom);
    await server.gql(`{ me { email } }`);
    await get('/api/ledger/days/2020-01-01');
    await get('/api/zz-caller-chosen-path-456');
    await get(`/api/verify?code=${encodeURIComponent('(01)09506000134352(21)NOT-A-JEJAK-CODE')}`);
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'jejak_graphql_operation_duration_seconds_count', { operation: 'query.me', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'jejak_graphql_operation_duration_seconds_count', { operation: 'query.me', outcome: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'jejak_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'jejak_http_request_duration_seconds_count', { route: '/api/ledger/days/:day', method: 'GET', status: '404' })).toBe(1);
    expect(sample(text, 'jejak_http_request_duration_seconds_count', { route: '/api/other', method: 'GET', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'jejak_http_request_duration_seconds_count', { route: '/api/verify', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('CallerChosenName123');
    expect(text).not.toContain('zz-caller-chosen');
    expect(sample(text, 'jejak_db_pool_connections', { pool: 'sql', state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'jejak_db_pool_connections', { pool: 'orm', state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'jejak_queue_depth', { queue: 'scan_log' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'jejak_process_resident_memory_bytes', {})).toBeGreaterThan(0);
  });

  it('counts open alerts by reason from the database', async () => {
    const open = async () => sample(await (await get('/metrics')).text(), 'jejak_alerts_open', { reason: 'NOT_FOUND' }) ?? 0;
    const before = await open();
    // Unknown codes from one device make one alert: this is a device of its own.
    const answer = await get(`/api/verify?code=${encodeURIComponent('(90)DKL9999999999A1(10)NOPE(17)291231(21)NEVERISSUED1')}`, { 'user-agent': 'metrics-test-phone' });
    expect(((await answer.json()) as { verdict: string }).verdict).toBe('SUSPECT');
    expect(await open()).toBe(before + 1);
  });

  it('is refused through a proxy, even one on this host, and names odd methods "other"', async () => {
    const proxied = await get('/metrics', { 'x-forwarded-for': '203.0.113.9' });
    expect(proxied.status).toBe(403);
    await fetch(`${server.url}/api/verify`, { method: 'PROPFIND' });
    const text = await (await get('/metrics')).text();
    expect(text).not.toContain('PROPFIND');
    expect(sample(text, 'jejak_http_request_duration_seconds_count', { route: '/api/verify', method: 'other' })).toBeGreaterThanOrEqual(1);
  });

  it('is refused to a peer outside METRICS_ALLOW, whatever address it forwards', async () => {
    const closed = await startTestServer({ METRICS_ALLOW: '10.0.0.0/8', TRUSTED_PROXIES: 'loopback' });
    try {
      const response = await get('/metrics', { 'x-forwarded-for': '10.1.2.3' }, closed);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('FORBIDDEN');
      expect((await get('/livez', {}, closed)).status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('names every address by a closed set of routes', () => {
    expect(routeOf('/api/code-requests/6b1f/labels.pdf?size=1')).toBe('/api/code-requests/:id/labels.pdf');
    expect(routeOf('/api/csv/movements')).toBe('/api/csv/movements');
    expect(routeOf('/api/ledger/events/123/proof')).toBe('/api/ledger/events/:id/proof');
    expect(routeOf('/graphql?x=1')).toBe('/graphql');
    expect(routeOf('/epcis/events?MATCH_epc=urn:x')).toBe('/epcis/events');
    expect(routeOf('/epcis/capture/abc')).toBe('/epcis/capture');
    expect(routeOf('/api/anything/else')).toBe('/api/other');
    expect(routeOf('/verify?code=x')).toBe('dashboard');
    expect(routeOf('/something-random')).toBe('dashboard');
  });
});

describe('stopping', () => {
  it('finishes an upload under way, then takes no new connection', async () => {
    const stopping = await startTestServer();
    const issued = await issueCodes(stopping, tokens, { quantity: 3000 });
    const codes = (await allCodes(stopping, tokens.industri, issued.requestId)).filter((code) => code.level === 'UNIT').map((code) => code.text);
    const lines = ['code,event,to,time', ...codes.map((code) => `"${code}",activate,,`)];
    const half = lines.length >> 1;
    // The file is sent in two halves: the server is stopped while it has only the first.
    const encoder = new TextEncoder();
    let send!: (text: string | null) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        send = (text) => (text === null ? controller.close() : controller.enqueue(encoder.encode(text)));
      },
    });
    const upload = fetch(`${stopping.url}/api/csv/movements`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.industri}` },
      body,
      duplex: 'half',
    } as RequestInit);
    send(lines.slice(0, half).join('\n') + '\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    let stoppedYet = false;
    const stopped = stopping.stop().then(() => (stoppedYet = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stoppedYet).toBe(false);
    send(lines.slice(half).join('\n'));
    send(null);
    const answer = await upload;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { accepted: number }).accepted).toBe(codes.length);
    await stopped;
    await expect(fetch(`${stopping.url}/livez`)).rejects.toThrow();
    const { rows } = await server.pool.query<{ active: number }>(
      `select count(*)::int as active from pack p where p.code_request_id = $1 and p.status = 'ACTIVE'`,
      [issued.requestId],
    );
    expect(rows[0]!.active).toBe(codes.length);
  });
});
