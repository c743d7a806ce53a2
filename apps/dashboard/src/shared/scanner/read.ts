import { parse, type ParseResult } from '@jejak/gs1';

/** How a code reached the page: the camera, typed (by a person or a USB scanner), or a link. */
export type ScanSource = 'camera' | 'keyboard' | 'link';

/** The 2D symbologies a pack carries. */
export type ScanFormat = 'DATA_MATRIX' | 'QR_CODE';

/** One read: the text exactly as the scanner gave it, and what `@jejak/gs1` makes of it. */
export interface ScanRead {
  text: string;
  parsed: ParseResult;
  source: ScanSource;
  /** For camera reads: the symbology found. */
  format?: ScanFormat;
  /** `Date.now()` when read. */
  at: number;
}

/**
 * Reads scanner output or typed text. A keyboard wedge ends with Enter (and sometimes a line
 * feed): those are trimmed; GS in any of its usual spellings (ASCII 29, `<GS>`, `{GS}`, `^`, or
 * missing) is left to `@jejak/gs1`.
 */
export function readScan(text: string, source: ScanSource, format?: ScanFormat): ScanRead {
  const cleaned = text.replace(/^[\r\n]+|[\r\n]+$/g, '');
  return { text: cleaned, parsed: parse(cleaned), source, format, at: Date.now() };
}

/**
 * The code in the form people read: bracketed when it is a valid code, else exactly as given
 * (a typed "12345" stays "12345", not the "(12)345" a parser would make of it).
 */
export function displayCode(read: Pick<ScanRead, 'text' | 'parsed'>): string {
  return read.parsed.valid && read.parsed.bracketed ? read.parsed.bracketed : read.text.replace(/\u001d/g, '<GS>');
}
