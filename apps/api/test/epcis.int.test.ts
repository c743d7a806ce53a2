import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHashId, namespacesOf } from '../src/modules/epcis/event-hash.js';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, type Tokens } from './lifecycle-helpers.js';
import { allPages, capture, comparable, epcis, fixtures } from './epcis-helpers.js';

let server: TestServer;
let tokens: Tokens;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const eventsOf = (document: any): any[] => (document.epcisBody ? document.epcisBody.eventList : [document]);

/** A small ObjectEvent of the repository kind (no Jejak pack), with an EPC of its own. */
function objectEvent(epc: string, eventTime: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'ObjectEvent',
    eventTime,
    eventTimeZoneOffset: '+07:00',
    epcList: [epc],
    action: 'OBSERVE',
    bizStep: 'inspecting',
    readPoint: { id: 'urn:epc:id:sgln:0614141.00777.0' },
    ...extra,
  };
}

const documentOf = (events: unknown[], context: unknown[] = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld']) => ({
  '@context': context,
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-11-29T08:00:00Z',
  epcisBody: { eventList: events },
});

let serialCounter = 0;
const freshEpc = () => `urn:epc:id:sgtin:0614141.107346.T${Date.now().toString(36)}${serialCounter++}`;

describe('the example documents', () => {
  it('accepts every valid one and answers each event as it was sent', async () => {
    const seen = new Map<string, any>();
    const valid = fixtures('valid');
    expect(valid.length).toBe(30);
    for (const { name, document } of valid) {
      const single = name.startsWith('single-');
      const namespaces = namespacesOf(document['@context']);
      const sent = eventsOf(document).map((event) => ({ event, id: (event.eventID as string | undefined) ?? eventHashId(event, { namespaces }), generated: !event.eventID }));
      if (single) {
        const answer = await epcis(server, 'POST', '/epcis/events', { token: tokens.industri, body: document });
        const duplicate = seen.has(`${sent[0]!.event.errorDeclaration ? '!' : ''}${sent[0]!.id}`);
        expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(duplicate ? 409 : 201);
        if (duplicate) expect(answer.body.type).toBe('epcisException:ResourceConflictException');
        else expect(answer.headers.get('location')).toBe(`/epcis/events/${encodeURIComponent(sent[0]!.id)}`);
      } else {
        const { posted, job } = await capture(server, tokens.industri, document);
        expect(posted.status, `${name}: ${JSON.stringify(posted.body)}`).toBe(202);
        expect(job, name).toMatchObject({ running: false, success: true, errors: [], captureErrorBehaviour: 'rollback' });
      }
      for (const { event, id, generated } of sent) {
        const key = `${event.errorDeclaration ? '!' : ''}${id}`;
        const answer = await epcis(server, 'GET', `/epcis/events?EQ_eventID=${encodeURIComponent(id)}`, { token: tokens.industri });
        expect(answer.status, name).toBe(200);
        const stored = answer.body.epcisBody.queryResults.resultsBody.eventList.find((e: any) => Boolean(e.errorDeclaration) === Boolean(event.errorDeclaration));
        expect(stored, `${name}: event ${id}`).toBeDefined();
        expect(stored.eventID).toBe(id);
        expect(Date.parse(stored.recordTime)).toBeGreaterThan(Date.now() - 600_000);
        // The same event captured again is stored once: the first capture's stays.
        const first = seen.get(key);
        expect(comparable(stored, generated), `${name}: event ${id}`).toEqual(first ? comparable(first.event, first.generated) : comparable(event, generated));
        if (!first) seen.set(key, { event, generated });
      }
    }
  });

  it('answers the namespaces of the documents in the @context of a query', async () => {
    const document = fixtures('valid').find((f) => f.name === 'ObjectEvent_with_userExtensions.json')!.document;
    const prefixes = Object.keys(namespacesOf(document['@context']));
    expect(prefixes.length).toBeGreaterThan(0);
    const epc = eventsOf(document)[0].epcList[0];
    const answer = await epcis(server, 'GET', `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`, { token: tokens.industri });
    expect(answer.body['@context'][0]).toBe('https://ref.gs1.org/standards/epcis/epcis-context.jsonld');
    expect(Object.keys(namespacesOf(answer.body['@context']))).toEqual(expect.arrayContaining(prefixes));
  });

  it('refuses every invalid one whole, each problem located', async () => {
    const invalid = fixtures('invalid');
    expect(invalid.length).toBe(5);
    for (const { name, document } of invalid) {
      const answer = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, body: document });
      expect(answer.status, name).toBe(400);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body.type, name).toBe('epcisException:ValidationException');
      expect(answer.body.errors.length, name).toBeGreaterThan(0);
      for (const problem of answer.body.errors) {
        expect(problem.instance, `${name}: ${problem.title}`).toMatch(/^#(\/|$)/);
        expect(problem.title.length).toBeGreaterThan(10);
      }
      for (const event of eventsOf(document).filter((e: any) => e.eventID)) {
        const stored = await epcis(server, 'GET', `/epcis/events/${encodeURIComponent(event.eventID)}`, { token: tokens.bpom });
        // An eventID of an invalid document may name an event of a valid one; never this document's version of it.
        if (stored.status === 200) expect(comparable(stored.body, false)).not.toEqual(comparable(event, false));
      }
    }
    const action = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, body: invalid.find((f) => f.name === 'ObjectEvent_with_invalid_action.json')!.document });
    expect(action.body.errors.map((p: any) => p.instance)).toContain('#/epcisBody/eventList/0/action');
  });
});

describe('capture', () => {
  it('gives an event without eventID its Event Hash ID, and stores the same event once', async () => {
    const epc = freshEpc();
    const event = objectEvent(epc, '2026-11-20T10:00:00.000+07:00');
    const document = documentOf([event]);
    expect((await capture(server, tokens.industri, document)).job.success).toBe(true);
    expect((await capture(server, tokens.industri, document)).job.success).toBe(true);
    const { events } = await allPages(server, tokens.industri, `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`);
    expect(events).toHaveLength(1);
    expect(events[0].eventID).toBe(eventHashId(event));
    expect(events[0].eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('finds an event by its EPC in either form, URN or Digital Link', async () => {
    const epc = freshEpc();
    expect((await capture(server, tokens.industri, documentOf([objectEvent(epc, '2026-11-20T10:00:00Z')]))).job.success).toBe(true);
    const serial = epc.split('.').pop();
    const link = `https://id.gs1.org/01/10614141073464/21/${serial}`;
    const { events } = await allPages(server, tokens.industri, `/epcis/events?MATCH_anyEPC=${encodeURIComponent(link)}`);
    expect(events.map((e) => e.epcList)).toEqual([[epc]]);
  });

  it('takes one event on POST /epcis/events and answers 409 when its eventID is stored', async () => {
    const event = { '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'], ...objectEvent(freshEpc(), '2026-11-21T09:00:00Z'), eventID: `urn:uuid:${crypto.randomUUID()}` };
    expect((await epcis(server, 'POST', '/epcis/events', { token: tokens.industri, body: event })).status).toBe(201);
    const again = await epcis(server, 'POST', '/epcis/events', { token: tokens.industri, body: event });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('epcisException:ResourceConflictException');
    const found = await epcis(server, 'GET', `/epcis/events/${encodeURIComponent(event.eventID)}`, { token: tokens.industri });
    expect(found.status).toBe(200);
    expect(found.body.epcList).toEqual(event.epcList);
  });

  it('refuses more events than the advertised limit with 413, and bodies that are not JSON documents with 400 or 415', async () => {
    const options = await epcis(server, 'OPTIONS', '/epcis/capture', { token: tokens.industri });
    expect(options.status).toBe(204);
    const limit = Number(options.headers.get('gs1-epcis-capture-limit'));
    expect(limit).toBeGreaterThan(0);
    expect(Number(options.headers.get('gs1-epcis-capture-file-size-limit'))).toBeGreaterThan(0);
    const epc = freshEpc();
    const many = documentOf(Array.from({ length: limit + 1 }, (_e, i) => objectEvent(`${epc}x${i}`, '2026-11-20T10:00:00Z')));
    const tooMany = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, body: many });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.type).toBe('epcisException:CaptureLimitExceededException');
    expect((await allPages(server, tokens.bpom, `/epcis/events?MATCH_epc=${encodeURIComponent(`${epc}x0`)}`)).events).toEqual([]);

    const notJson = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, raw: '{"type": "EPCISDocument",' });
    expect(notJson.status).toBe(400);
    expect(notJson.type).toContain('application/problem+json');
    const xmlType = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, raw: '{}', headers: { 'content-type': 'text/plain' } });
    expect(xmlType.status).toBe(415);
    const behaviour = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, body: documentOf([]), headers: { 'GS1-Capture-Error-Behaviour': 'sometimes' } });
    expect(behaviour.status).toBe(400);
  });

  it('answers 401 without a token and 404 for another organisation’s capture job', async () => {
    const anonymous = await epcis(server, 'GET', '/epcis/events');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.type).toBe('epcisException:SecurityException');
    const { posted } = await capture(server, tokens.industri, documentOf([objectEvent(freshEpc(), '2026-11-20T10:00:00Z')]));
    const other = await epcis(server, 'GET', posted.headers.get('location')!, { token: tokens.apotek });
    expect(other.status).toBe(404);
    expect(other.body.type).toBe('epcisException:NoSuchResourceException');
  });
});

describe('queries', () => {
  it('pages with perPage, nextPageToken and Link, in order, and stops at eventCountLimit', async () => {
    const epc = freshEpc();
    const events = Array.from({ length: 25 }, (_e, i) => objectEvent(epc, new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), { bizStep: i % 2 ? 'inspecting' : 'storing' }));
    expect((await capture(server, tokens.industri, documentOf(events))).job.success).toBe(true);
    const path = `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}&orderBy=eventTime&orderDirection=ASC&perPage=10`;
    const all = await allPages(server, tokens.industri, path);
    expect(all.pages).toBe(3);
    expect(all.events.map((e) => e.eventTime)).toEqual(events.map((e) => e.eventTime));
    const desc = await allPages(server, tokens.industri, path.replace('ASC', 'DESC'));
    expect(desc.events.map((e) => e.eventTime)).toEqual(events.map((e) => e.eventTime).reverse());
    const limited = await allPages(server, tokens.industri, `${path}&eventCountLimit=15`);
    expect(limited.events).toHaveLength(15);
    expect(limited.events.at(-1).eventTime).toBe(events[14]!.eventTime);
    const storing = await allPages(server, tokens.industri, `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}&EQ_bizStep=storing&GE_eventTime=2026-11-01T00:05:00Z&LT_eventTime=2026-11-01T00:15:00Z&orderBy=eventTime&orderDirection=ASC`);
    expect(storing.events.map((e) => e.eventTime)).toEqual(events.filter((_e, i) => i >= 5 && i < 15 && i % 2 === 0).map((e) => e.eventTime));
    const page = await epcis(server, 'GET', `${path}`, { token: tokens.industri });
    expect(page.body.type).toBe('EPCISQueryDocument');
    expect(page.headers.get('gs1-epcis-version')).toBe('2.0.0');
    expect(page.headers.get('gs1-cbv-version')).toBe('2.0.0');
    expect(page.headers.get('gs1-epc-format')).toBeTruthy();
  });

  it('refuses unknown or malformed parameters with a QueryParameterException', async () => {
    for (const query of ['EQ_colour=red', 'GE_eventTime=yesterday', 'orderBy=colour', 'eventCountLimit=5', 'perPage=0', 'nextPageToken=abc', 'EQ_action=MOVE']) {
      const answer = await epcis(server, 'GET', `/epcis/events?${query}`, { token: tokens.industri });
      expect(answer.status, query).toBe(400);
      expect(answer.body.type, query).toBe('epcisException:QueryParameterException');
    }
  });

  it('shows another organisation none of the events it neither captured nor is named in; BPOM sees all', async () => {
    const epc = freshEpc();
    const event = { ...objectEvent(epc, '2026-11-20T10:00:00Z'), eventID: `urn:uuid:${crypto.randomUUID()}` };
    expect((await capture(server, tokens.industri, documentOf([event]))).job.success).toBe(true);
    const path = `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`;
    expect((await allPages(server, tokens.industri, path)).events).toHaveLength(1);
    expect((await allPages(server, tokens.bpom, path)).events).toHaveLength(1);
    expect((await allPages(server, tokens.apotek, path)).events).toHaveLength(0);
    expect((await allPages(server, tokens.pbf, '/epcis/events?perPage=1000')).events.map((e) => e.eventID)).not.toContain(event.eventID);
    expect((await epcis(server, 'GET', `/epcis/events/${encodeURIComponent(event.eventID)}`, { token: tokens.apotek })).status).toBe(404);
  });

  it('answers discovery', async () => {
    const options = await epcis(server, 'OPTIONS', '/epcis', { token: tokens.industri });
    expect(options.status).toBe(204);
    expect(options.headers.get('gs1-epcis-version')).toBe('2.0.0');
    expect(options.headers.get('allow')).toContain('GET');
    const root = await epcis(server, 'GET', '/epcis', { token: tokens.industri });
    expect(root.body).toEqual(expect.arrayContaining(['capture', 'events']));
    const missing = await epcis(server, 'GET', '/epcis/nothing', { token: tokens.industri });
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });
});
