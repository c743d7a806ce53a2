/** One column of an exported CSV: its header and the value of each row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

function quote(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header line, one line per row, CRLF line ends. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => quote(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => quote(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file from the browser; a byte-order mark lets spreadsheets read UTF-8. */
export function downloadCsv(filename: string, csv: string) {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** `realisasi-2025-01-31.csv`: a name and today's date. */
export const csvFilename = (name: string) => `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
