import { parse, type ParseResult } from '@jejak/gs1';
import { refuse } from '../lifecycle/refusals.js';
import type { Rejection } from './pack.types.js';

/** What a scanned or typed code names: a unit by product key and serial, or a case/pallet by SSCC. */
export type CodeKey =
  | { kind: 'unit'; input: string; nie: string | null; gtin: string | null; serial: string; lot: string | null; expiry: string | null }
  | { kind: 'sscc'; input: string; sscc: string };

export const MAX_CODES_PER_CALL = 200_000;

/** Reads one code in any accepted form; a code that names no pack is MALFORMED, with GS1's reason. */
export function readCode(input: string): CodeKey | Rejection {
  return keyOf(input, parse(input));
}

/** What an already parsed code names, as `readCode` reads it. */
export function keyOf(input: string, result: ParseResult): CodeKey | Rejection {
  if (!result.valid) {
    const why = result.errors.map((error) => error.message).join('; ');
    return { code: input, ...refuse('MALFORMED_CODE', why || 'not a GS1 or BPOM code') };
  }
  if (result.sscc) return { kind: 'sscc', input, sscc: result.sscc };
  if (!result.serial || !(result.nie || result.gtin)) {
    return { code: input, ...refuse('MALFORMED_CODE', 'not a serialised code: it needs a product key, (90) or (01), and a serial (21)') };
  }
  return { kind: 'unit', input, nie: result.nie, gtin: result.gtin, serial: result.serial, lot: result.batch, expiry: result.expiry };
}

export const isRejection = (value: CodeKey | Rejection): value is Rejection => 'reason' in value;
