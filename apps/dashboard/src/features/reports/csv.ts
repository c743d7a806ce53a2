import { BOM, toCsv as writeCsv, type CsvCell } from '@jejak/csv';

/** One column of an exported CSV: its header and the value of each row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

/** A header line and one line per row, written by the one CSV writer (formulas neutralised). */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return writeCsv([columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => column.value(row)))]);
}

/** Saves text as a file from the browser; a byte-order mark lets spreadsheets read UTF-8. */
export function downloadCsv(filename: string, csv: string) {
  const blob = new Blob([BOM, csv], { type: 'text/csv;charset=utf-8' });
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
