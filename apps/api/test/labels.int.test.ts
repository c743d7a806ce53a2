import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataMatrix } from '../src/modules/codes/label-pdf.js';
import { startTestServer, type TestServer } from './harness.js';
import { allCodes, demoTokens, issueCodes, type Issued, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let issued: Issued;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  issued = await issueCodes(server, tokens, { quantity: 95, unitsPerCase: 10 });
});

afterAll(async () => {
  await server?.close();
});

const download = (query: string, token: string | null = tokens.industri) =>
  fetch(`${server.url}/api/code-requests/${issued.requestId}/labels.pdf${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

interface Page {
  text: string[];
  /** Each symbol: its module size and corner (points), and its dark runs (x, y, width) in modules. */
  symbols: Array<{ module: number; x: number; y: number; runs: number[][] }>;
}

/** Reads the PDF as a printer would: every object where the cross-reference table says, each page's drawing. */
function readPdf(bytes: Buffer) {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const xrefAt = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)![1]);
  const [, count, entries] = /^xref\n0 (\d+)\n0000000000 65535 f \n((?:\d{10} 00000 n \n)*)trailer/.exec(text.slice(xrefAt))!;
  const offsets = entries!.match(/\d{10}/g)!.map(Number);
  expect(offsets.length).toBe(Number(count) - 1);
  const objects = offsets.map((offset, i) => {
    expect(text.startsWith(`${i + 1} 0 obj\n`, offset), `object ${i + 1} at ${offset}`).toBe(true);
    return offset;
  });
  const body = (id: number) => text.slice(objects[id - 1], text.indexOf('\nendobj\n', objects[id - 1]));
  const kids = /\/Kids \[([^\]]*)\] \/Count (\d+)/.exec(body(2))!;
  const pageIds = kids[1]!.match(/(\d+) 0 R/g)!.map((ref) => Number(ref.split(' ')[0]));
  expect(pageIds.length).toBe(Number(kids[2]));
  const pages: Page[] = pageIds.map((id) => {
    const contents = Number(/\/Contents (\d+) 0 R/.exec(body(id))![1]);
    const start = bytes.indexOf('stream\n', objects[contents - 1]!) + 'stream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(body(contents))![1]);
    const drawing = inflateSync(bytes.subarray(start, start + length)).toString('latin1');
    return {
      text: [...drawing.matchAll(/\((.*?)\) Tj/g)].map((m) => m[1]!.replace(/\\([()\\])/g, '$1')),
      symbols: [...drawing.matchAll(/^q ([\d.]+) 0 0 [\d.]+ ([\d.]+) ([\d.]+) cm\n((?:\d+ \d+ \d+ 1 re\n)*)f Q$/gm)].map((m) => ({
        module: Number(m[1]),
        x: Number(m[2]),
        y: Number(m[3]),
        runs: [...m[4]!.matchAll(/(\d+) (\d+) (\d+) 1 re/g)].map((r) => r.slice(1).map(Number)),
      })),
    };
  });
  return { pages, title: /\/Title \((.*?)\)/.exec(text)?.[1] };
}

describe('label sheets as PDF', () => {
  it('prints every code of a request, 40 to an A4 sheet at 1 cm, symbols drawn module by module', async () => {
    const response = await download('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="jejak-labels-.*\.pdf"$/);
    const { pages } = readPdf(Buffer.from(await response.arrayBuffer()));
    const codes = await allCodes(server, tokens.industri, issued.requestId);
    expect(codes.length).toBe(95 + 10);
    expect(pages.length).toBe(Math.ceil(codes.length / 40));
    const printed = pages.flatMap((page) => page.text).join('\n');
    for (const unit of issued.units) expect(printed).toContain(unit.slice(unit.lastIndexOf('(21)')));
    expect(printed.match(/^Karton$/gm)?.length).toBe(10);

    // The first symbol, 1 cm square with its corner 12 mm in from the left and the top: its dark
    // runs, put back on a grid, are the modules of the code's DataMatrix.
    const matrix = dataMatrix(codes[0]!.text)!;
    const [columns, rows] = matrix.size;
    const mm = 72 / 25.4;
    const symbol = pages[0]!.symbols[0]!;
    expect(symbol.module * columns).toBeCloseTo(10 * mm, 1);
    expect(symbol.x).toBeCloseTo(12 * mm, 1);
    expect(symbol.y + symbol.module * rows).toBeCloseTo((297 - 12) * mm, 1);
    expect(pages.flatMap((page) => page.symbols).length).toBe(codes.length);
    const grid = Array.from({ length: rows }, () => Array<boolean>(columns).fill(false));
    for (const [x, y, width] of symbol.runs) for (let c = x!; c < x! + width!; c++) grid[rows - 1 - y!]![c] = true;
    for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) expect(grid[y]![x], `module ${x},${y}`).toBe(matrix.dark(x, y));
  });

  it('prints a range, one level, at another size, in English', async () => {
    const cases = readPdf(Buffer.from(await (await download('?level=CASE&lang=en&size=1.5')).arrayBuffer()));
    expect(cases.pages.length).toBe(1);
    expect(cases.pages[0]!.text.filter((line) => line === 'Case').length).toBe(10);
    const range = readPdf(Buffer.from(await (await download('?level=UNIT&from=31&to=70&size=0.6')).arrayBuffer()));
    expect(range.pages.length).toBe(1);
    const serials = range.pages[0]!.text.filter((line) => line.startsWith('(21)'));
    expect(serials).toEqual(issued.units.slice(30, 70).map((unit) => unit.slice(unit.lastIndexOf('(21)'))));
    const past = readPdf(Buffer.from(await (await download('?from=5000')).arrayBuffer()));
    expect(past.pages.map((page) => page.text.length)).toEqual([0]);
  });

  it('refuses what it cannot print, naming the parameter', async () => {
    for (const [query, field] of [
      ['?size=2', 'size'],
      ['?level=BOX', 'level'],
      ['?from=0', 'from'],
      ['?from=x', 'from'],
      ['?from=5&to=4', 'to'],
      ['?lang=fr', 'lang'],
      ['?size=1&size=0.6', 'size'],
    ] as const) {
      const response = await download(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string; field: string } }> };
      expect(body.errors[0]!.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('is for those who may print the codes', async () => {
    expect((await download('', null)).status).toBe(401);
    const inspector = await server.login('inspektur@demo.test');
    expect((await download('', inspector)).status).toBe(403);
    expect([403, 404]).toContain((await download('', tokens.pbf)).status);
    expect((await download('', tokens.bpom)).status).toBe(200); // a BPOM supervisor
  });
});
