import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, issueCodes, type Tokens } from './lifecycle-helpers.js';

/**
 * CSV formula injection: a cell that a spreadsheet would run (`=`, `+`, `-`, `@`, tab, CR at its
 * start) is written with a single quote before it, in every CSV file the API writes.
 */
let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

/** Serials a manufacturer's own serialisation may carry (GS1 allows =, +, - and quotes in AI 21). */
const FORMULAS = ['=1+2', '+SUM(1)', '-2+3', '=HYPERLINK("a","b")'];
const FORMULA_START = /^[=+\-@\t\r]/;

const UPLOAD = `mutation($i: SerialUploadInput!) { uploadSerials(input: $i) { accepted rejected { code reason message } } }`;

/** Reads a CSV file (RFC 4180) into rows of cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function download(id: string, format: 'csv' | 'xml', token = tokens.industri) {
  const response = await fetch(`${server.url}/api/code-requests/${id}/codes.${format}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

describe('CSV files the API writes', () => {
  it('codes.csv starts uploaded serials that a spreadsheet would run with a single quote', async () => {
    const { nie, batch } = await issueCodes(server, tokens, { quantity: 1 });
    const uploaded = await server.gql(UPLOAD, { i: { nie, batch, expiry: '2029-08-31', serials: [...FORMULAS, '@SUM(1)', 'PLAIN1'] } }, tokens.industri);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data.uploadSerials.accepted).toBe(FORMULAS.length + 1);
    // `@` is outside the characters GS1 allows in a serial: such a serial never gets into a file.
    expect(uploaded.data.uploadSerials.rejected).toMatchObject([{ code: '@SUM(1)', reason: 'MALFORMED' }]);

    const list = await server.gql(`{ codeRequests(status: ISSUED, first: 50) { id kind batch product { nie } } }`, {}, tokens.industri);
    const upload = list.data.codeRequests.find((request: any) => request.kind === 'UPLOAD' && request.product.nie === nie && request.batch === batch);
    expect(upload, 'the upload is a code request of its own').toBeTruthy();

    const rows = readCsv(await download(upload.id, 'csv'));
    expect(rows[0]).toEqual(['level', 'serial', 'sscc', 'text', 'raw', 'digital_link']);
    const serials = rows.slice(1).map((row) => row[1]);
    expect(serials.sort()).toEqual([...FORMULAS.map((serial) => `'${serial}`), 'PLAIN1'].sort());
    for (const row of rows) for (const cell of row) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
    // The bracketed and raw forms carry the serial itself, for the printer.
    const texts = rows.slice(1).map((row) => row[3]);
    for (const serial of ['=1+2', '-2+3']) expect(texts).toContain(`(90)${nie}(10)${batch}(17)290831(21)${serial}`);
    // XML is no spreadsheet: its serials stay as they are.
    expect(await download(upload.id, 'xml')).toContain('<element ai="21">=1+2</element>');
  });
});
