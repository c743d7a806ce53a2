import type { Gs1Error } from './errors.js';

/** GS1: GTIN (01) or SSCC (00) is the key. BPOM: the NIE in (90) stands in for (01). */
export type Profile = 'GS1' | 'BPOM';

export interface Element {
  ai: string;
  value: string;
}

export interface ParseOptions {
  /** Force a profile; by default BPOM when (90) is present without (01) or (00), else GS1. */
  profile?: Profile;
}

export interface ParseResult {
  /** True when errors is empty. */
  valid: boolean;
  /** Profile the data was checked against; null when nothing was read. */
  profile: Profile | null;
  /** Elements in the order read. Filled even when valid is false: trust them only when valid. */
  elements: Element[];
  /** (01) */
  gtin: string | null;
  /** (90): BPOM marketing-authorisation number (Nomor Izin Edar). */
  nie: string | null;
  /** (10) */
  batch: string | null;
  /** (17) as YYYY-MM-DD; day 00 means the last day of the month. Null when absent or not a valid date. */
  expiry: string | null;
  /** (21) */
  serial: string | null;
  /** (00) */
  sscc: string | null;
  /** Canonical bracketed form; null when nothing was read. */
  bracketed: string | null;
  /** Element string with ASCII 29 separators only where needed, no symbology identifier, no leading FNC1. */
  raw: string | null;
  /** GS1 Digital Link URI on https://id.gs1.org; null when there is no GTIN or SSCC or an element cannot be carried. */
  digitalLink: string | null;
  /** Problems; empty when valid. */
  errors: Gs1Error[];
  /** Notes that do not make the data invalid (GS_MISSING, NOT_GS1_MODE, NIE_TOO_LONG outside BPOM). */
  warnings: Gs1Error[];
}
