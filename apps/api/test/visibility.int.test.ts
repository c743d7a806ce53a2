import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';
import { demoTokens, issueCodes, type Issued, type Tokens } from './lifecycle-helpers.js';

/**
 * What a caller can learn of packs and codes that are not theirs: `pack` and `trace` answer an
 * unknown code and another's code alike (no existence oracle), and printer files (the CSV and XML
 * downloads, and the pages of codes labels are printed from) go to the manufacturer that asked
 * for them and BPOM's supervisors and administrators, never to inspectors.
 */
let server: TestServer;
let tokens: Tokens & { inspector: string; admin: string };
let issued: Issued;

beforeAll(async () => {
  server = await startTestServer();
  const demo = await demoTokens(server);
  tokens = { ...demo, inspector: await server.login('inspektur@demo.test'), admin: await server.login('admin@demo.test') };
  issued = await issueCodes(server, demo, { quantity: 2, unitsPerCase: 2 });
});

afterAll(async () => {
  await server?.close();
});

/** The answer without where in the document it came from. */
const answerOf = (response: GraphQLResponse) => ({
  data: response.data,
  errors: response.errors?.map(({ message, extensions }) => ({ message, extensions })),
});

describe('pack and trace tell nothing of codes that are not yours', () => {
  /** A well-formed code of the same product and batch that was never issued. */
  const unknownCode = () => issued.units[0]!.replace(/\(21\)[^(]+$/, '(21)NEVERISSUED1');
  const PACK = `query($c: String!) { pack(code: $c) { code status custodian { name } } }`;
  const TRACE = `query($c: String!) { trace(code: $c) { pack { code } events { type } } }`;

  it('pack answers null for an unknown code and for another organisation\'s code alike', async () => {
    for (const code of [issued.units[0]!, issued.cases[0]!]) {
      const theirs = await server.gql(PACK, { c: code }, tokens.pbf);
      const unknown = await server.gql(PACK, { c: unknownCode() }, tokens.pbf);
      expect(answerOf(theirs)).toEqual({ data: { pack: null }, errors: undefined });
      expect(answerOf(theirs)).toEqual(answerOf(unknown));
    }
    // The manufacturer and BPOM see it.
    expect((await server.gql(PACK, { c: issued.units[0] }, tokens.industri)).data.pack.code).toBe(issued.units[0]);
    expect((await server.gql(PACK, { c: issued.units[0] }, tokens.inspector)).data.pack.code).toBe(issued.units[0]);
  });

  it('trace answers the same NOT_FOUND, with the same message, for an unknown code and another organisation\'s code', async () => {
    const theirs = await server.gql(TRACE, { c: issued.units[1] }, tokens.apotek);
    const unknown = await server.gql(TRACE, { c: unknownCode() }, tokens.apotek);
    expect(codesOf(theirs)).toEqual(['NOT_FOUND']);
    expect(answerOf(theirs)).toEqual(answerOf(unknown));
    expect((await server.gql(TRACE, { c: issued.units[1] }, tokens.industri)).data.trace.pack.code).toBe(issued.units[1]);
  });
});

describe('printer files', () => {
  const download = (format: 'csv' | 'xml', token: string) =>
    fetch(`${server.url}/api/code-requests/${issued.requestId}/codes.${format}`, { headers: { authorization: `Bearer ${token}` } });
  const CODES = `query($id: ID!) { codeRequest(id: $id) { status codes(first: 10) { totalCount edges { node { text } } } } }`;

  it('an inspector downloads no printer file, in either format, and reads no page of codes', async () => {
    for (const format of ['csv', 'xml'] as const) {
      const response = await download(format, tokens.inspector);
      expect(response.status, format).toBe(403);
      const body = (await response.json()) as GraphQLResponse;
      expect(codesOf(body)).toEqual(['FORBIDDEN']);
      expect(body.errors![0]!.message).toMatch(/printer files/);
    }
    const page = await server.gql(CODES, { id: issued.requestId }, tokens.inspector);
    expect(codesOf(page)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(page.data)).not.toContain(issued.units[0]);
    // The request itself, its status and size, stays visible to BPOM's inspectors.
    const request = await server.gql(`query($id: ID!) { codeRequest(id: $id) { status quantity } }`, { id: issued.requestId }, tokens.inspector);
    expect(request.data.codeRequest).toEqual({ status: 'ISSUED', quantity: 2 });
  });

  it('the manufacturer that asked, and BPOM\'s supervisors and administrators, download them', async () => {
    for (const token of [tokens.industri, tokens.bpom, tokens.admin]) {
      const csv = await download('csv', token);
      expect(csv.status).toBe(200);
      expect(await csv.text()).toContain(issued.units[0]!);
      expect((await download('xml', token)).status).toBe(200);
      const page = await server.gql(CODES, { id: issued.requestId }, token);
      expect(page.errors).toBeUndefined();
      expect(page.data.codeRequest.codes.totalCount).toBe(3);
    }
  });

  it('other organisations do not learn that the request exists', async () => {
    const response = await download('csv', tokens.pbf);
    expect(response.status).toBe(404);
    expect(codesOf((await response.json()) as GraphQLResponse)).toEqual(['NOT_FOUND']);
  });
});
