import { isDigits } from './ai.js';
import { mod10 } from './linters/csum.js';
import type { Element } from './types.js';

/** Characters of a GS1 serial that the EPC pure-identity URI escapes (GS1 EPC Tag Data Standard). */
const EPC_ESCAPES: Record<string, string> = { '"': '%22', '%': '%25', '&': '%26', '/': '%2F', '<': '%3C', '>': '%3E', '?': '%3F' };

function epcEscape(value: string): string {
  return value.replace(/["%&/<>?]/g, (c) => EPC_ESCAPES[c] as string);
}

function find(elements: readonly Element[], ai: string): string | undefined {
  for (const e of elements) if (e.ai === ai) return e.value;
  return undefined;
}

function validKey(value: string | undefined, length: number): value is string {
  return value !== undefined && value.length === length && isDigits(value) && mod10(value, 0, length - 1) === value.charCodeAt(length - 1) - 48;
}

/**
 * EPC pure-identity URI: urn:epc:id:sgtin:... for a GTIN (01) with a serial
 * (21), else urn:epc:id:sscc:... for an SSCC (00). companyPrefixLength is the
 * length of the GS1 Company Prefix, 6 to 12. Returns null when neither applies,
 * the key is not a valid GTIN-14/SSCC or the prefix length is out of range.
 */
export function toEpcUri(elements: readonly Element[], companyPrefixLength: number): string | null {
  const L = companyPrefixLength;
  if (!Number.isInteger(L) || L < 6 || L > 12) return null;
  const gtin = find(elements, '01');
  const serial = find(elements, '21');
  if (validKey(gtin, 14) && serial !== undefined && serial.length > 0) {
    // Company prefix: digits 2..L+1; item reference: indicator digit then digits L+2..13.
    const prefix = gtin.slice(1, 1 + L);
    const itemRef = gtin.charAt(0) + gtin.slice(1 + L, 13);
    return `urn:epc:id:sgtin:${prefix}.${itemRef}.${epcEscape(serial)}`;
  }
  const sscc = find(elements, '00');
  if (validKey(sscc, 18)) {
    // Company prefix: digits 2..L+1; serial reference: extension digit then digits L+2..17.
    const prefix = sscc.slice(1, 1 + L);
    const serialRef = sscc.charAt(0) + sscc.slice(1 + L, 17);
    return `urn:epc:id:sscc:${prefix}.${serialRef}`;
  }
  return null;
}
