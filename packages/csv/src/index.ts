/**
 * The one CSV writer of Jejak, used by the API's printer files and by every export of the
 * dashboard: RFC 4180 text (CRLF line ends, quoted cells with doubled quotes), and no cell that a
 * spreadsheet would run as a formula.
 */

/** What a cell may hold: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** The byte-order mark that makes spreadsheet programs read a file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * A cell starting with one of these is read as a formula by spreadsheet programs (`=`, `+`, `-`,
 * `@`), or has its first character dropped before being read as one (tab, carriage return).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Cells holding a quote, a line end, the comma or the semicolon (the delimiter of spreadsheets set
 * to Indonesian), or the GS1 group separator are quoted; so are cells with spaces at either end,
 * which spreadsheets would otherwise trim.
 */
const NEEDS_QUOTES = /[",;\r\n\x1d]|^\s|\s$/;

/**
 * One cell as CSV text. A cell that would begin with `=`, `+`, `-`, `@`, tab or carriage return
 * starts with a single quote instead, so a spreadsheet shows it as text rather than running it;
 * negative numbers included, since a file cannot tell a number from a formula.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of a CSV file, with its CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export interface CsvOptions {
  /** Start with a byte-order mark, for files meant for spreadsheet programs. */
  bom?: boolean;
}

/** A whole CSV file: one line per row (the header is the first row), each ending in CRLF. */
export function toCsv(rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  let text = options.bom ? BOM : '';
  for (const row of rows) text += csvLine(row);
  return text;
}
