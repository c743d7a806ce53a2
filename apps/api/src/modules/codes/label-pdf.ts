import { deflateSync } from 'node:zlib';
import { encodeGs1DataMatrix, parse } from '@jejak/gs1';

/**
 * Sheets of GS1 DataMatrix labels as a PDF written page by page: each page is drawn, compressed
 * and handed on before the next is begun, and only the pages' byte offsets are kept, so a
 * request of any size prints in flat memory. The symbols are vector squares (one rectangle per
 * run of dark modules), the text Helvetica, the paper A4 with 10 mm margins, as the dashboard's
 * label sheets. The symbols come from @jejak/gs1's own encoder: quick, and light on memory.
 */

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = 10 * MM;

/** Symbol sizes (cm) and their grids: columns × rows per A4 sheet (the dashboard offers the same). */
export const LABEL_SIZES = { '0.6': [6, 10], '0.8': [6, 8], '1': [5, 8], '1.2': [4, 8], '1.5': [4, 6] } as const satisfies Record<string, readonly [number, number]>;
export type LabelSize = keyof typeof LABEL_SIZES;
export const isLabelSize = (size: string): size is LabelSize => Object.hasOwn(LABEL_SIZES, size);

export interface Label {
  /** The code in bracketed form, e.g. (01)…(17)…(10)…(21)…, or (00) and an SSCC. */
  text: string;
  /** A line above the text, e.g. the level of a case or pallet. */
  caption?: string;
}

/** The modules of a code's GS1 DataMatrix, rows from the top; null when the code cannot be encoded. */
export function dataMatrix(text: string): { size: [number, number]; dark: (x: number, y: number) => boolean } | null {
  const parsed = parse(text);
  if (!parsed.valid || !parsed.raw) return null;
  try {
    const { size, modules } = encodeGs1DataMatrix(parsed.raw);
    return { size: [size, size], dark: (x, y) => modules[y * size + x] === 1 };
  } catch {
    return null;
  }
}

const pdfText = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')})`;
/** 0 … 144 as text: module positions within a symbol. */
const INT = Array.from({ length: 145 }, (_, i) => String(i));
/** A position in points, to 0.01 pt (3.5 µm). */
const n = (value: number) => (Math.round(value * 100) / 100).toString();
/** A module's size, to 0.0001 pt: multiplied by up to 144 modules, the symbol stays within 0.015 pt of its size. */
const moduleSize = (value: number) => (Math.round(value * 10_000) / 10_000).toString();

/** The drawing of one label with its symbol's top-left corner at (x, top), in points. */
function drawLabel(label: Label, x: number, top: number, symbolPt: number, fontPt: number, invalid: string): string {
  const ops: string[] = [];
  const matrix = dataMatrix(label.text);
  let textTop = top;
  if (matrix) {
    const [columns, rows] = matrix.size;
    const module = symbolPt / Math.max(columns, rows);
    // Drawn in module units (whole numbers) under one transform: little to write, nothing to round.
    ops.push(`q ${moduleSize(module)} 0 0 ${moduleSize(module)} ${n(x)} ${n(top - rows * module)} cm`);
    for (let row = 0; row < rows; row++) {
      const y = INT[rows - 1 - row];
      for (let column = 0; column < columns; ) {
        if (!matrix.dark(column, row)) {
          column++;
          continue;
        }
        let end = column;
        while (end < columns && matrix.dark(end, row)) end++;
        ops.push(`${INT[column]} ${y} ${INT[end - column]} 1 re`);
        column = end;
      }
    }
    ops.push('f Q');
    textTop = top - rows * module - fontPt * 0.4;
  } else {
    ops.push(`BT /F1 ${n(fontPt)} Tf ${n(x)} ${n(top - fontPt)} Td ${pdfText(invalid)} Tj ET`);
    textTop = top - fontPt * 1.4;
  }
  const lines = [...(label.caption ? [label.caption] : []), ...label.text.split(/(?=\(\d{2,4}\))/).filter(Boolean)];
  lines.forEach((line, i) => ops.push(`BT /F1 ${n(fontPt)} Tf ${n(x)} ${n(textTop - (i + 1) * fontPt * 1.15)} Td ${pdfText(line)} Tj ET`));
  return ops.join('\n');
}

/** Writes a PDF of labels to `write` (which resolves once the bytes may be sent on). */
export class LabelPdf {
  private offset = 0;
  private readonly offsets: number[] = [];
  private readonly pages: number[] = [];
  private pending: Label[] = [];
  private readonly perPage: number;
  private readonly grid: readonly [number, number];

  constructor(
    private readonly write: (chunk: Buffer) => Promise<void>,
    private readonly size: LabelSize,
    private readonly texts: { invalid: string; title: string },
  ) {
    this.grid = LABEL_SIZES[size];
    this.perPage = this.grid[0] * this.grid[1];
  }

  /** Object 1 is the catalogue, 2 the page tree (written last), 3 the font; pages follow. */
  async begin(): Promise<void> {
    await this.emit(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    await this.object(1, '<< /Type /Catalog /Pages 2 0 R >>');
    await this.object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    await this.object(4, `<< /Title ${pdfText(this.texts.title)} /Producer (Jejak) >>`);
  }

  async add(labels: readonly Label[]): Promise<void> {
    for (const label of labels) {
      this.pending.push(label);
      if (this.pending.length === this.perPage) await this.flushPage();
    }
  }

  async end(): Promise<void> {
    if (this.pending.length || this.pages.length === 0) await this.flushPage();
    await this.object(2, `<< /Type /Pages /Kids [${this.pages.map((id) => `${id} 0 R`).join(' ')}] /Count ${this.pages.length} >>`);
    const xref = this.offset;
    const entries = this.offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
    await this.emit(
      Buffer.from(
        `xref\n0 ${this.offsets.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${this.offsets.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
        'latin1',
      ),
    );
  }

  private async flushPage(): Promise<void> {
    const [columns, rows] = this.grid;
    const cellWidth = (A4.width - 2 * MARGIN) / columns;
    const cellHeight = (A4.height - 2 * MARGIN) / rows;
    const symbolPt = Number(this.size) * 10 * MM;
    const fontPt = Math.min(7, Math.max(4.5, cellWidth / 24));
    const drawing = this.pending
      .map((label, i) => drawLabel(label, MARGIN + (i % columns) * cellWidth + 2 * MM, A4.height - MARGIN - Math.floor(i / columns) * cellHeight - 2 * MM, symbolPt, fontPt, this.texts.invalid))
      .join('\n');
    this.pending = [];
    const stream = deflateSync(Buffer.from(drawing, 'latin1'));
    const contentId = this.nextId();
    await this.object(contentId, Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]));
    const pageId = this.nextId();
    await this.object(
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(A4.width)} ${n(A4.height)}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    this.pages.push(pageId);
  }

  /** Ids 1–4 are fixed; pages take 5, 6, … */
  private nextId(): number {
    return Math.max(4, this.offsets.length) + 1;
  }

  private async object(id: number, body: string | Buffer): Promise<void> {
    this.offsets[id - 1] = this.offset;
    const head = Buffer.from(`${id} 0 obj\n`, 'latin1');
    const tail = Buffer.from('\nendobj\n', 'latin1');
    await this.emit(Buffer.concat([head, typeof body === 'string' ? Buffer.from(body, 'latin1') : body, tail]));
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    await this.write(chunk);
  }
}
