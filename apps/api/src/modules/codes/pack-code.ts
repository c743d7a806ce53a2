import { toBracketed, toDigitalLink, toRaw, type Element } from '@jejak/gs1';
import type { PackLevelName } from '../packs/pack.types.js';

/** What a pack's printed code is made of. */
export interface CodeParts {
  level: PackLevelName;
  nie: string;
  /** Set when the code request chose the GS1 profile. */
  gtin: string | null;
  lot: string;
  /** YYYY-MM-DD */
  expiry: string;
  serial: string | null;
  sscc: string | null;
}

/** YYYY-MM-DD to the YYMMDD of AI (17). */
export const toYymmdd = (isoDate: string) => isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);

/**
 * Units carry the BPOM profile `(90)(10)(17)(21)`, the seed's order, or with a GTIN the GS1
 * profile `(01)(17)(10)(21)`; cases and pallets their SSCC `(00)`.
 */
export function elementsOf(parts: CodeParts): Element[] {
  if (parts.sscc) return [{ ai: '00', value: parts.sscc }];
  const expiry = { ai: '17', value: toYymmdd(parts.expiry) };
  const lot = { ai: '10', value: parts.lot };
  const serial = { ai: '21', value: parts.serial ?? '' };
  return parts.gtin
    ? [{ ai: '01', value: parts.gtin }, expiry, lot, serial]
    : [{ ai: '90', value: parts.nie }, lot, expiry, serial];
}

/** The code as bracketed text, raw GS1 data, and a Digital Link on `linkBase` (Jejak's public URL). */
export function codeForms(parts: CodeParts, linkBase?: string) {
  const elements = elementsOf(parts);
  return { elements, text: toBracketed(elements), raw: toRaw(elements), digitalLink: toDigitalLink(elements, linkBase) };
}
