import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, type Tokens } from './lifecycle-helpers.js';

/**
 * Every public input, fed random and hostile text: whatever is sent, the answer is either a
 * result or a refusal with a code from the closed set, never INTERNAL_SERVER_ERROR, and the
 * server keeps answering.
 */
let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  server = await startTestServer({ TRUSTED_PROXIES: 'loopback' });
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const NAMED = new Set(['BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'TOO_MANY_ATTEMPTS', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN']);
const RUNS = 200;
let device = 0;
/** Each request from an address of its own, so the public limits measure the server, not the test. */
const headers = () => ({ 'content-type': 'application/json', 'x-forwarded-for': `10.99.${(device >> 8) & 255}.${device++ & 255}`, 'user-agent': 'fuzz' });

async function graphql(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { ...headers(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status, 'HTTP status').toBeLessThan(500);
  return (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const expectNamed = (result: { errors?: Array<{ message: string; extensions?: { code?: string } }> }) => {
  for (const error of result.errors ?? []) {
    expect(NAMED, `${error.extensions?.code}: ${error.message}`).toContain(error.extensions?.code);
    expect(error.message.length).toBeGreaterThan(0);
  }
};

/** Text as scanners, people and attackers produce it: GS1 pieces, separators, Unicode, NULs, long runs. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(fc.constantFrom('(01)', '(90)', '(10)', '(17)', '(21)', '(00)', '\u001d', ']d2', ']Q3', '^', 'DKL2104012310A1', '08997001000011', '280631', '991399', 'https://x/01/', '%', '\u0000', '😀', ' '), {
      maxLength: 30,
    })
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(300)),
);

/** Mostly real places (so the code is looked at), sometimes anything a float can be. */
const place = (limit: number) => fc.option(fc.oneof({ arbitrary: fc.double({ min: -limit, max: limit, noNaN: true }), weight: 3 }, { arbitrary: fc.double(), weight: 1 }), { freq: 4 });

describe('public inputs under fuzzing', () => {
  it('verify (GraphQL) answers or refuses by name, for any code and place', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, place(90), place(180), async (code, latitude, longitude) => {
        expectNamed(await graphql('query($c: String!, $a: Float, $o: Float) { verify(code: $c, latitude: $a, longitude: $o) { verdict reasons } }', { c: code, a: latitude, o: longitude }));
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/verify answers or refuses by name, for any query string', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.string({ maxLength: 30 }), async (code, latitude) => {
        const response = await fetch(`${server.url}/api/verify?code=${encodeURIComponent(code)}&latitude=${encodeURIComponent(latitude)}`, { headers: headers() });
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
        expectNamed(body);
      }),
      { numRuns: RUNS },
    );
  });

  it('parseBarcode, login and reportSuspect answer or refuse by name', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, fc.option(fc.string({ maxLength: 2000 })), async (text, other, photo) => {
        expectNamed(await graphql('query($t: String!) { parseBarcode(text: $t) { valid errors { code } } }', { t: text }));
        expectNamed(await graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: text, p: other }));
        expectNamed(await graphql('mutation($c: String!, $d: String, $p: String) { reportSuspect(code: $c, description: $d, photo: $p) { id } }', { c: text, d: other, p: photo }));
      }),
      { numRuns: RUNS },
    );
  });

  it('variables of the wrong shape are refused by name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        expectNamed(await graphql('query($c: String!) { verify(code: $c) { verdict } }', { c: value }));
        expectNamed(await graphql('mutation($c: [String!]!) { activate(codes: $c) { accepted } }', { c: value }, tokens.industri));
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV cells of any content are refused row by row, never by the server failing', async () => {
    const cell = hostileText.map((text) => `"${text.replace(/"/g, '""')}"`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 1, maxLength: 20 }), async (rows) => {
        for (const kind of ['movements', 'activation']) {
          const header = kind === 'movements' ? 'code,event,to,time' : '2D Barcode,NIE,Lot Number,Expired';
          const response = await fetch(`${server.url}/api/csv/${kind}`, {
            method: 'POST',
            headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.industri}` },
            body: [header, ...rows.map((row) => row.join(','))].join('\n'),
          });
          expect(response.status, kind).toBeLessThan(500);
          const body = (await response.json()) as { accepted?: number; rejected?: Array<{ reason: string; rule: string }>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
          expectNamed(body);
          for (const rejection of body.rejected ?? []) expect(rejection.rule).toBeTruthy();
        }
      }),
      { numRuns: 60 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
