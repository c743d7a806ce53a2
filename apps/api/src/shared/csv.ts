import { isAscii } from 'node:buffer';
import { AppError } from './errors.js';
import { byteSize, tooLarge } from './body.js';

/** What one CSV upload may hold, checked while it is read. */
export interface CsvLimits {
  /** Bytes of the whole file (decoded, if it came compressed). */
  bytes: number;
  /** Rows under the header. */
  dataRows: number;
  /** Cells of the whole file, blank rows' included: they are dropped, but read all the same. */
  cells: number;
  cellsPerRow: number;
  /** Bytes of one cell, once its quotes are read. */
  bytesPerCell: number;
}

/**
 * An activation file has up to a million rows of 13 columns, some 150 bytes a row; codes are
 * at most a few hundred characters. The cells of the whole file bound the memory its rows take,
 * and the time they take to read, to about those of the largest activation file.
 */
export const CSV_LIMITS: CsvLimits = {
  bytes: 200 * 1024 * 1024,
  dataRows: 1_000_000,
  cells: 16_000_000,
  cellsPerRow: 64,
  bytesPerCell: 4 * 1024,
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS = [0x2c, 0x3b, 0x09]; // comma, semicolon, tab

/**
 * The rows of a CSV file given as bytes (UTF-8), read as they come: RFC 4180 quotes, doubled
 * quotes, CRLF, LF or CR alone; the delimiter sniffed from the header line; a byte-order mark
 * skipped; blank rows dropped. Nothing grows past a limit: a refusal names it, and its row.
 */
export async function readCsv(bytes: AsyncIterable<Buffer>, limits: CsvLimits = CSV_LIMITS): Promise<string[][]> {
  const rows: string[][] = [];
  const parser = new CsvParser(limits, (row) => rows.push(row));
  for await (const chunk of bytes) parser.write(chunk);
  parser.end();
  return rows;
}

/** Where a cell is: at its start, in an unquoted cell (or text after a closing quote), inside quotes, or just after a quote inside quotes. */
type Mode = 'start' | 'plain' | 'quoted' | 'quote';

/** The reader itself, fed chunk by chunk; every kept row goes to `onRow`. */
class CsvParser {
  private bytes = 0;
  /** The file's first bytes, kept until its first line ends, to sniff the delimiter from. */
  private head: Buffer[] | null = [];
  private headBytes = 0;
  private delimiter = DELIMITERS[0]!;
  private mode: Mode = 'start';
  /** The last chunk ended in a CR: an LF opening the next belongs to the same line break. */
  private afterCr = false;
  /** The chunk being parsed (as text too, when it is all ASCII), and the part of the cell being read that lies in it. */
  private chunk: Buffer = Buffer.alloc(0);
  private text: string | null = null;
  private spanFrom = 0;
  private spanTo = 0;
  /** Parts of the cell before that span: in earlier chunks, or before a doubled quote. */
  private pieces: Buffer[] = [];
  private cellBytes = 0;
  private row: string[] = [];
  /** Rows kept so far: the header, then the data rows. */
  private kept = 0;
  private cells = 0;

  constructor(
    private readonly limits: CsvLimits,
    private readonly onRow: (row: string[]) => void,
  ) {}

  write(chunk: Buffer) {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.bytes) throw tooLarge(this.limits.bytes, 'The file');
    if (!this.head) return this.parse(chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    // The header line ends, or is longer than any header row within the limits can be.
    const sniffable = this.limits.cellsPerRow * (2 * this.limits.bytesPerCell + 3);
    if (lineBreak(chunk) >= 0 || this.headBytes > sniffable) this.begin();
  }

  end() {
    if (this.head) this.begin();
    if (this.mode !== 'start' || this.row.length > 0) {
      this.endCell();
      this.endRow();
    }
  }

  /** The head read: its byte-order mark skipped, the delimiter sniffed, and the parsing begun. */
  private begin() {
    const head = Buffer.concat(this.head!, this.headBytes);
    this.head = null;
    const body = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    this.delimiter = sniffDelimiter(body);
    this.parse(body);
  }

  private parse(chunk: Buffer) {
    this.chunk = chunk;
    // Cells of an ASCII chunk are sliced from its text, not each decoded on its own.
    this.text = isAscii(chunk) ? chunk.toString('latin1') : null;
    this.scan(chunk);
    this.keepSpan();
  }

  private scan(chunk: Buffer) {
    const n = chunk.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (chunk[0] === LF) i = 1;
    }
    while (i < n) {
      if (this.mode === 'start') {
        if (chunk[i] === QUOTE) {
          this.mode = 'quoted';
          i++;
        } else this.mode = 'plain';
      } else if (this.mode === 'quoted') {
        // Up to the next quote; an unclosed quote runs to the end of the file.
        const quote = chunk.indexOf(QUOTE, i);
        this.append(i, quote < 0 ? n : quote);
        if (quote < 0) return;
        this.mode = 'quote';
        i = quote + 1;
      } else if (this.mode === 'quote') {
        // "" stands for one quote; anything else closes the quotes, and what follows stays with the cell.
        if (chunk[i] === QUOTE) {
          this.append(i, i + 1);
          this.mode = 'quoted';
          i++;
        } else this.mode = 'plain';
      } else {
        let end = i;
        while (end < n) {
          const c = chunk[end];
          if (c === delimiter || c === LF || c === CR) break;
          end++;
        }
        this.append(i, end);
        if (end === n) return;
        this.endCell();
        this.mode = 'start';
        i = end + 1;
        if (chunk[end] === delimiter) continue;
        this.endRow();
        if (chunk[end] === CR) {
          if (i === n) this.afterCr = true;
          else if (chunk[i] === LF) i++;
        }
      }
    }
  }

  /** Bytes `from` to `to` of the chunk join the cell. */
  private append(from: number, to: number) {
    if (to === from) return;
    this.cellBytes += to - from;
    if (this.cellBytes > this.limits.bytesPerCell) {
      const at = this.row.length + 1;
      throw this.refuse(`${this.where()}, cell ${at}, is over ${byteSize(this.limits.bytesPerCell)}`, this.limits.bytesPerCell, { cell: at });
    }
    if (this.spanTo !== from || this.spanTo === this.spanFrom) {
      this.keepSpan();
      this.spanFrom = from;
    }
    this.spanTo = to;
  }

  /** The span is kept aside as a piece: the chunk is about to end, or the cell goes on past a gap. */
  private keepSpan() {
    if (this.spanTo > this.spanFrom) this.pieces.push(this.chunk.subarray(this.spanFrom, this.spanTo));
    this.spanFrom = this.spanTo = 0;
  }

  private endCell() {
    if (this.row.length === this.limits.cellsPerRow) {
      throw this.refuse(`${this.where()} has more than ${this.limits.cellsPerRow} cells`, this.limits.cellsPerRow);
    }
    if (++this.cells > this.limits.cells) {
      const most = this.limits.cells.toLocaleString('en');
      throw this.refuse(`${this.where()} takes the file past ${most} cells`, this.limits.cells);
    }
    if (this.pieces.length === 0) {
      const { spanFrom: from, spanTo: to } = this;
      this.row.push(to === from ? '' : this.text !== null ? this.text.slice(from, to) : this.chunk.toString('utf8', from, to));
    } else {
      this.keepSpan();
      this.row.push(Buffer.concat(this.pieces, this.cellBytes).toString('utf8'));
      this.pieces = [];
    }
    this.spanFrom = this.spanTo = 0;
    this.cellBytes = 0;
  }

  private endRow() {
    const row = this.row;
    this.row = [];
    if (row.every((cell) => cell.trim() === '')) return;
    if (this.kept > this.limits.dataRows) {
      const most = this.limits.dataRows.toLocaleString('en');
      throw this.refuse(`${this.where()} is one more than the ${most} rows a file may have under its header`, this.limits.dataRows);
    }
    this.kept++;
    this.onRow(row);
  }

  /** The row being read, numbered as rejections are: 1 is the first row under the header. */
  private where() {
    return this.kept === 0 ? 'The header row' : `Row ${this.kept.toLocaleString('en')}`;
  }

  private refuse(message: string, limit: number, details: Record<string, unknown> = {}) {
    return new AppError('BAD_USER_INPUT', message, { field: 'csv', row: this.kept, limit, ...details });
  }
}

const lineBreak = (bytes: Buffer) => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF || bytes[i] === CR) return i;
  return -1;
};

/** Comma, semicolon (spreadsheets set to Indonesian) or tab: whichever the header line has most of. */
function sniffDelimiter(body: Buffer): number {
  const end = lineBreak(body);
  const line = end < 0 ? body : body.subarray(0, end);
  const counts = DELIMITERS.map((delimiter) => line.reduce((count, byte) => count + (byte === delimiter ? 1 : 0), 0));
  return DELIMITERS[counts.indexOf(Math.max(...counts))]!;
}

/** Header names compared without case, spaces or punctuation: "No. Bets" is "nobets". */
export const normaliseHeader = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
