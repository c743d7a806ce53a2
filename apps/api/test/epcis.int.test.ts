import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHashId, namespacesOf } from '../src/modules/epcis/event-hash.js';
import { startTestServer, type TestServer } from './harness.js';
import { toEpcUri } from '@jejak/gs1';
import { gs1CheckDigit } from '../src/modules/epcis/canonical-epc.js';
import { demoTokens, facilityId, issueCodes, op, packOf, reasons, type Tokens } from './lifecycle-helpers.js';
import { allPages, capture, comparable, epcis, fixtures, jsonTwin, xmlFixtures } from './epcis-helpers.js';

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

describe('the XML example documents', () => {
  const hashesOf = (document: any) => eventsOf(document).map((event) => event.eventID ?? eventHashId(event, { namespaces: namespacesOf(document['@context']) }));

  it('accepts every valid one, each event the same as its JSON example (same eventID or Event Hash ID)', async () => {
    const valid = xmlFixtures('valid');
    expect(valid.length).toBe(29);
    for (const { name, text } of valid) {
      const twin = jsonTwin('valid', name);
      const headers = { 'content-type': 'application/xml' };
      if (name.startsWith('single-')) {
        const answer = await epcis(server, 'POST', '/epcis/events', { token: tokens.industri, raw: text, headers });
        // The JSON example of the same event was stored above: the same event, by eventID or hash.
        expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(twin ? 409 : 201);
        if (!twin) {
          const stored = await epcis(server, 'GET', answer.headers.get('location')!, { token: tokens.industri });
          expect(stored.body).toMatchObject({ type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', epcList: ['urn:epc:id:sgtin:0614141.107346.2018'] });
        }
        continue;
      }
      const { posted, job } = await capture(server, tokens.industri, text, headers);
      expect(posted.status, `${name}: ${JSON.stringify(posted.body)}`).toBe(202);
      expect(job, name).toMatchObject({ success: true, errors: [] });
      expect(twin, name).not.toBeNull();
      for (const id of hashesOf(twin)) {
        const found = await epcis(server, 'GET', `/epcis/events?EQ_eventID=${encodeURIComponent(id)}`, { token: tokens.industri });
        expect(found.body.epcisBody.queryResults.resultsBody.eventList.length, `${name}: ${id}`).toBeGreaterThan(0);
      }
    }
  });

  it('refuses the invalid ones, each problem located, and XML that is not well-formed', async () => {
    for (const { name, text } of xmlFixtures('invalid')) {
      const answer = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, raw: text, headers: { 'content-type': 'application/xml' } });
      expect(answer.status, name).toBe(400);
      expect(answer.body.errors[0].instance, name).toMatch(/^#\/epcisBody\/eventList\/0/);
    }
    const broken = await epcis(server, 'POST', '/epcis/capture', { token: tokens.industri, raw: '<epcis:EPCISDocument><EPCISBody>', headers: { 'content-type': 'text/xml' } });
    expect(broken.status).toBe(400);
    expect(broken.body.title).toContain('line');
    const entities = await epcis(server, 'POST', '/epcis/capture', {
      token: tokens.industri,
      raw: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(entities.status).toBe(400);
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
    // Asked for Digital Links, the EPCs and locations come as Digital Links.
    const asLinks = await epcis(server, 'GET', `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`, { token: tokens.industri, headers: { 'GS1-EPC-Format': 'Always_GS1_Digital_Link' } });
    expect(asLinks.headers.get('gs1-epc-format')).toBe('Always_GS1_Digital_Link');
    expect(asLinks.body.epcisBody.queryResults.resultsBody.eventList[0]).toMatchObject({ epcList: [link], readPoint: { id: 'https://id.gs1.org/414/0614141007776' } });
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
    const id = posted.headers.get('location')!.split('/').pop();
    expect((await epcis(server, 'GET', '/epcis/capture', { token: tokens.industri })).body.map((job: any) => job.captureID)).toContain(id);
    expect((await epcis(server, 'GET', '/epcis/capture', { token: tokens.apotek })).body.map((job: any) => job.captureID)).not.toContain(id);
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

  it('refuses webhooks to loopback and private network addresses unless allowed', async () => {
    const name = `private-${Date.now().toString(36)}`;
    expect((await epcis(server, 'POST', '/epcis/queries', { token: tokens.industri, body: { name, query: {} } })).status).toBe(201);
    for (const dest of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'https://10.1.2.3/x', 'http://[::1]:80/x', 'http://169.254.169.254/latest']) {
      const answer = await epcis(server, 'POST', `/epcis/queries/${name}/subscriptions`, { token: tokens.industri, body: { dest, stream: true } });
      expect(answer.status, dest).toBe(400);
      expect(answer.body.type, dest).toBe('epcisException:SubscriptionControlsException');
    }
    const allowed = await epcis(server, 'POST', `/epcis/queries/${name}/subscriptions`, { token: tokens.industri, body: { dest: 'https://203.0.113.7/hook', stream: true } });
    expect(allowed.status).toBe(201);
    expect((await epcis(server, 'DELETE', `/epcis/queries/${name}`, { token: tokens.industri })).status).toBe(204);
    expect((await epcis(server, 'GET', allowed.headers.get('location')!, { token: tokens.industri })).status).toBe(404);
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

describe('custody through EPCIS', () => {
  const gln = (body: string) => body + gs1CheckDigit(body);
  const GLN = { plant: gln('899999900001'), pbf: gln('899999900002'), apotek: gln('899999900003') };
  const place = (code: string) => ({ id: `https://id.gs1.org/414/${code}` });
  const sgln = (code: string) => `urn:epc:id:sgln:${code.slice(0, 7)}.${code.slice(7, 12)}.0`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.plant = await facilityId(server, tokens.industri, 'Pabrik Sehat Farma');
    ids.pbf = await facilityId(server, tokens.industri, 'Nusantara');
    ids.apotek = await facilityId(server, tokens.industri, 'Sentosa');
    for (const name of ['plant', 'pbf', 'apotek'] as const) await server.pool.query('update facility set gln = $1 where id = $2', [GLN[name], ids[name]]);
  });

  /** A code's EPC: an SGTIN URN for a GS1 code, the NIE URI for a BPOM one. */
  const epcOf = (code: string) => {
    const gtin = /\(01\)(\d{14})/.exec(code)?.[1];
    const serial = /\(21\)(.+)$/.exec(code)![1]!;
    if (gtin) return toEpcUri([{ ai: '01', value: gtin }, { ai: '21', value: serial }], 7)!;
    const nie = /\(90\)([A-Z0-9]+)/.exec(code)![1]!;
    return `urn:jejak:nie:${nie}:${encodeURIComponent(serial)}`;
  };
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const step = (bizStep: string, epcs: string[], where: string, minutes: number, extra: Record<string, unknown> = {}) => ({
    type: 'ObjectEvent',
    eventTime: minutesAgo(minutes),
    eventTimeZoneOffset: '+07:00',
    epcList: epcs,
    action: bizStep === 'commissioning' ? 'ADD' : 'OBSERVE',
    bizStep,
    readPoint: place(where),
    bizLocation: place(where),
    ...extra,
  });
  const to = (where: string) => ({ destinationList: [{ type: 'location', destination: sgln(where) }] });

  it('applies commissioning, shipping, receiving and dispensing through the lifecycle, seen in the trace and the realisation', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2, gtin: gln(`08999999${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`) });
    const [u1, u2] = issued.units as [string, string];
    const epcs = [epcOf(u1), epcOf(u2)];
    expect(epcs[0]).toMatch(/^urn:epc:id:sgtin:/);
    const steps: Array<[string, unknown]> = [
      [tokens.industri, step('commissioning', epcs, GLN.plant, 60)],
      [tokens.industri, step('shipping', epcs, GLN.plant, 50, to(GLN.pbf))],
      [tokens.pbf, step('receiving', epcs, GLN.pbf, 40)],
      [tokens.pbf, step('shipping', [epcs[0]], GLN.pbf, 30, to(GLN.apotek))],
      [tokens.apotek, step('receiving', [epcs[0]], GLN.apotek, 20)],
      [tokens.apotek, step('dispensing', [epcs[0]], GLN.apotek, 10)],
    ];
    for (const [token, event] of steps) {
      const { job } = await capture(server, token, documentOf([event]));
      expect(job, JSON.stringify(job)).toMatchObject({ success: true, errors: [] });
    }
    expect(await packOf(server, tokens.bpom, u1)).toMatchObject({ status: 'DISPENSED', custodian: { id: ids.apotek } });
    expect(await packOf(server, tokens.bpom, u2)).toMatchObject({ status: 'ACTIVE', custodian: { id: ids.pbf } });
    const { data } = await server.gql(`query($c: String!) { trace(code: $c) { events { type source at facility { id } counterparty { id } } } }`, { c: u1 }, tokens.bpom);
    expect(data.trace.events.map((e: any) => [e.type, e.source, e.facility.id])).toEqual([
      ['ACTIVATED', 'EPCIS', ids.plant],
      ['SHIPPED', 'EPCIS', ids.plant],
      ['RECEIVED', 'EPCIS', ids.pbf],
      ['SHIPPED', 'EPCIS', ids.pbf],
      ['RECEIVED', 'EPCIS', ids.apotek],
      ['DISPENSED', 'EPCIS', ids.apotek],
    ]);
    expect(data.trace.events[1].counterparty.id).toBe(ids.pbf);
    expect(data.trace.events[5].at).toBe(new Date((steps[5]![1] as any).eventTime).toISOString());
    const day = server.services.clock.dayOf(new Date((steps[5]![1] as any).eventTime));
    const realisation = await server.gql(`query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { dispensed } }`, { f: { nie: issued.nie, from: day, to: day } }, tokens.bpom);
    expect(realisation.data.realisation[0].dispensed).toBe(1);

    // The pack's whole history through the query, by Digital Link or URN: the six captured events,
    // then a movement made in Jejak's own screens, served as an EPCIS event.
    await op.decommission(server, tokens.pbf, [u2], 'DESTROYED');
    const history = await allPages(server, tokens.bpom, `/epcis/events?MATCH_epc=${encodeURIComponent(epcs[1]!)}&orderBy=eventTime&orderDirection=ASC`);
    expect(history.events.map((e) => e.bizStep)).toEqual(['commissioning', 'shipping', 'receiving', 'destroying']);
    const own = history.events[3];
    expect(own).toMatchObject({ type: 'ObjectEvent', disposition: 'destroyed', bizLocation: { id: `https://id.gs1.org/414/${GLN.pbf}` } });
    expect(own.eventID).toMatch(/^urn:jejak:event:\d+$/);
    expect(own.epcList).toEqual([`https://id.gs1.org/01/${/\(01\)(\d{14})/.exec(u2)![1]}/21/${/\(21\)(.+)$/.exec(u2)![1]}`]);
    expect((await epcis(server, 'GET', `/epcis/events/${encodeURIComponent(own.eventID)}`, { token: tokens.pbf })).status).toBe(200);
    expect((await epcis(server, 'GET', `/epcis/events/${encodeURIComponent(own.eventID)}`, { token: tokens.apotek })).status).toBe(404);
    // The distributor sees the shipment the manufacturer captured to it; the pharmacy does not.
    const seenByPbf = await allPages(server, tokens.pbf, `/epcis/events?MATCH_epc=${encodeURIComponent(epcs[1]!)}&EQ_bizStep=shipping`);
    expect(seenByPbf.events).toHaveLength(1);
    expect((await allPages(server, tokens.apotek, `/epcis/events?MATCH_epc=${encodeURIComponent(epcs[1]!)}`)).events).toEqual([]);
  });

  it('refuses a shipment to the wrong facility with Jejak’s reason, as GraphQL does', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const [u1] = issued.units as [string];
    expect((await op.activate(server, tokens.industri, [u1])).accepted).toBe(1);
    expect((await op.ship(server, tokens.industri, [u1], ids.pbf!)).accepted).toBe(1);
    expect((await op.receive(server, tokens.pbf, [u1])).accepted).toBe(1);
    const epc = epcOf(u1);
    expect(epc).toMatch(/^urn:jejak:nie:/);
    // A distributor may not ship to the manufacturer's plant.
    const { job } = await capture(server, tokens.pbf, documentOf([step('shipping', [epc], GLN.pbf, 5, to(GLN.plant))]));
    expect(job.success).toBe(false);
    expect(job.errors).toHaveLength(1);
    const graphql = await op.ship(server, tokens.pbf, [u1], ids.plant!);
    expect(graphql.accepted).toBe(0);
    expect(reasons(graphql)).toHaveLength(1);
    expect(job.errors[0]).toMatchObject({ instance: '#/epcisBody/eventList/0', code: epc, reason: graphql.rejected[0]!.reason, rule: graphql.rejected[0]!.rule });
    expect(job.errors[0].title).toContain(graphql.rejected[0]!.message);
    expect(await packOf(server, tokens.pbf, u1)).toMatchObject({ status: 'ACTIVE', custodian: { id: ids.pbf } });
    // Receiving at a facility it was not shipped to: the same reason as the receive mutation.
    const wrongPlace = await capture(server, tokens.industri, documentOf([step('receiving', [epc], GLN.pbf, 5)]));
    expect(wrongPlace.job.errors[0]).toMatchObject({ instance: '#/epcisBody/eventList/0/bizLocation' });
  });

  it('packs units into a case and takes them out again with AggregationEvents naming the SSCC', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 4, unitsPerCase: 2 });
    const [c1, c2] = issued.cases as [string, string];
    const units = issued.units.slice(0, 2).map(epcOf);
    const sscc = toEpcUri([{ ai: '00', value: /\(00\)(\d{18})/.exec(c1)![1]! }], 7)!;
    expect(sscc).toMatch(/^urn:epc:id:sscc:/);
    const aggregation = (action: string, bizStep: string, minutes: number, children?: string[], parentID = sscc) => ({
      type: 'AggregationEvent',
      eventTime: minutesAgo(minutes),
      eventTimeZoneOffset: '+07:00',
      parentID,
      ...(children ? { childEPCs: children } : {}),
      action,
      bizStep,
      bizLocation: place(GLN.plant),
    });
    const packed = await capture(server, tokens.industri, documentOf([step('commissioning', units, GLN.plant, 30), aggregation('ADD', 'packing', 20, units)]));
    expect(packed.job, JSON.stringify(packed.job)).toMatchObject({ success: true });
    expect(await packOf(server, tokens.industri, c1)).toMatchObject({ status: 'ACTIVE', childCount: 2 });
    const { data } = await server.gql(`query($c: String!) { trace(code: $c) { events { type parentCode } } }`, { c: issued.units[0] }, tokens.industri);
    expect(data.trace.events.map((e: any) => e.type)).toEqual(['ACTIVATED', 'AGGREGATED']);
    expect(data.trace.events[1].parentCode).toBe(c1);
    const unpacked = await capture(server, tokens.industri, documentOf([aggregation('DELETE', 'unpacking', 10)]));
    expect(unpacked.job).toMatchObject({ success: true });
    expect((await packOf(server, tokens.industri, c1)).childCount).toBe(0);
    // Packing a unit that sits in another case is refused as the aggregate mutation refuses it.
    expect((await op.aggregate(server, tokens.industri, c1, [issued.units[0]!])).accepted).toBe(1);
    const other = `https://id.gs1.org/00/${/\(00\)(\d{18})/.exec(c2)![1]}`;
    const refused = await capture(server, tokens.industri, documentOf([aggregation('ADD', 'packing', 5, [units[0]!], other)]));
    expect(refused.job.success).toBe(false);
    const graphql = await op.aggregate(server, tokens.industri, c2, [issued.units[0]!]);
    expect(reasons(graphql)).toHaveLength(1);
    expect(refused.job.errors).toMatchObject([{ code: units[0], reason: graphql.rejected[0]!.reason, rule: graphql.rejected[0]!.rule }]);
    expect((await packOf(server, tokens.industri, c2)).childCount).toBe(0);
  });

  it('rolls the whole capture back by default, and with proceed stores what passes', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const [u1, u2, u3] = issued.units.map(epcOf) as [string, string, string];
    expect((await op.activate(server, tokens.industri, [issued.units[0]!])).accepted).toBe(1);
    const document = (minutes: number) =>
      documentOf([step('commissioning', [u2], GLN.plant, minutes), step('commissioning', [u1], GLN.plant, minutes), step('commissioning', [u3], GLN.plant, minutes)]);

    const rolledBack = await capture(server, tokens.industri, document(15));
    expect(rolledBack.job).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'rollback' });
    expect(rolledBack.job.errors.map((e: any) => [e.instance, e.reason])).toEqual([['#/epcisBody/eventList/1', 'WRONG_STATE']]);
    expect((await packOf(server, tokens.industri, issued.units[1]!)).status).toBe('ISSUED');
    expect((await allPages(server, tokens.industri, `/epcis/events?MATCH_epc=${encodeURIComponent(u2)}`)).events).toEqual([]);

    const proceeded = await capture(server, tokens.industri, document(14), { 'GS1-Capture-Error-Behaviour': 'proceed' });
    expect(proceeded.job).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'proceed' });
    expect(proceeded.job.errors.map((e: any) => [e.instance, e.reason])).toEqual([['#/epcisBody/eventList/1', 'WRONG_STATE']]);
    expect((await packOf(server, tokens.industri, issued.units[1]!)).status).toBe('ACTIVE');
    expect((await packOf(server, tokens.industri, issued.units[2]!)).status).toBe('ACTIVE');
    const stored = await allPages(server, tokens.industri, `/epcis/events?MATCH_anyEPC=${encodeURIComponent(u1)}|${encodeURIComponent(u2)}|${encodeURIComponent(u3)}&EQ_bizStep=commissioning`);
    // u1's own activation (made through GraphQL) is Jejak's event; u2 and u3 were captured.
    const captured = stored.events.filter((e) => !e.eventID.startsWith('urn:jejak:event:'));
    expect(captured.map((e) => e.epcList[0]).sort()).toEqual([u2, u3].sort());
    expect(stored.events.filter((e) => e.eventID.startsWith('urn:jejak:event:'))).toHaveLength(1);
  });
});
