/** Small CSV helpers for uploads read in the browser and reports written there. */
import { toCsv as writeCsv, type CsvCell } from '@jejak/csv';

/** The separator a file uses: the one its header line has most of (`;` in the seed's files). */
export function detectSeparator(headerLine: string): ',' | ';' | '\t' {
  const counts = ([',', ';', '\t'] as const).map((sep) => [sep, headerLine.split(sep).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Splits a file into lines, keeping line breaks inside quoted cells. Empty lines are dropped. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      lines.push(text.slice(start, i));
      if (char === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines.filter((line) => line.trim() !== '');
}

/** The cells of one line. */
export function splitCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
/** Header names of the code column, as the API reads them ("text": Jejak's own issued-codes download). */
const CODE_COLUMNS = ['2dbarcode', 'barcode', 'barcode2d', 'code', 'kode', 'kode2d', 'datamatrix', 'text'];
/** Other header names that tell a header line from a code: the seed's files and Jejak's own download. */
const HEADER_NAMES = ['nie', 'event', 'lotnumber', 'idkemasan', 'level', 'serial', 'sscc', 'digitallink'];

export interface CsvCodes {
  /** The header line, or null when the file is a bare list of codes. */
  header: string | null;
  rows: Array<{ row: number; code: string; line: string }>;
}

/**
 * The codes of a file: the column named like "2D Barcode" or "kode" (or one of `columns`) when
 * there is a header, else the first column of every line. `row` counts data rows from 1, as the
 * API does.
 */
export function readCodes(text: string, columns: readonly string[] = CODE_COLUMNS): CsvCodes {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  if (!lines.length) return { header: null, rows: [] };
  const separator = detectSeparator(lines[0]!);
  const headerCells = splitCells(lines[0]!, separator).map(normalise);
  const column = headerCells.findIndex((name) => columns.includes(name));
  const hasHeader = column >= 0 || headerCells.some((name) => HEADER_NAMES.includes(name));
  const data = hasHeader ? lines.slice(1) : lines;
  const index = column >= 0 ? column : 0;
  return {
    header: hasHeader ? lines[0]! : null,
    rows: data.map((line, i) => ({ row: i + 1, code: (splitCells(line, separator)[index] ?? '').trim(), line })),
  };
}

/**
 * The codes of Jejak's own XML download of issued codes (`<codes><code><text>…</text></code></codes>`),
 * as a one-column CSV with the header "text", so the API reads them as it reads the CSV download.
 */
export function readCodesXml(text: string): CsvCodes {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.getElementsByTagName('parsererror').length) return { header: null, rows: [] };
  const codes = Array.from(document.getElementsByTagName('code'))
    .map((element) => element.getElementsByTagName('text')[0]?.textContent?.trim() ?? '')
    .filter(Boolean);
  return { header: 'text', rows: codes.map((code, i) => ({ row: i + 1, code, line: `"${code.replace(/"/g, '""')}"` })) };
}

/** The codes of an uploaded file: Jejak's XML download by its name or its first bytes, else a CSV. */
export function readCodesFile(name: string, text: string, columns?: readonly string[]): CsvCodes {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/\.xml$/i.test(name) || start.startsWith('<?xml') || start.startsWith('<codes')) return readCodesXml(text);
  return readCodes(text, columns);
}

/** A CSV file from rows of cells, with a BOM so spreadsheet programs read it as UTF-8; formulas neutralised. */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return writeCsv(rows, { bom: true });
}

/** Offers a text (or a Blob) as a file to save. */
export function saveFile(name: string, content: string | Blob, type = 'text/csv;charset=utf-8') {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
