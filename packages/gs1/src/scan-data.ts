import { problem, type Gs1Error } from './errors.js';

/** Symbologies named by AIM symbology identifiers that this reader recognises. */
export type Symbology = 'DataMatrix' | 'QR' | 'GS1-128' | 'DataBarExpanded' | 'EAN-13' | 'EAN-8' | 'DotCode';

/**
 * How the payload after the identifier is to be read:
 * - gs1: AI element string (the symbol is in GS1 mode, FNC1 in first position);
 * - plain: data without FNC1 (may still be a Digital Link URI);
 * - ean13 / ean8: a GTIN of 13 or 8 digits.
 */
export type PayloadKind = 'gs1' | 'plain' | 'ean13' | 'ean8';

export interface ScanData {
  symbology: Symbology;
  kind: PayloadKind;
  /** Where the payload starts in the text (after the three-character identifier). */
  payloadStart: number;
}

interface IdentifierInfo {
  symbology: Symbology;
  kind: PayloadKind | null; // null: recognised but not read
}

const IDENTIFIERS: Record<string, IdentifierInfo> = {
  ']d1': { symbology: 'DataMatrix', kind: 'plain' },
  ']d2': { symbology: 'DataMatrix', kind: 'gs1' },
  ']Q1': { symbology: 'QR', kind: 'plain' },
  ']Q3': { symbology: 'QR', kind: 'gs1' },
  ']C1': { symbology: 'GS1-128', kind: 'gs1' },
  ']e0': { symbology: 'DataBarExpanded', kind: 'gs1' },
  ']E0': { symbology: 'EAN-13', kind: 'ean13' },
  ']E4': { symbology: 'EAN-8', kind: 'ean8' },
  ']J0': { symbology: 'DotCode', kind: null },
  ']J1': { symbology: 'DotCode', kind: null },
};

const DM_PLAIN = IDENTIFIERS[']d1'] as IdentifierInfo;
const DM_GS1 = IDENTIFIERS[']d2'] as IdentifierInfo;
const QR_GS1 = IDENTIFIERS[']Q3'] as IdentifierInfo;

function identifierAt(text: string, start: number): IdentifierInfo | undefined {
  // The common carriers first, without building a string.
  const letter = text.charCodeAt(start + 1);
  const digit = text.charCodeAt(start + 2);
  if (letter === 100 /* d */) {
    if (digit === 50) return DM_GS1;
    if (digit === 49) return DM_PLAIN;
  } else if (letter === 81 /* Q */ && digit === 51) {
    return QR_GS1;
  }
  return IDENTIFIERS[text.slice(start, start + 3)];
}

/**
 * Reads the AIM symbology identifier at text[start] ("]" + letter + digit).
 * Returns the payload description, or a problem: an unknown or unsupported
 * identifier, a GS1-mode symbol without data, or a composite component ('|'),
 * which this reader does not handle.
 */
export function readScanData(text: string, start: number, end: number): ScanData | Gs1Error {
  const sd = identifyScanData(text, start, end);
  if ('code' in sd) return sd;
  return compositeProblem(text, sd, end) ?? sd;
}

/** As readScanData, without looking for a composite component. */
export function identifyScanData(text: string, start: number, end: number): ScanData | Gs1Error {
  const info = end - start >= 3 ? identifierAt(text, start) : undefined;
  if (!info) {
    const id = text.slice(start, start + 3);
    return problem('UNSUPPORTED_SYMBOLOGY', `"${id}" is not a symbology identifier this reader handles (]d1 ]d2 ]Q1 ]Q3 ]C1 ]e0 ]E0 ]E4)`, undefined, start);
  }
  if (info.kind === null) {
    return problem('UNSUPPORTED_SYMBOLOGY', `${info.symbology} (${text.slice(start, start + 3)}) is not read by Jejak`, undefined, start);
  }
  const payloadStart = start + 3;
  if (info.kind === 'gs1' && payloadStart >= end) {
    return problem('EMPTY', `${info.symbology} symbol in GS1 mode (${text.slice(start, start + 3)}) holds no data`, undefined, start);
  }
  return { symbology: info.symbology, kind: info.kind, payloadStart };
}

/** A composite component ('|' after GS1 or EAN data) is not read. */
export function compositeProblem(text: string, sd: ScanData, end: number): Gs1Error | null {
  if (sd.kind === 'plain') return null;
  const bar = text.indexOf('|', sd.payloadStart);
  if (bar < 0 || bar >= end) return null;
  return problem('UNSUPPORTED_SYMBOLOGY', `Composite component ('|' at position ${bar}) is not read by Jejak`, undefined, bar);
}

/**
 * Plain (non-GS1) payload in the notation of GS1's syntax engine, where a
 * leading '^' would mean FNC1: a '^' at the start, after any backslashes, is
 * escaped with one more backslash.
 */
export function escapePlainData(payload: string): string {
  let i = 0;
  while (i < payload.length && payload.charCodeAt(i) === 92) i++;
  return i < payload.length && payload.charCodeAt(i) === 94 ? `\\${payload}` : payload;
}
