import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, issueCodes, op, packOf, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const STEP = `mutation($id: ID!, $after: String, $first: Int) {
  activateCodeRequest(id: $id, after: $after, first: $first) { result { accepted units rejected { code reason } } endCursor hasMore remaining total } }`;

async function download(requestId: string, format: 'csv' | 'xml', token = tokens.industri) {
  const response = await fetch(`${server.url}/api/code-requests/${requestId}/codes.${format}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

describe('activating a whole code request', () => {
  it('activates every code a step at a time, each step its own transaction, and reports its progress', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 12, unitsPerCase: 5 });
    // One unit is active already: it is not offered again, nor refused.
    await op.activate(server, tokens.industri, [issued.units[0]!]);
    const steps: any[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const result: any = await server.gql(STEP, { id: issued.requestId, after, first: 4 }, tokens.industri);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const step: any = result.data.activateCodeRequest;
      steps.push(step);
      after = step.endCursor;
      if (!step.hasMore) break;
    }
    // 11 units still issued and 3 cases: 14 codes in steps of 4.
    expect(steps.map((step) => step.remaining)).toEqual([10, 6, 2, 0]);
    expect(steps.every((step) => step.total === 15)).toBe(true);
    const accepted = steps.reduce((sum, step) => sum + step.result.accepted, 0);
    const rejected = steps.flatMap((step) => step.result.rejected);
    expect(accepted + rejected.length).toBe(14);
    for (const code of issued.units) expect((await packOf(server, tokens.industri, code)).status).toBe('ACTIVE');
    expect(steps.reduce((sum, step) => sum + step.result.units, 0)).toBe(11);

    // Once done, another run finds nothing left.
    const again = await server.gql(STEP, { id: issued.requestId }, tokens.industri);
    expect(again.data.activateCodeRequest).toMatchObject({ result: { accepted: 0, rejected: [] }, hasMore: false, remaining: 0 });
  });

  it('is for the manufacturer that asked for the codes only, for issued requests, with a cursor of its own', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    for (const token of [tokens.pbf, tokens.bpom]) {
      const refused = await server.gql(STEP, { id: issued.requestId }, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const requested = await server.gql(
      `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`,
      { i: { nie: issued.nie, batch: `${issued.batch}X`, expiry: '2029-08-31', quantity: 3 } },
      tokens.industri,
    );
    const pending = await server.gql(STEP, { id: requested.data.requestCodes.id }, tokens.industri);
    expect(pending.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(pending.errors?.[0]?.message).toMatch(/is REQUESTED/);
    const badCursor = await server.gql(STEP, { id: issued.requestId, after: 'YWJj' }, tokens.industri);
    expect(badCursor.errors?.[0]?.message).toMatch(/is not a cursor from activateCodeRequest/);
    const badSize = await server.gql(STEP, { id: issued.requestId, first: 0 }, tokens.industri);
    expect(badSize.errors?.[0]?.message).toMatch(/first must be 1 to 20000/);
    for (const code of issued.units) expect((await packOf(server, tokens.industri, code)).status).toBe('ISSUED');
  });
});

describe('activating from Jejak’s own download', () => {
  it('takes the issued-codes CSV as it was downloaded', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const csv = await download(issued.requestId, 'csv');
    expect(csv.split('\n')[0]).toMatch(/^level,serial,sscc,text,raw,digital_link/);
    const response = await fetch(`${server.url}/api/csv/activation`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.industri}` },
      body: csv,
    });
    const body = (await response.json()) as any;
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ accepted: 3, units: 3, rejected: [] });
    for (const code of issued.units) expect((await packOf(server, tokens.industri, code)).status).toBe('ACTIVE');
  });
});
