import { randomBytes } from 'node:crypto';
import { hasValidCheckDigit, parse } from '@jejak/gs1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSerials } from '../src/modules/codes/codes.service.js';
import { codesOf, startTestServer, type TestServer } from './harness.js';
import { allCodes, demoTokens, freshNie, issueCodes, reasons, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const REQUEST = `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id status batch expiry quantity } }`;

describe('code requests', () => {
  it('issues random, unique serials and SSCCs for cases and pallets on approval', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 25, unitsPerCase: 10, casesPerPallet: 2 });
    expect(issued.units).toHaveLength(25);
    expect(issued.cases).toHaveLength(3);
    expect(issued.pallets).toHaveLength(2);
    const codes = await allCodes(server, tokens.industri, issued.requestId);
    const serials = codes.filter((c) => c.level === 'UNIT').map((c) => c.serial!);
    expect(new Set(serials).size).toBe(25);
    for (const serial of serials) expect(serial).toMatch(/^[0-9A-F]{15}$/);
    // Not sequential: sorted serials are not consecutive numbers.
    const numbers = serials.map((s) => BigInt(`0x${s}`)).sort((a, b) => (a < b ? -1 : 1));
    expect(numbers.some((n, i) => i > 0 && n - numbers[i - 1]! !== 1n)).toBe(true);
    for (const code of codes) {
      const parsed = parse(code.text);
      expect(parsed.valid, code.text).toBe(true);
      expect(parse(code.raw).bracketed).toBe(code.text);
      if (code.level === 'UNIT') {
        expect(parsed).toMatchObject({ profile: 'BPOM', nie: issued.nie, batch: issued.batch, expiry: '2029-08-31', serial: code.serial });
        expect(code.digitalLink).toBeNull();
      } else {
        expect(hasValidCheckDigit(parsed.sscc!)).toBe(true);
        expect(parsed.sscc!.slice(0, 8)).toBe((code.level === 'CASE' ? '0' : '1') + '8997001');
      }
    }
  });

  it('pages through the codes with a cursor and refuses a forged one', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 7 });
    const page = (after: string | null) =>
      server.gql(`query($id: ID!, $a: String) { codeRequest(id: $id) { codes(first: 3, after: $a) { totalCount edges { node { serial } cursor } pageInfo { hasNextPage endCursor } } } }`, { id: issued.requestId, a: after }, tokens.industri);
    const first = (await page(null)).data.codeRequest.codes;
    expect(first.totalCount).toBe(7);
    expect(first.edges).toHaveLength(3);
    const second = (await page(first.pageInfo.endCursor)).data.codeRequest.codes;
    expect(second.edges.map((e: any) => e.node.serial)).not.toContain(first.edges[0].node.serial);
    const third = (await page(second.pageInfo.endCursor)).data.codeRequest.codes;
    expect(third.edges).toHaveLength(1);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(codesOf(await page('bm90LWEtY3Vyc29y'))).toEqual(['BAD_USER_INPUT']);
  });

  it('uses the GS1 profile with a Digital Link when the request has a GTIN', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2, gtin: '08997001000103' });
    const codes = await allCodes(server, tokens.industri, issued.requestId);
    expect(codes[0]!.text).toMatch(/^\(01\)08997001000103\(17\)290831\(10\)/);
    expect(codes[0]!.digitalLink).toMatch(/^https:\/\/jejak\.example\/01\/08997001000103\/10\/.+\/21\/[0-9A-F]{15}\?17=290831$/);
  });

  it('lets BPOM reject a request with a reason, once', async () => {
    const nie = freshNie();
    await server.gql(`mutation($n: String!) { createProduct(input: { nie: $n, name: "X" }) { id } }`, { n: nie }, tokens.industri);
    const { data } = await server.gql(REQUEST, { i: { nie, batch: 'R1', expiry: '2030-01-31', quantity: 5 } }, tokens.industri);
    const id = data.requestCodes.id;
    const rejected = await server.gql(`mutation($id: ID!) { rejectCodeRequest(id: $id, reason: "NIE belum aktif") { status reason } }`, { id }, tokens.bpom);
    expect(rejected.data.rejectCodeRequest).toEqual({ status: 'REJECTED', reason: 'NIE belum aktif' });
    const again = await server.gql(`mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id }, tokens.bpom);
    expect(codesOf(again)).toEqual(['CONFLICT']);
    const { rows } = await server.pool.query('select count(*)::int as n from pack where code_request_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses approval by anyone but BPOM, and requests by anyone but the registrant', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const byIndustry = await server.gql(`mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: issued.requestId }, tokens.industri);
    expect(codesOf(byIndustry)).toEqual(['FORBIDDEN']);
    const byPbf = await server.gql(REQUEST, { i: { nie: issued.nie, batch: 'X', expiry: '2030-01-01', quantity: 1 } }, tokens.pbf);
    expect(codesOf(byPbf)).toEqual(['FORBIDDEN']);
    const admin = await server.login('admin@demo.test');
    const other = await server.gql(`mutation { createOrganization(input: { name: "PT Pesaing Farma", type: MANUFACTURER, facility: { name: "Pabrik Pesaing" } }) { id } }`, {}, admin);
    await server.gql(`mutation($o: ID!) { createUser(input: { email: "qa@pesaing.test", name: "QA", password: "pesaing-123", role: ADMIN, organizationId: $o }) { id } }`, { o: other.data.createOrganization.id }, admin);
    const rival = await server.login('qa@pesaing.test', 'pesaing-123');
    const byRival = await server.gql(REQUEST, { i: { nie: issued.nie, batch: 'X', expiry: '2030-01-01', quantity: 1 } }, rival);
    expect(codesOf(byRival)).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['quantity 0', { quantity: 0 }],
    ['a negative quantity', { quantity: -5 }],
    ['too many codes', { quantity: 10_000_001 }],
    ['an impossible date', { expiry: '2029-02-30' }],
    ['a date in another form', { expiry: '31/08/2029' }],
    ['an expiry that has passed', { expiry: '2024-01-31' }],
    ['a batch with characters outside CSET 82', { batch: 'LOT#1' }],
    ['a batch over 20 characters', { batch: 'L'.repeat(21) }],
    ['more units per case than units', { unitsPerCase: 11 }],
    ['pallets without cases', { casesPerPallet: 2 }],
    ['a GTIN with a bad check digit', { gtin: '08997001000104' }],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_what, change) => {
    const nie = freshNie();
    await server.gql(`mutation($n: String!) { createProduct(input: { nie: $n, name: "X" }) { id } }`, { n: nie }, tokens.industri);
    const result = await server.gql(REQUEST, { i: { nie, batch: 'OK1', expiry: '2029-08-31', quantity: 10, ...change } }, tokens.industri);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    const { rows } = await server.pool.query('select count(*)::int as n from code_request cr join product p on p.id = cr.product_id where p.nie = $1', [nie]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a second expiry for the same batch', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const result = await server.gql(REQUEST, { i: { nie: issued.nie, batch: issued.batch, expiry: '2031-01-31', quantity: 1 } }, tokens.industri);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/already has expiry 2029-08-31/);
  });

  it('lists BPOM’s queue of requests awaiting a decision', async () => {
    const nie = freshNie();
    await server.gql(`mutation($n: String!) { createProduct(input: { nie: $n, name: "Q" }) { id } }`, { n: nie }, tokens.industri);
    const { data } = await server.gql(REQUEST, { i: { nie, batch: 'Q1', expiry: '2030-01-31', quantity: 3 } }, tokens.industri);
    const queue = await server.gql(`{ codeRequests(status: REQUESTED) { id product { nie } } }`, {}, tokens.bpom);
    expect(queue.data.codeRequests.map((r: any) => r.id)).toContain(data.requestCodes.id);
    expect(codesOf(await server.gql(`{ codeRequests { id } }`, {}, tokens.pbf))).toEqual(['FORBIDDEN']);
  });
});

describe('issuing serials', () => {
  /** Issues `quantity` more serials for an approved request's product and batch, with the given random bytes, and rolls back. */
  async function issueWith(requestId: string, quantity: number, random: (size: number) => Buffer, times = 1) {
    const client = await server.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query('select product_id, batch_id from code_request where id = $1', [requestId]);
      const target = { id: requestId, quantity, product: { id: rows[0].product_id }, batch: { id: rows[0].batch_id } };
      for (let i = 0; i < times; i++) await issueSerials(client, target, '2026-11-29', random);
      const counted = await client.query(`select count(*)::int as n, count(distinct serial)::int as distinct from pack where code_request_id = $1 and level = 'UNIT'`, [requestId]);
      return counted.rows[0] as { n: number; distinct: number };
    } finally {
      await client.query('rollback');
      client.release();
    }
  }

  it('tops up with fresh serials when a random serial is already taken, so none is lost or doubled', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    // The same bytes twice: the second COPY collides with the first on every serial.
    const fixed = randomBytes(8 * 3);
    expect(await issueWith(issued.requestId, 3, () => fixed, 2)).toEqual({ n: 2 + 6, distinct: 2 + 6 });
    // One serial repeated within a single request.
    expect(await issueWith(issued.requestId, 4, (size) => Buffer.alloc(size, 0x5a))).toEqual({ n: 2 + 4, distinct: 2 + 4 });
  });
});

describe('downloads for the printer', () => {
  it('streams CSV and XML, and refuses without a token', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3, unitsPerCase: 3 });
    const get = (format: string, token?: string) =>
      fetch(`${server.url}/api/code-requests/${issued.requestId}/codes.${format}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const csv = await get('csv', tokens.industri);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('level,serial,sscc,text,raw,digital_link');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(issued.units[0]);
    expect(lines[1]).toContain('\x1d');
    const xml = await (await get('xml', tokens.bpom)).text();
    expect(xml.match(/<code level="UNIT">/g)).toHaveLength(3);
    expect(xml).toContain(`<element ai="90">${issued.nie}</element>`);
    expect((await get('csv')).status).toBe(401);
    expect((await get('csv', tokens.pbf)).status).toBe(404);
    expect((await get('pdf', tokens.industri)).status).toBe(404);
  });
});

describe('uploaded serials', () => {
  const UPLOAD = `mutation($i: SerialUploadInput!) { uploadSerials(input: $i) { accepted units rejected { code reason message } } }`;

  it('registers good serials, rejects malformed ones, and changes nothing when repeated', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const input = { nie: issued.nie, batch: 'OWN1', expiry: '2030-06-30', serials: ['OWN0001AZ', 'OWN0002BY', 'bad serial', 'x'.repeat(21), 'OWN0001AZ'] };
    const first = await server.gql(UPLOAD, { i: input }, tokens.industri);
    expect(first.data.uploadSerials.accepted).toBe(2);
    expect(reasons(first.data.uploadSerials)).toEqual(['MALFORMED', 'MALFORMED']);
    const second = await server.gql(UPLOAD, { i: input }, tokens.industri);
    expect(second.data.uploadSerials.accepted).toBe(0);
    expect(reasons(second.data.uploadSerials).sort()).toEqual(['MALFORMED', 'MALFORMED', 'WRONG_STATE', 'WRONG_STATE']);
    const pack = await server.gql(`query($c: String!) { pack(code: $c) { status serial batch } }`, { c: `(90)${issued.nie}(10)OWN1(17)300630(21)OWN0001AZ` }, tokens.industri);
    expect(pack.data.pack).toEqual({ status: 'ISSUED', serial: 'OWN0001AZ', batch: 'OWN1' });
  });
});
