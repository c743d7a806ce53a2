import { createHmac } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, type Tokens } from './lifecycle-helpers.js';
import { capture, epcis } from './epcis-helpers.js';

let server: TestServer;
let tokens: Tokens;

beforeAll(async () => {
  // The subscriber of these tests listens on loopback.
  server = await startTestServer({ WEBHOOK_PRIVATE_DESTINATIONS: '1' });
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

/** A subscriber's endpoint that can go down (its port closed) and come back on the same port. */
class Receiver {
  readonly bodies: Array<{ body: string; signature: string | undefined }> = [];
  private server: http.Server | null = null;
  port = 0;

  async up(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        this.bodies.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['gs1-signature'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async down(): Promise<void> {
    const closing = this.server;
    this.server = null;
    closing?.closeAllConnections();
    await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
  }

  /** Every eventID received, once each (a subscriber de-duplicates by eventID). */
  eventIds(): Set<string> {
    return new Set(this.bodies.flatMap(({ body }) => JSON.parse(body).epcisBody.queryResults.resultsBody.eventList.map((e: any) => e.eventID as string)));
  }
}

const event = (epc: string, minute: number) => ({
  type: 'ObjectEvent',
  eventTime: new Date(Date.UTC(2026, 10, 2, 0, minute)).toISOString(),
  eventTimeZoneOffset: '+07:00',
  epcList: [epc],
  action: 'OBSERVE',
  bizStep: 'inspecting',
  readPoint: { id: 'urn:epc:id:sgln:0614141.00777.0' },
});
const documentOf = (events: unknown[]) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-11-29T08:00:00Z',
  epcisBody: { eventList: events },
});

async function until<T>(what: string, check: () => Promise<T | null | false>, timeoutMs = 40_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('webhook subscriptions', () => {
  it('sends every new matching event to a subscriber that goes down and comes back, signed, each eventID received', async () => {
    const receiver = new Receiver();
    await receiver.up();
    const epc = `urn:epc:id:sgtin:0614141.107346.W${Date.now().toString(36)}`;
    const other = `${epc}-other`;
    const name = `pack-watch-${Date.now().toString(36)}`;
    const created = await epcis(server, 'POST', '/epcis/queries', { token: tokens.industri, body: { name, query: { MATCH_epc: [epc], eventType: ['ObjectEvent'] } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(`/epcis/queries/${name}`);
    const secret = 'shared-secret-of-the-subscriber';
    const subscribed = await epcis(server, 'POST', `/epcis/queries/${name}/subscriptions`, {
      token: tokens.industri,
      body: { dest: `http://127.0.0.1:${receiver.port}/epcis-events`, signatureToken: secret, stream: true },
    });
    expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);
    const location = subscribed.headers.get('location')!;

    // Up: the first capture arrives.
    const first = await capture(server, tokens.industri, documentOf([event(epc, 1), event(other, 2)]));
    expect(first.job.success).toBe(true);
    await until('the first delivery', async () => receiver.eventIds().size >= 1);

    // Down: deliveries fail and are retried; their attempts are visible to the owner.
    await receiver.down();
    const second = await capture(server, tokens.industri, documentOf([event(epc, 3), event(epc, 4), event(other, 5)]));
    expect(second.job.success).toBe(true);
    const failing = await until('a failed attempt', async () => {
      const seen = await epcis(server, 'GET', location, { token: tokens.industri });
      return seen.body.deliveries.find((d: any) => d.attempts >= 1 && !d.deliveredAt && d.lastError) ?? null;
    });
    expect(failing.lastError).toContain('could not be reached');
    expect(failing.eventIDs).toHaveLength(2);

    // Back up on the same port: the retries get through.
    await receiver.up();
    await until('every event', async () => receiver.eventIds().size >= 3);
    const expected = await epcis(server, 'GET', `/epcis/queries/${name}/events?perPage=100`, { token: tokens.industri });
    const ids = expected.body.epcisBody.queryResults.resultsBody.eventList.map((e: any) => e.eventID);
    expect(ids).toHaveLength(3);
    expect([...receiver.eventIds()].sort()).toEqual([...ids].sort());
    for (const { body, signature } of receiver.bodies) {
      expect(signature).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
      expect(JSON.parse(body).type).toBe('EPCISQueryDocument');
    }
    const after = await epcis(server, 'GET', location, { token: tokens.industri });
    const retried = after.body.deliveries.find((d: any) => d.id === failing.id);
    expect(retried.deliveredAt).not.toBeNull();
    expect(retried.attempts).toBeGreaterThan(1);

    // Another organisation sees neither the query nor its subscription.
    expect((await epcis(server, 'GET', location, { token: tokens.pbf })).status).toBe(404);
    expect((await epcis(server, 'GET', `/epcis/queries/${name}`, { token: tokens.pbf })).status).toBe(404);
    await receiver.down();
    expect((await epcis(server, 'DELETE', location, { token: tokens.industri })).status).toBe(204);
  });

  it('refuses subscriptions it cannot serve, and queries with unknown parameters', async () => {
    const name = `q-${Date.now().toString(36)}`;
    expect((await epcis(server, 'POST', '/epcis/queries', { token: tokens.industri, body: { name, query: { EQ_colour: ['red'] } } })).body.type).toBe(
      'epcisException:QueryParameterException',
    );
    expect((await epcis(server, 'POST', '/epcis/queries', { token: tokens.industri, body: { name, query: {} } })).status).toBe(201);
    expect((await epcis(server, 'POST', '/epcis/queries', { token: tokens.industri, body: { name, query: {} } })).status).toBe(409);
    const scheduled = await epcis(server, 'POST', `/epcis/queries/${name}/subscriptions`, { token: tokens.industri, body: { dest: 'https://example.com/x', schedule: { hour: '1' } } });
    expect(scheduled.body.type).toBe('epcisException:SubscriptionControlsException');
    const badDest = await epcis(server, 'POST', `/epcis/queries/${name}/subscriptions`, { token: tokens.industri, body: { dest: 'ftp://example.com/x', stream: true } });
    expect(badDest.status).toBe(400);
    const missing = await epcis(server, 'POST', `/epcis/queries/nothing-here/subscriptions`, { token: tokens.industri, body: { dest: 'https://example.com/x', stream: true } });
    expect(missing.body.type).toBe('epcisException:NoSuchNameException');
  });
});
