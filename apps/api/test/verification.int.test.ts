import { randomBytes } from 'node:crypto';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, codesOf, deviceHeaders, startTestServer, type TestServer } from './harness.js';
import { buildJejakSchema } from '../src/schema.js';
import { demoTokens, facilityId, issueCodes, op, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let apotekFacility: string;
let pbfFacility: string;
beforeAll(async () => {
  // Devices are simulated behind a trusted proxy: each has an address and a user agent of its own.
  server = await startTestServer({ TRUSTED_PROXIES: 'loopback' });
  tokens = await demoTokens(server);
  apotekFacility = await facilityId(server, tokens.industri, 'Sentosa');
  pbfFacility = await facilityId(server, tokens.industri, 'Nusantara');
});
afterAll(async () => {
  await server?.close();
});

const VERIFY = `query($c: String!, $lat: Float, $lon: Float) { verify(code: $c, latitude: $lat, longitude: $lon) {
  verdict reasons batch expiry serial status activated sample dispensedAt dispensedRegency checkedAt
  product { name nie brand form strength packaging producer registrant } } }`;

/** A verification from a device of its own: an address and a user agent of its own. */
async function verify(code: string, place: { lat?: number; lon?: number } = {}, device = 'phone-1', address?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...deviceHeaders(device, address) },
    body: JSON.stringify({ query: VERIFY, variables: { c: code, lat: place.lat, lon: place.lon } }),
  });
  return (await response.json()) as any;
}
const verdict = async (code: string, place = {}, device?: string) => {
  const result = await verify(code, place, device);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.verify;
};

const JAKARTA = { lat: -6.2, lon: 106.85 };
const MEDAN = { lat: 3.59, lon: 98.67 };
const JAYAPURA = { lat: -2.53, lon: 140.72 };

describe('verify', () => {
  it('answers GENUINE for an active pack, with the Rincian and nothing about who holds it', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    const answer = await verdict(issued.units[0]!, JAKARTA);
    expect(answer).toMatchObject({
      verdict: 'GENUINE',
      reasons: [],
      batch: issued.batch,
      expiry: '2029-08-31',
      status: 'ACTIVE',
      activated: true,
      sample: false,
      dispensedAt: null,
      product: { nie: issued.nie, form: 'Tablet', packaging: 'Dus', registrant: 'PT Sehat Farma Indonesia' },
    });
    const raw = JSON.stringify(answer);
    expect(raw).not.toMatch(/Pabrik|Bandung|Gudang|custod/i);
  });

  it('offers no field a competitor could use', async () => {
    // Read from the schema itself: the server answers no introspection outside development.
    const verification = (await buildJejakSchema()).getType('Verification') as GraphQLObjectType;
    expect(Object.keys(verification.getFields()).sort()).toEqual(
      ['activated', 'batch', 'checkedAt', 'dispensedAt', 'dispensedRegency', 'expiry', 'product', 'reasons', 'sample', 'serial', 'status', 'verdict'].sort(),
    );
  });

  it('answers CAUTION for a dispensed pack, with when and in which regency, never by whom', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, issued.units, apotekFacility);
    await op.receive(server, tokens.apotek, issued.units);
    await op.dispense(server, tokens.apotek, issued.units);
    const answer = await verdict(issued.units[0]!);
    expect(answer).toMatchObject({ verdict: 'CAUTION', reasons: ['DISPENSED'], status: 'DISPENSED', dispensedRegency: 'Kota Surabaya' });
    expect(answer.dispensedAt).not.toBeNull();
    expect(JSON.stringify(answer)).not.toMatch(/Apotek|Sentosa/);
  });

  it('answers CAUTION for a recalled or expired pack', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "uji") { id } }`, { n: issued.nie, b: issued.batch }, tokens.bpom);
    expect(await verdict(issued.units[0]!)).toMatchObject({ verdict: 'CAUTION', reasons: ['RECALLED'] });

    const old = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, old.units);
    const { rows } = await server.pool.query(
      `update batch set expiry = current_date - 1 where lot = $1 and product_id = (select id from product where nie = $2) returning to_char(expiry, 'YYMMDD') as d`,
      [old.batch, old.nie],
    );
    expect(await verdict(old.units[0]!.replace(/\(17\)\d{6}/, `(17)${rows[0].d}`))).toMatchObject({ verdict: 'CAUTION', reasons: ['EXPIRED'] });
  });

  it.each([
    ['an unknown serial', 'NOT_FOUND'],
    ['an issued code never activated', 'NOT_ACTIVATED'],
    ['a destroyed pack seen again', 'DECOMMISSIONED'],
    ['a batch that differs from the one issued', 'DATA_MISMATCH'],
  ])('answers SUSPECT for %s', async (what, reason) => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    let code = issued.units[0]!;
    if (reason !== 'NOT_ACTIVATED') await op.activate(server, tokens.industri, issued.units);
    if (reason === 'DECOMMISSIONED') await op.decommission(server, tokens.industri, issued.units, 'DESTROYED');
    if (reason === 'NOT_FOUND') code = code.replace(/\(21\).*/, '(21)FEEDFACE0000000');
    if (reason === 'DATA_MISMATCH') code = code.replace(/\(10\)[^(]*/, '(10)PALSU1');
    const answer = await verdict(code, {}, `device-${what}`);
    expect(answer.verdict).toBe('SUSPECT');
    expect(answer.reasons).toEqual([reason]);
    expect(answer.product.nie).toBe(issued.nie);
  });

  it('answers INVALID for what is no GS1 or BPOM code', async () => {
    expect(await verdict('hello world')).toMatchObject({ verdict: 'INVALID', reasons: ['MALFORMED'], product: null });
    expect(await verdict('(90)DBL0204127763A1(10)A(17)251300(21)X')).toMatchObject({ verdict: 'INVALID' });
  });

  it('answers GENUINE with NOT_SERIALISED for an identification code of a registered NIE', async () => {
    expect(await verdict('(90)DBL0204127763A1(10)try019(17)291231')).toMatchObject({
      verdict: 'GENUINE',
      reasons: ['NOT_SERIALISED'],
      product: { nie: 'DBL0204127763A1', name: 'Parasetamol' },
    });
    expect(await verdict('(90)DBL9999999999A1(10)try019(17)291231')).toMatchObject({ verdict: 'SUSPECT', reasons: ['NOT_FOUND'] });
  });

  it('refuses an over-long code, a NUL character and impossible places as bad input', async () => {
    expect(codesOf(await verify('x'.repeat(5000)))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await verify('(90)DBL0204127763A1\u0000'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await verify('(90)DBL0204127763A1', { lat: 91 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('clone detection', () => {
  it('suspects a clone when two devices check one code in Jakarta and in Medan within the hour: CAUTION while BPOM looks', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    const code = issued.units[0]!;
    expect((await verdict(code, JAKARTA, 'jakarta-phone')).verdict).toBe('GENUINE');
    expect(await verdict(code, MEDAN, 'medan-phone')).toMatchObject({ verdict: 'CAUTION', reasons: ['CLONE_SUSPECTED'] });
    expect(await verdict(code, JAKARTA, 'someone-else')).toMatchObject({ verdict: 'CAUTION', reasons: ['CLONE_SUSPECTED'] });
  });

  it('never suspects one device whose own places change, however far and fast', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    const code = issued.units[0]!;
    expect((await verdict(code, JAKARTA, 'one-phone')).verdict).toBe('GENUINE');
    expect(await verdict(code, JAYAPURA, 'one-phone')).toMatchObject({ verdict: 'GENUINE', reasons: [] });
    expect(await verdict(code, JAKARTA, 'one-phone')).toMatchObject({ verdict: 'GENUINE', reasons: [] });
    expect(await verdict(code, {}, 'another-phone')).toMatchObject({ verdict: 'GENUINE', reasons: [] });
  });

  it('suspects a clone when many devices check one code, but not a few', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push((await verdict(issued.units[0]!, JAKARTA, `device-${i}`)).verdict);
    expect(verdicts).toEqual(['GENUINE', 'GENUINE', 'GENUINE', 'GENUINE', 'GENUINE', 'CAUTION']);
  });

  it('does not suspect one device checking again and again in one city', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    for (let i = 0; i < 8; i++) expect((await verdict(issued.units[0]!, JAKARTA, 'the-same-phone')).verdict).toBe('GENUINE');
  });

  it('follows BPOM’s decision: SUSPECT once confirmed falsified, the normal verdict after a false alarm', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    const [fake, genuine] = issued.units as [string, string];
    const close = async (code: string, resolution: string) => {
      const { data } = await server.gql(`{ alerts(status: OPEN) { id reason code } }`, {}, tokens.bpom);
      const alert = data.alerts.find((a: any) => a.reason === 'CLONE_SUSPECTED' && a.code === code);
      expect(alert, `a clone alert for ${code}`).toBeDefined();
      const closed = await server.gql(`mutation($id: ID!, $r: AlertResolution!) { closeAlert(id: $id, resolution: $r) { status } }`, { id: alert.id, r: resolution }, tokens.bpom);
      expect(closed.errors).toBeUndefined();
    };
    for (const code of [fake, genuine]) {
      await verdict(code, JAKARTA, `decided-jakarta-${code.slice(-4)}`);
      expect((await verdict(code, MEDAN, `decided-medan-${code.slice(-4)}`)).verdict).toBe('CAUTION');
    }
    await close(fake, 'CONFIRMED_FALSIFIED');
    expect(await verdict(fake, JAKARTA, 'decided-later')).toMatchObject({ verdict: 'SUSPECT', reasons: ['CLONE_SUSPECTED'] });
    await close(genuine, 'FALSE_ALARM');
    expect(await verdict(genuine, JAKARTA, 'decided-later')).toMatchObject({ verdict: 'GENUINE', reasons: [] });
    // The sightings before BPOM's decision no longer count; new ones from two far places do.
    expect((await verdict(genuine, MEDAN, 'decided-later-medan')).verdict).toBe('CAUTION');
  });
});

describe('throttling', () => {
  const unknownCode = () => `(90)DKL2104012310A1(10)AMX2501(21)${randomBytes(6).toString('hex').toUpperCase()}`;

  it('slows an address that checks unknown codes, whatever user agent it sends, and no one else', async () => {
    const address = addressOf(`guesser-${randomBytes(4).toString('hex')}`);
    for (let i = 0; i < 20; i++) expect((await verify(unknownCode(), {}, `guesser-agent-${i}`, address)).data.verify.reasons).toEqual(['NOT_FOUND']);
    const blocked = await verify(unknownCode(), {}, 'a-fresh-agent', address);
    expect(codesOf(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(blocked.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect((await verify('(90)DBL0204127763A1(10)X(17)291231', {}, 'someone-else')).data.verify.verdict).toBe('GENUINE');
  });

  it('counts every alias of one request, and groups one device’s unknown codes of a day in one alert', async () => {
    const device = `alias-guesser-${randomBytes(4).toString('hex')}`;
    // 25 aliases: under the limit of aliases per request (30), over the budget of unknown codes (20).
    const codes = Array.from({ length: 25 }, unknownCode);
    const query = `query { ${codes.map((code, i) => `v${i}: verify(code: ${JSON.stringify(code)}) { reasons }`).join(' ')} }`;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...deviceHeaders(device) },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as any;
    // The first 20 unknown codes are checked; the 21st alias is refused, and with it the answer.
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
    // The checks already under way finish after the answer: wait for their alert.
    const alerts = async () => {
      const { data } = await server.gql(`{ alerts(status: OPEN) { reason code occurrences evidence { code } } }`, {}, tokens.bpom);
      return data.alerts.filter((alert: any) => alert.reason === 'NOT_FOUND' && codes.includes(alert.code));
    };
    await expect.poll(async () => (await alerts())[0]?.occurrences, { timeout: 10_000 }).toBe(20);
    const [alert, ...more] = await alerts();
    expect(more).toEqual([]);
    expect(new Set(alert.evidence.map((e: any) => e.code)).size).toBe(20);
  });
});

describe('GET /api/verify', () => {
  /** The plain JSON route, from a device of its own. */
  const plain = (query: string, device = 'phone-plain', init: RequestInit = {}) =>
    fetch(`${server.url}/api/verify${query}`, { ...init, headers: { ...deviceHeaders(device), ...init.headers } });
  const plainVerify = async (code: string, place: { lat?: number; lon?: number } = {}, device?: string) => {
    const query = new URLSearchParams({ code });
    if (place.lat !== undefined) query.set('latitude', String(place.lat));
    if (place.lon !== undefined) query.set('longitude', String(place.lon));
    const response = await plain(`?${query}`, device);
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  /** The answer without the moment of the check, which differs between two checks. */
  const timeless = ({ checkedAt, ...rest }: Record<string, unknown>) => {
    expect(new Date(checkedAt as string).toString()).not.toBe('Invalid Date');
    return rest;
  };

  it('gives the same answers as the GraphQL verify, field for field', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, [issued.units[1]!], apotekFacility);
    await op.receive(server, tokens.apotek, [issued.units[1]!]);
    await op.dispense(server, tokens.apotek, [issued.units[1]!]);
    const unknown = `(90)${issued.nie}(10)${issued.batch}(17)290831(21)NEVERISSUED01`;
    for (const code of [...issued.units, unknown, 'hello world', '(90)DBL0204127763A1(10)try019(17)291231']) {
      const answer = await plainVerify(code, JAKARTA, 'same-answers');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(timeless(answer.body)).toEqual(timeless(await verdict(code, JAKARTA, 'same-answers')));
    }
    expect((await plainVerify(issued.units[1]!)).body).toMatchObject({ verdict: 'CAUTION', reasons: ['DISPENSED'], dispensedRegency: 'Kota Surabaya' });
  });

  it('is logged and counted for clone detection like any check', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    await op.activate(server, tokens.industri, issued.units);
    const code = issued.units[0]!;
    expect((await plainVerify(code, JAKARTA, 'plain-jakarta')).body.verdict).toBe('GENUINE');
    expect((await verdict(code, MEDAN, 'graphql-medan')).reasons).toEqual(['CLONE_SUSPECTED']);
    expect((await plainVerify(code, JAKARTA, 'plain-jakarta')).body).toMatchObject({ verdict: 'CAUTION', reasons: ['CLONE_SUSPECTED'] });
  });

  it('names what is wrong with a request, as JSON with a status', async () => {
    const cases: Array<[string, number, string, RegExp]> = [
      ['', 400, 'BAD_USER_INPUT', /code is required/],
      ['?code=', 400, 'BAD_USER_INPUT', /code is required/],
      [`?code=${'x'.repeat(5000)}`, 400, 'BAD_USER_INPUT', /5000 characters/],
      ['?code=%2890%29DBL0204127763A1&latitude=north', 400, 'BAD_USER_INPUT', /latitude must be a decimal number such as -6.2, got "north"/],
      ['?code=%2890%29DBL0204127763A1&latitude=91&longitude=0', 400, 'BAD_USER_INPUT', /latitude/],
      ['?code=%2890%29DBL0204127763A1&longitude=181', 400, 'BAD_USER_INPUT', /longitude/],
      ['?code=%2890%29DBL0204127763A1&latitude=0x10', 400, 'BAD_USER_INPUT', /latitude must be a decimal number such as -6.2, got "0x10"/],
      ['?code=%2890%29DBL0204127763A1&latitude=%2B', 400, 'BAD_USER_INPUT', /latitude must be a decimal number such as -6.2, got "\+"/],
      ['?code=%00', 400, 'BAD_USER_INPUT', /NUL character/],
    ];
    for (const [query, status, code, message] of cases) {
      const response = await plain(query);
      expect(response.status, query.slice(0, 60)).toBe(status);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe(code);
      expect(body.errors[0].message).toMatch(message);
    }
    // GET only: a HEAD would be logged and counted without an answer.
    for (const method of ['POST', 'HEAD']) {
      const refused = await plain('?code=x', 'phone-plain', { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get('allow')).toBe('GET');
      if (method === 'POST') expect(((await refused.json()) as any).errors[0].message).toMatch(/POST is not allowed/);
    }
    // Unknown addresses under /api answer JSON too.
    const unknown = await fetch(`${server.url}/api/verify/`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('takes blank places as none, and a place written as a JSON number', async () => {
    const code = '(90)DBL0204127763A1(10)X(17)291231';
    expect((await plain(`?code=${encodeURIComponent(code)}&latitude=%20&longitude=`)).status).toBe(200);
    const answer = await plainVerify(code, { lat: -6.2e0, lon: 1.0685e2 });
    expect(answer.status).toBe(200);
    expect((await plain(`?code=${encodeURIComponent(code)}&latitude=-6.2e0&longitude=1.0685E2`)).status).toBe(200);
  });

  it('slows a guessing address with 429 and Retry-After, and no one else', async () => {
    const device = `plain-guesser-${randomBytes(4).toString('hex')}`;
    const guess = () => plainVerify(`(90)DKL2104012310A1(10)AMX2501(21)${randomBytes(6).toString('hex').toUpperCase()}`, {}, device);
    for (let i = 0; i < 20; i++) expect((await guess()).body.reasons).toEqual(['NOT_FOUND']);
    const blocked = await guess();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: Number(blocked.headers.get('retry-after')) });
    expect((await plainVerify('(90)DBL0204127763A1(10)X(17)291231', {}, 'plain-someone-else')).body.verdict).toBe('GENUINE');
  });
});

describe('alerts', () => {
  const ALERTS = `query($s: AlertStatus) { alerts(status: $s) { id reason status resolution code occurrences product { nie } assignee { email } evidence { kind detail latitude facility } comments { text author } complaints { id hasPhoto } } }`;
  const find = async (token: string, code: string, reason: string) => {
    const { data, errors } = await server.gql(ALERTS, {}, token);
    expect(errors).toBeUndefined();
    return data.alerts.filter((a: any) => a.code === code && a.reason === reason);
  };

  it('opens one alert per code and reason, with the evidence, and BPOM works it to the end', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const code = issued.units[0]!;
    await verdict(code, JAKARTA, 'a1');
    await verdict(code, MEDAN, 'a2');
    const [alert] = await find(tokens.bpom, code, 'NOT_ACTIVATED');
    expect(alert).toMatchObject({ status: 'OPEN', occurrences: 2, product: { nie: issued.nie } });
    expect(alert.evidence.map((e: any) => e.latitude)).toEqual([MEDAN.lat, JAKARTA.lat]);

    // The manufacturer sees its product's alert, but not where the public stood.
    const [theirs] = await find(tokens.industri, code, 'NOT_ACTIVATED');
    expect(theirs.evidence.map((e: any) => e.latitude)).toEqual([null, null]);
    expect(codesOf(await server.gql(ALERTS, {}, tokens.pbf))).toEqual(['FORBIDDEN']);

    const assigned = await server.gql(`mutation($id: ID!) { assignAlert(id: $id) { status assignee { email } } }`, { id: alert.id }, tokens.bpom);
    expect(assigned.data.assignAlert).toEqual({ status: 'ASSIGNED', assignee: { email: 'bpom@demo.test' } });
    await server.gql(`mutation($id: ID!) { commentAlert(id: $id, text: "Dicek ke apotek") { text } }`, { id: alert.id }, tokens.bpom);
    // BPOM's own work on it is for BPOM only.
    const ALERT = `query($id: ID!) { alert(id: $id) { id assignee { email } comments { text } complaints { id } } }`;
    expect((await server.gql(ALERT, { id: alert.id }, tokens.bpom)).data.alert).toMatchObject({ assignee: { email: 'bpom@demo.test' }, comments: [{ text: 'Dicek ke apotek' }] });
    expect((await server.gql(ALERT, { id: alert.id }, tokens.industri)).data.alert).toEqual({ id: alert.id, assignee: null, comments: [], complaints: [] });
    expect(codesOf(await server.gql(`mutation($id: ID!) { closeAlert(id: $id, resolution: FALSE_ALARM) { status } }`, { id: alert.id }, tokens.industri))).toEqual(['FORBIDDEN']);
    const closed = await server.gql(
      `mutation($id: ID!) { closeAlert(id: $id, resolution: FALSE_ALARM, comment: "Kode belum diaktivasi pabrik") { status resolution comments { text author } } }`,
      { id: alert.id },
      tokens.bpom,
    );
    expect(closed.data.closeAlert).toMatchObject({ status: 'CLOSED', resolution: 'FALSE_ALARM' });
    expect(closed.data.closeAlert.comments.map((c: any) => c.text)).toEqual(['Dicek ke apotek', 'Kode belum diaktivasi pabrik']);
    expect(codesOf(await server.gql(`mutation($id: ID!) { closeAlert(id: $id, resolution: DIVERTED) { status } }`, { id: alert.id }, tokens.bpom))).toEqual(['CONFLICT']);

    await verdict(code, JAKARTA, 'a3');
    const again = await find(tokens.bpom, code, 'NOT_ACTIVATED');
    expect(again.map((a: any) => a.status).sort()).toEqual(['CLOSED', 'OPEN']);
  });

  it('opens alerts for receipts of goods not shipped to the receiver and for dispenses refused by a recall', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    const [a, b] = issued.units as [string, string];
    await op.activate(server, tokens.industri, issued.units);
    await op.ship(server, tokens.industri, [a], pbfFacility);
    await op.receive(server, tokens.apotek, [a]);
    const [diverted] = await find(tokens.bpom, a, 'NOT_SHIPPED_TO_YOU');
    expect(diverted.evidence[0]).toMatchObject({ kind: 'MOVEMENT', facility: 'Apotek Sehat Sentosa Surabaya' });

    await op.ship(server, tokens.industri, [b], apotekFacility);
    await op.receive(server, tokens.apotek, [b]);
    await server.gql(`mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "uji") { id } }`, { n: issued.nie, b: issued.batch }, tokens.bpom);
    await op.dispense(server, tokens.apotek, [b]);
    expect(await find(tokens.bpom, b, 'RECALLED')).toHaveLength(1);
  });
});

describe('complaints', () => {
  const REPORT = `mutation($c: String!, $d: String, $p: String, $lat: Float, $lon: Float) { reportSuspect(code: $c, description: $d, photo: $p, latitude: $lat, longitude: $lon) { id hasPhoto alertId } }`;
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

  it('takes a report with a photo from anyone, links it to the alert of the code, and shows the photo to BPOM only', async () => {
    const code = '(90)DKL2104012310A1(10)AMX2501(17)280630(21)PALSU0000000001';
    await verdict(code, JAKARTA, 'reporter');
    const report = await server.gql(REPORT, { c: code, d: 'Kemasan terlihat berbeda', p: `data:image/png;base64,${PNG.toString('base64')}`, ...JAKARTA });
    expect(report.errors).toBeUndefined();
    expect(report.data.reportSuspect.hasPhoto).toBe(true);
    expect(report.data.reportSuspect.alertId).not.toBeNull();
    const photo = (token?: string) =>
      fetch(`${server.url}/api/complaints/${report.data.reportSuspect.id}/photo`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const asBpom = await photo(tokens.bpom);
    expect(asBpom.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await asBpom.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await photo(tokens.industri)).status).toBe(403);
    expect((await photo()).status).toBe(401);
    const inbox = await server.gql(`{ complaints { id } }`, {}, tokens.bpom);
    expect(inbox.data.complaints.map((c: any) => c.id)).toContain(report.data.reportSuspect.id);
  });

  it.each([
    ['a photo that is not an image', Buffer.from('<?php echo 1; ?>').toString('base64')],
    ['a photo over 2 MB', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]).toString('base64')],
    ['a photo that is not base64', '!!!not base64!!!'],
  ])('refuses %s', async (_what, photo) => {
    expect(codesOf(await server.gql(REPORT, { c: '(90)DBL0204127763A1', p: photo }))).toEqual(['BAD_USER_INPUT']);
  });

  it('takes a few reports per device, counting every alias of one request', async () => {
    const code = '(90)DKL2104012310A1(10)AMX2501(17)280630(21)PALSU0000000002';
    const photo = `data:image/png;base64,${PNG.toString('base64')}`;
    const query = `mutation($c: String!, $p: String) { ${Array.from({ length: 9 }, (_, i) => `r${i}: reportSuspect(code: $c, photo: $p) { id }`).join(' ')} }`;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...deviceHeaders(`reporter-${randomBytes(4).toString('hex')}`) },
      body: JSON.stringify({ query, variables: { c: code, p: photo } }),
    });
    const body = (await response.json()) as any;
    // Mutations run one after the other; the fourth is refused, and the request stops there.
    expect(body.errors.map((error: any) => [error.path[0], error.extensions.code])).toEqual([['r3', 'TOO_MANY_ATTEMPTS']]);
    const { rows } = await server.pool.query('select count(*)::int as n from complaint where code = $1', [code]);
    expect(rows[0].n).toBe(3);
  });

  it('refuses a description with a NUL character, naming the field, and stores nothing', async () => {
    const before = (await server.pool.query('select count(*)::int as n from complaint')).rows[0].n;
    const refused = await server.gql(REPORT, { c: '(90)DBL0204127763A1', d: 'palsu\u0000' });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toMatch(/description contains a NUL character/);
    expect((await server.pool.query('select count(*)::int as n from complaint')).rows[0].n).toBe(before);
  });
});
