/**
 * Field names and values as the CBV 2.0 Event Hash ID writes them into the pre-hash string.
 * Rule numbers refer to the list of rules of the algorithm (CBV 2.0, "Event Hash ID").
 * Pure functions, no I/O.
 */
import { canonicalIdentifier } from './canonical-epc.js';

/** Namespace prefixes in scope: prefix → namespace IRI. */
export type Namespaces = ReadonlyMap<string, string>;

/** The prefixes the EPCIS 2.0 JSON-LD context itself declares; a document's @context may add others. */
export const EPCIS_CONTEXT_PREFIXES: Readonly<Record<string, string>> = {
  epcis: 'https://ref.gs1.org/epcis/',
  cbv: 'https://ref.gs1.org/cbv/',
  cbvmda: 'urn:epcglobal:cbv:mda:',
  gs1: 'https://gs1.org/voc/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
};

/** Where bare CBV words of a field point to (the scoped contexts of the EPCIS 2.0 JSON-LD context). */
export const VOCABULARY = {
  bizStep: 'https://ref.gs1.org/cbv/BizStep-',
  disposition: 'https://ref.gs1.org/cbv/Disp-',
  bizTransactionType: 'https://ref.gs1.org/cbv/BTT-',
  sourceOrDestinationType: 'https://ref.gs1.org/cbv/SDT-',
  component: 'https://ref.gs1.org/cbv/Comp-',
  gs1: 'https://gs1.org/voc/',
} as const;

/**
 * How a field's value is written:
 * - `timestamp`: eventTime and the sensor times, in UTC with milliseconds;
 * - `decimal`: quantities and sensor values, without trailing zeros;
 * - `vocabulary`: a field whose bare CBV words expand to Web URIs under the given prefix;
 * - `text`: identifiers and other standard fields, written as they are apart from the rules that
 *   apply to every value (CBV URNs, compact IRIs, EPC identifiers);
 * - `extension`: user extension and ILMD values; their type is unknown (XML gives them as text),
 *   so a value written as a decimal number is written as one, as `decimal` does.
 */
export type ValueKind =
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'decimal' }
  | { readonly kind: 'vocabulary'; readonly prefix: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'extension' };

// ---------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Rule 8, "All timestamps SHALL be expressed in UTC; the zero UTC offset SHALL be expressed with
 * the capital letter 'Z'", and rule 9, "All timestamps SHALL be expressed with millisecond
 * precision": 2020-03-04T11:00:30+01:00 → 2020-03-04T10:00:30.000Z. "If more than 3 decimal places
 * are expressed, the 3rd decimal place SHALL be rounded up if the 4th decimal place is a digit in the
 * range 5-9": …03.1415Z → …03.142Z. A timestamp without an offset (not allowed by EPCIS) is read as
 * UTC; text that is no xsd:dateTime is returned as it is.
 */
export function canonicalTimestamp(text: string): string {
  const m = DATE_TIME.exec(text);
  if (!m) return text;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = (m[7] ?? '').padEnd(4, '0');
  const offsetMinutes = m[9] === undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const endOfDay = hour === 24 && minute === 0 && second === 0 && /^0*$/.test(fraction);
  if (month < 1 || month > 12 || day < 1 || (hour > 23 && !endOfDay) || minute > 59 || second > 59) return text;
  if (Math.abs(offsetMinutes) > 14 * 60 || Number(m[11] ?? 0) > 59) return text;

  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return text; // no such day in that month
  const roundUp = fraction.charCodeAt(3) >= 53; // '5'…'9'
  date.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3)) + (roundUp ? 1 : 0));
  const utc = date.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(utc) && Math.abs(utc) <= 8.64e15 ? new Date(utc).toISOString() : text;
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Rule 6, "Quantitative values SHALL NOT have trailing zeros" ("a quantity of one SHALL be
 * expressed as '1', and SHALL NOT be expressed as '1.0'"), and rule 7, "Numeric values SHALL be
 * expressed without single quotes": the shortest plain decimal of the number, without exponent,
 * '+' or leading zeros: 1.0 → 1, 0.3434 → 0.3434, 2.50E2 → 250, -0 → 0. Null when the text is no
 * decimal number (or its exponent is beyond ±400).
 */
export function canonicalDecimal(text: string): string | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = m;
  if (whole.length + fraction.length === 0) return null;
  const shift = Number(exponent);
  if (!Number.isInteger(shift) || Math.abs(shift) > 400) return null;

  let digits = whole + fraction;
  let point = whole.length + shift; // the decimal point sits before digits[point]
  const firstNonZero = digits.search(/[1-9]/);
  if (firstNonZero < 0) return '0';
  digits = digits.slice(firstNonZero).replace(/0+$/, '');
  point -= firstNonZero;

  const magnitude =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign === '-' ? `-${magnitude}` : magnitude;
}

// ---------------------------------------------------------------------------
// Vocabulary, compact IRIs and names
// ---------------------------------------------------------------------------

const CBV_URNS: ReadonlyArray<readonly [string, string]> = [
  ['urn:epcglobal:cbv:bizstep:', VOCABULARY.bizStep],
  ['urn:epcglobal:cbv:disp:', VOCABULARY.disposition],
  ['urn:epcglobal:cbv:btt:', VOCABULARY.bizTransactionType],
  ['urn:epcglobal:cbv:sdt:', VOCABULARY.sourceOrDestinationType],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

/**
 * Rule 14, "any URN-based standard vocabulary value (starting with 'urn:epcglobal:cbv') SHALL be
 * expressed in its corresponding CBV Web URI term": urn:epcglobal:cbv:bizstep:receiving →
 * https://ref.gs1.org/cbv/BizStep-receiving.
 */
export function cbvWebUri(text: string): string {
  for (const [urn, web] of CBV_URNS) if (text.startsWith(urn)) return web + text.slice(urn.length);
  return text;
}

/**
 * Rule 15, "any Compact URI Expression (CURIE) SHALL be expanded to its full URI equivalent":
 * gs1:Temperature → https://gs1.org/voc/Temperature when gs1 is a prefix in scope. As in JSON-LD,
 * text whose part after the colon starts with '//' is an absolute IRI, not a CURIE.
 */
export function expandCompactIri(text: string, namespaces: Namespaces): string {
  const colon = text.indexOf(':');
  if (colon <= 0 || text.startsWith('//', colon + 1)) return text;
  const namespace = namespaces.get(text.slice(0, colon));
  return namespace === undefined ? text : namespace + text.slice(colon + 1);
}

/**
 * Rules 19 and 20: a user extension or ILMD field is named by its "full namespace embraced by curly
 * brackets ('{' and '}') and the respective local name": example:myField with example =
 * https://ns.example.com/epcis/ → {https://ns.example.com/epcis/}myField. A name given as a full
 * IRI is split after its last '/' or '#' (a URN after its last ':'), so both spellings agree. Names
 * with no prefix in scope are written as they are.
 */
export function expandedName(key: string, namespaces: Namespaces): string {
  const colon = key.indexOf(':');
  if (colon > 0 && !key.startsWith('//', colon + 1)) {
    const namespace = namespaces.get(key.slice(0, colon));
    if (namespace !== undefined) return `{${namespace}}${key.slice(colon + 1)}`;
  }
  const split = key.includes('://') ? Math.max(key.lastIndexOf('/'), key.lastIndexOf('#')) : key.startsWith('urn:') ? key.lastIndexOf(':') : -1;
  return split > 0 && split < key.length - 1 ? `{${key.slice(0, split + 1)}}${key.slice(split + 1)}` : key;
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/** The rules that apply to every text value: CBV URNs (14), compact IRIs (15), EPC identifiers (17, 18). */
function canonicalText(text: string, namespaces: Namespaces): string {
  const expanded = expandCompactIri(cbvWebUri(text), namespaces);
  return canonicalIdentifier(expanded) ?? expanded;
}

/**
 * A JSON scalar as the pre-hash string writes it ('' for an empty value, which the caller leaves
 * out or writes as a bare name). Rule 5: "Whitespace characters at the beginning or end of values
 * SHALL be truncated." JSON numbers always follow rule 6; booleans are written true / false.
 */
export function canonicalValue(value: string | number | boolean, kind: ValueKind, namespaces: Namespaces): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return canonicalDecimal(String(value)) ?? String(value);
  const text = value.trim();
  if (text === '') return '';
  switch (kind.kind) {
    case 'timestamp':
      return canonicalTimestamp(text);
    case 'decimal':
    case 'extension':
      return canonicalDecimal(text) ?? canonicalText(text, namespaces);
    case 'vocabulary':
      // Rule 16: "All standard vocabulary elements expressed in bare string notation SHALL be
      // expanded to their corresponding GS1 Web URI": in_transit → https://ref.gs1.org/cbv/Disp-in_transit.
      return text.includes(':') ? canonicalText(text, namespaces) : kind.prefix + text;
    case 'text':
      return canonicalText(text, namespaces);
  }
}

/**
 * Rule 10, "Strings SHALL be sorted according to their case-sensitive lexical ordering, considering
 * UTF-8/ASCII code values of each successive character": code point order, which is UTF-8 byte
 * order (JavaScript's own string order differs above U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}
