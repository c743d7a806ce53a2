const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF; the delimiter is sniffed.
 * Fields are sliced out of the text whole (an activation file has a million cells), not built up
 * a character at a time.
 */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = sniffDelimiter(body).charCodeAt(0);
  const n = body.length;
  /** Where the field starting at `from` ends: at the delimiter, a line break or the end. */
  const fieldEnd = (from: number) => {
    let i = from;
    while (i < n) {
      const c = body.charCodeAt(i);
      if (c === delimiter || c === LF || c === CR) break;
      i++;
    }
    return i;
  };
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (body.charCodeAt(i) === QUOTE) {
      // Up to the closing quote, "" standing for one quote; an unclosed quote runs to the end.
      field = '';
      let from = i + 1;
      for (;;) {
        const quote = body.indexOf('"', from);
        if (quote < 0) {
          field += body.slice(from);
          i = n;
          break;
        }
        if (body.charCodeAt(quote + 1) === QUOTE) {
          field += body.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        field += body.slice(from, quote);
        i = quote + 1;
        break;
      }
      // Text after the closing quote belongs to the field, as spreadsheets read it.
      const end = fieldEnd(i);
      if (end > i) field += body.slice(i, end);
      i = end;
    } else {
      const end = fieldEnd(i);
      field = body.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= n) break;
    const c = body.charCodeAt(i);
    if (c === delimiter) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    i += c === CR && body.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Comma, semicolon (spreadsheets set to Indonesian) or tab: whichever the header line has most of. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** Header names compared without case, spaces or punctuation: "No. Bets" is "nobets". */
export const normaliseHeader = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
