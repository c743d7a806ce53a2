import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyError, decodeBytes, type BodyProgress } from './body.js';
import { CSV_LIMITS, normaliseHeader, readCsv, type CsvLimits } from './csv.js';
import { AppError } from './errors.js';

/** `bytes` in chunks of `size`, or of the sizes given in turn. */
async function* chunksOf(bytes: Buffer, size: number | number[] = 64 * 1024) {
  const sizes = typeof size === 'number' ? [size] : size.length ? size : [bytes.length || 1];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const next = at + sizes[i % sizes.length]!;
    yield bytes.subarray(at, next);
    at = next;
  }
}

/** The longest header line read whole to sniff its delimiter: longer, it cannot be a row within the limits. */
const HEADER_LINE = CSV_LIMITS.cellsPerRow * (2 * CSV_LIMITS.bytesPerCell + 3);

const read = (text: string | Buffer, limits: CsvLimits = CSV_LIMITS, size?: number | number[]) =>
  readCsv(chunksOf(Buffer.isBuffer(text) ? text : Buffer.from(text), size), limits);

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the file was taken'),
    (error: AppError) => {
      expect(error).toBeInstanceOf(AppError);
      return { status: error instanceof BodyError ? error.status : 400, code: error.code, message: error.message, ...error.details };
    },
  );

describe('readCsv', () => {
  it.each([
    ['commas and LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['semicolons and CRLF', 'a;b\r\n1;2\r\n', [['a', 'b'], ['1', '2']]],
    ['tabs', 'a\tb\n1\t2', [['a', 'b'], ['1', '2']]],
    ['quotes, doubled quotes, delimiters and line breaks inside', 'a,b\n"x,""y""","1\n2"\n', [['a', 'b'], ['x,"y"', '1\n2']]],
    ['a byte-order mark and blank lines', '\ufeffa,b\n\n1,2\n\n', [['a', 'b'], ['1', '2']]],
    ['an empty last field', 'a,b\n1,\n', [['a', 'b'], ['1', '']]],
    ['GS separators kept inside a field', 'code\n"90X\x1d10Y"\n', [['code'], ['90X\x1d10Y']]],
    ['a delimiter as the very last character', 'a,b\n1,', [['a', 'b'], ['1', '']]],
    ['a quoted field at the end without a line break', 'a,b\n1,"2"', [['a', 'b'], ['1', '2']]],
    ['old Mac line breaks (CR alone)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['a quote inside an unquoted field, kept as it is', 'a,b\n5" tablet,2\n', [['a', 'b'], ['5" tablet', '2']]],
    ['text after a closing quote, kept with the field', 'a,b\n"x"y,2\n', [['a', 'b'], ['xy', '2']]],
    ['an unclosed quote, running to the end', 'a,b\n1,"2\n3', [['a', 'b'], ['1', '2\n3']]],
    ['empty fields between delimiters', 'a;b;c\n;;\n1;;3\n', [['a', 'b', 'c'], ['1', '', '3']]],
    ['blank lines before the header (the delimiter is then a comma)', '\r\n\r\na,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['characters of several bytes', 'nama,kota\n"Apotek Sehat",Sémarang 😀\n', [['nama', 'kota'], ['Apotek Sehat', 'Sémarang 😀']]],
    ['nothing at all', '', []],
  ])('reads %s, whole or a byte at a time', async (_name, text, rows) => {
    expect(await read(text)).toEqual(rows);
    expect(await read(text, CSV_LIMITS, 1)).toEqual(rows);
  });

  it('reads a compressed file through the body reader', async () => {
    const text = 'code,event\n' + Array.from({ length: 10_000 }, (_, i) => `"(90)DKL1234567890A1(21)S${i}",ship`).join('\r\n');
    const packed = zlib.gzipSync(text);
    const rows = await readCsv(decodeBytes(chunksOf(packed, 999), 'gzip', { wireBytes: packed.length, decodedBytes: text.length }));
    expect(rows.length).toBe(10_001);
    expect(rows[10_000]).toEqual(['(90)DKL1234567890A1(21)S9999', 'ship']);
  });

  it('normalises header names', () => {
    expect(['No. Bets', '2D Barcode', 'ID Rekanan', 'is_active'].map(normaliseHeader)).toEqual(['nobets', '2dbarcode', 'idrekanan', 'isactive']);
  });
});

describe('readCsv limits, checked while reading', () => {
  const limits: CsvLimits = { bytes: 10_000, dataRows: 3, cells: 5000, cellsPerRow: 4, bytesPerCell: 8 };

  it('takes a row of exactly the cells allowed, and names the row with one more', async () => {
    expect(await read('a,b,c,d\n1,2,3,4\n', limits)).toEqual([['a', 'b', 'c', 'd'], ['1', '2', '3', '4']]);
    expect(await refusal(read('a,b,c,d\n1,2,3,4\n\n5,6,7,8,9\n', limits))).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: 'Row 2 has more than 4 cells',
      field: 'csv',
      row: 2,
      limit: 4,
    });
    expect(await refusal(read('a,b,c,d,\n', limits))).toMatchObject({ message: 'The header row has more than 4 cells', row: 0 });
  });

  it('takes a cell of exactly the bytes allowed, after its quotes, and names the cell and row over it', async () => {
    expect(await read('a,b\n12345678,"1""3456""8"\n', limits)).toEqual([['a', 'b'], ['12345678', '1"3456"8']]);
    expect(await read('a\nSémaran\n', limits)).toEqual([['a'], ['Sémaran']]); // é is two bytes: 8 in all
    expect(await refusal(read('a,b\n1,2\n1,"12345678"9\n', limits))).toMatchObject({
      message: 'Row 2, cell 2, is over 8 bytes',
      row: 2,
      cell: 2,
      limit: 8,
    });
    expect(await refusal(read('a\nSémarang\n', limits))).toMatchObject({ row: 1, cell: 1, limit: 8 });
    expect(await refusal(read('"a\n\n\n\n\n\n\n\n', limits, 1))).toMatchObject({ message: 'The header row, cell 1, is over 8 bytes' });
  });

  it('takes exactly the rows allowed under the header, blank rows aside, and names the one more', async () => {
    expect(await read('h\n1\n\n2\n , \n3\n', limits)).toEqual([['h'], ['1'], ['2'], ['3']]);
    expect(await refusal(read('h\n1\n2\n3\n4\n', limits))).toMatchObject({
      message: 'Row 4 is one more than the 3 rows a file may have under its header',
      row: 4,
      limit: 3,
    });
  });

  it('takes exactly the cells allowed in the file, blank rows’ included, and names the row past them', async () => {
    const few = { ...limits, cells: 5 };
    expect(await read('a,b\n\n1,2\n', few)).toEqual([['a', 'b'], ['1', '2']]);
    expect(await refusal(read('a,b\n\n1,2\n,\n', few))).toMatchObject({ message: 'Row 2 takes the file past 5 cells', row: 2, limit: 5 });
  });

  it('takes exactly the bytes allowed, and answers 413 for one more', async () => {
    const file = 'h\n' + ' \n'.repeat(4999);
    expect(await read(file, limits)).toEqual([['h']]);
    expect(await refusal(read(file + ' ', limits))).toMatchObject({ status: 413, message: 'The file is over 10,000 bytes', limit: 10_000 });
  });

  const fourMegabytes = { ...CSV_LIMITS, bytes: 4 * 1024 * 1024 };
  it.each([
    ['a row of endless cells', ',', CSV_LIMITS, /^The header row has more than 64 cells$/, 64],
    ['an endless cell', 'x', CSV_LIMITS, /^The header row, cell 1, is over 4 KB$/, 4 * 1024],
    ['an endless quoted cell', '"', CSV_LIMITS, /^The header row, cell 1, is over 4 KB$/, 8 * 1024],
    ['endless rows', 'x\n', CSV_LIMITS, /^Row 1,000,001 is one more than the 1,000,000 rows/, 2 * 1_000_001],
    ['endless blank lines', '\r\n', CSV_LIMITS, /^The header row takes the file past 16,000,000 cells$/, 2 * 16_000_001],
    ['endless bytes', 'xxxxxxxxx\n', fourMegabytes, /^The file is over 4 MB$/, fourMegabytes.bytes],
  ] as const)('stops %s as soon as it passes a limit', async (_name, unit, limits, message, bytesToLimit) => {
    const chunk = Buffer.from(unit.repeat(64 * 1024));
    let taken = 0;
    async function* endless() {
      for (;;) {
        taken += chunk.length;
        yield chunk;
      }
    }
    expect((await refusal(readCsv(endless(), limits))).message).toMatch(message);
    // Read up to the limit, the chunk that passed it, and before that the whole header line (to sniff the delimiter).
    expect(taken).toBeLessThanOrEqual(Math.max(bytesToLimit, HEADER_LINE) + chunk.length);
  });

  it('stops a gzip bomb of rows once decoded bytes pass the file limit, and a bomb of one cell far sooner', async ({ annotate }) => {
    const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024, 'xxxxxxxxx\n'), { level: 9 });
    const bomb = async function* () {
      for (;;) yield member;
    };
    const small = { ...CSV_LIMITS, bytes: 2 * 1024 * 1024 };
    const progress: BodyProgress = { wireBytes: 0, decodedBytes: 0 };
    const body = decodeBytes(bomb(), 'gzip', { wireBytes: small.bytes, decodedBytes: small.bytes }, progress);
    expect(await refusal(readCsv(body, small))).toMatchObject({ status: 413, message: 'The request body, decoded, is over 2 MB' });
    expect(progress.decodedBytes).toBeLessThanOrEqual(small.bytes + 64 * 1024);

    const zeros = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    const oneCell: BodyProgress = { wireBytes: 0, decodedBytes: 0 };
    const cell = decodeBytes((async function* () { for (;;) yield zeros; })(), 'gzip', { wireBytes: small.bytes, decodedBytes: small.bytes }, oneCell);
    expect(await refusal(readCsv(cell, small))).toMatchObject({ status: 400, message: 'The header row, cell 1, is over 4 KB' });
    expect(oneCell.decodedBytes).toBeLessThanOrEqual(HEADER_LINE + 64 * 1024);
    await annotate(`bomb of rows: ${progress.decodedBytes} bytes decoded (limit ${small.bytes}); zero bomb: ${oneCell.decodedBytes} bytes decoded`);
  });
});

describe('readCsv, fuzzed', () => {
  const small: CsvLimits = { bytes: 600, dataRows: 6, cells: 30, cellsPerRow: 5, bytesPerCell: 12 };
  const roomy: CsvLimits = { bytes: 1e6, dataRows: 1e6, cells: 1e6, cellsPerRow: 1e6, bytesPerCell: 1e6 };
  const cuts = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20, size: 'max' });
  const csvChar = fc.constantFrom('a', 'é', '😀', ' ', ',', ';', '\t', '\n', '\r', '"', '\ufeff');

  it('never fails but with a limit named, whatever the bytes and however they are cut', async () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 800, size: 'max' }), fc.array(csvChar, { maxLength: 800, size: 'max' }).map((chars) => new TextEncoder().encode(chars.join(''))));
    await fc.assert(
      fc.asyncProperty(bytes, cuts, async (input, sizes) => {
        await read(Buffer.from(input), small, sizes).catch((error: unknown) => {
          expect(error).toBeInstanceOf(AppError);
          const { code, details } = error as AppError;
          if (error instanceof BodyError) expect([error.status, details.limit]).toEqual([413, small.bytes]);
          else expect([code, typeof details.row, typeof details.limit]).toEqual(['BAD_USER_INPUT', 'number', 'number']);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads text without quotes as a naive split of lines and delimiters', async () => {
    const text = fc.array(fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '\n', '\r', '\r\n', '\ufeff'), { maxLength: 300, size: 'max' }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, cuts, async (input, sizes) => {
        const body = input.startsWith('\ufeff') ? input.slice(1) : input;
        const lines = body.split(/\r\n|\r|\n/);
        const counts = [',', ';', '\t'].map((d) => lines[0]!.split(d).length);
        const delimiter = [',', ';', '\t'][counts.indexOf(Math.max(...counts))]!;
        const naive = lines.map((line) => line.split(delimiter)).filter((cells) => cells.some((cell) => cell.trim() !== ''));
        expect(await read(input, roomy, sizes)).toEqual(naive);
      }),
      { numRuns: 2000 },
    );
  });
});
