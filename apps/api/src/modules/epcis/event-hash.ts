/**
 * The Event Hash ID of an EPCIS 2.0 event (GS1 CBV 2.0, "Event Hash ID"): the SHA-256 of the
 * event's canonical pre-hash string, written as `ni:///sha-256;<lowercase hex>?ver=CBV2.0`.
 *
 * What it expects: one event as parsed from an EPCIS 2.0 JSON / JSON-LD document (the compact form
 * that uses the terms of the EPCIS 2.0 context: "type": "ObjectEvent", "bizStep": "shipping",
 * "example:myField": …), not expanded JSON-LD and not XML. Anything else that is JSON is taken as
 * well: nothing here throws; fields of unexpected shape are written the way user extensions are.
 *
 * The pre-hash string (rules 1 to 4): the event's fields, one after another without separators, in
 * the canonical property order below; `name=value` for a value, the bare name followed by its
 * children for a parent; fields that are absent or empty are left out. Fields the Event Hash ID
 * does not cover are left out too: eventID, recordTime, errorDeclaration and comments
 * (rdfs:comment); a repository may name more in `context.ignoredFields`.
 *
 * Values are normalised in event-hash-values.ts and identifiers in canonical-epc.ts.
 *
 * Every reference example gives its reference hash. Where the rule text leaves room, the choices
 * are: the order of the reference hashes (see CANONICAL_ORDER); only the timestamps the standard
 * defines (eventTime, sensor times) are normalised, user extension values being untyped; booleans
 * are written true / false, as in XML; numbers are written exactly, never through floating point;
 * a bizTransaction, source or destination writes its type first whatever the JSON key order.
 */
import { createHash } from 'node:crypto';
import { canonicalValue, compareCodePoints, EPCIS_CONTEXT_PREFIXES, expandedName, VOCABULARY, type Namespaces, type ValueKind } from './event-hash-values.js';

export { canonicalIdentifier } from './canonical-epc.js';

/** What the event's document says about it beyond the event itself. */
export interface EventHashContext {
  /**
   * Namespace prefixes declared in the document's @context (prefix → namespace IRI), e.g.
   * `{ example: 'https://ns.example.com/epcis/' }`; `namespacesOf(document['@context'])` reads them.
   * The prefixes of the EPCIS 2.0 context (epcis, cbv, cbvmda, gs1, rdfs, …) are always in scope,
   * and an @context inside the event itself takes precedence.
   */
  readonly namespaces?: Readonly<Record<string, string>>;
  /** Further top-level fields to leave out, by compact name or full IRI (e.g. a field a repository adds). */
  readonly ignoredFields?: readonly string[];
}

// ---------------------------------------------------------------------------
// Canonical property order
// ---------------------------------------------------------------------------

type Field =
  /** name=value; a list of values gives one name=value each, sorted. */
  | { readonly kind: 'value'; readonly value: ValueKind }
  /** epcList and the like: the list's name once, then one `item=value` per entry, sorted (rule 11). */
  | { readonly kind: 'list'; readonly item: string; readonly value: ValueKind }
  /** A parent such as readPoint: its name, its fields in order, then its user extensions, sorted (rule 21). */
  | { readonly kind: 'parent'; readonly fields: Fields }
  /** quantityList, sensorElementList: the list's name once, then `element` + its fields per entry, sorted (rule 12). */
  | { readonly kind: 'elements'; readonly element: string; readonly fields: Fields }
  /** bizTransactionList, sourceList, destinationList: per entry its type, then its identifier (rule 13), entries sorted. */
  | { readonly kind: 'typed'; readonly item: string; readonly type: string }
  /** ilmd: its name, then its fields written as user extensions, sorted (rule 19). */
  | { readonly kind: 'extensions' };

type Fields = ReadonlyArray<readonly [string, Field]>;

const TIMESTAMP: Field = { kind: 'value', value: { kind: 'timestamp' } };
const DECIMAL: Field = { kind: 'value', value: { kind: 'decimal' } };
const TEXT: Field = { kind: 'value', value: { kind: 'text' } };
const vocabulary = (prefix: string): Field => ({ kind: 'value', value: { kind: 'vocabulary', prefix } });
const EPCS: Field = { kind: 'list', item: 'epc', value: { kind: 'text' } };
const QUANTITIES: Field = { kind: 'elements', element: 'quantityElement', fields: [['epcClass', TEXT], ['quantity', DECIMAL], ['uom', TEXT]] };

const SENSOR_METADATA: Fields = [
  ['time', TIMESTAMP], ['startTime', TIMESTAMP], ['endTime', TIMESTAMP], ['deviceID', TEXT], ['deviceMetadata', TEXT],
  ['rawData', TEXT], ['dataProcessingMethod', TEXT], ['bizRules', TEXT],
];

const SENSOR_REPORT: Fields = [
  ['type', vocabulary(VOCABULARY.gs1)], ['exception', vocabulary(VOCABULARY.gs1)], ['deviceID', TEXT], ['deviceMetadata', TEXT],
  ['rawData', TEXT], ['dataProcessingMethod', TEXT], ['time', TIMESTAMP], ['microorganism', TEXT], ['chemicalSubstance', TEXT],
  ['value', DECIMAL], ['component', vocabulary(VOCABULARY.component)], ['stringValue', TEXT], ['booleanValue', TEXT],
  ['hexBinaryValue', TEXT], ['uriValue', TEXT], ['minValue', DECIMAL], ['maxValue', DECIMAL], ['meanValue', DECIMAL],
  ['sDev', DECIMAL], ['percRank', DECIMAL], ['percValue', DECIMAL], ['uom', TEXT], ['coordinateReferenceSystem', TEXT],
];

/**
 * Rule 1, "data elements SHALL be extracted according to the canonical property order", the same
 * for every event type; eventType comes first. The algorithm's order table goes on with
 * bizTransactionList, sourceList, destinationList, sensorElementList, ilmd and the user extensions.
 * The reference hashes (those of the reference implementation, the worked examples published with
 * the algorithm among them) were computed with sensorElementList right after bizLocation and with
 * bizTransactionList, sourceList, destinationList and ilmd written together with the user
 * extensions as one block sorted as whole strings, hence "…destinationList…sourceList…" in the
 * third worked example. The order here follows the hashes, so that Event Hash IDs agree with
 * other implementations; they also put certificationInfo right after eventTimeZoneOffset.
 */
const CANONICAL_ORDER: Fields = [
  ['eventTime', TIMESTAMP],
  ['eventTimeZoneOffset', TEXT],
  ['certificationInfo', TEXT],
  ['parentID', TEXT],
  ['epcList', EPCS],
  ['inputEPCList', EPCS],
  ['childEPCs', EPCS],
  ['quantityList', QUANTITIES],
  ['childQuantityList', QUANTITIES],
  ['inputQuantityList', QUANTITIES],
  ['outputEPCList', EPCS],
  ['outputQuantityList', QUANTITIES],
  ['action', TEXT],
  ['transformationID', TEXT],
  ['bizStep', vocabulary(VOCABULARY.bizStep)],
  ['disposition', vocabulary(VOCABULARY.disposition)],
  ['persistentDisposition', { kind: 'parent', fields: [['set', vocabulary(VOCABULARY.disposition)], ['unset', vocabulary(VOCABULARY.disposition)]] }],
  ['readPoint', { kind: 'parent', fields: [['id', TEXT]] }],
  ['bizLocation', { kind: 'parent', fields: [['id', TEXT]] }],
  [
    'sensorElementList',
    { kind: 'elements', element: 'sensorElement', fields: [['sensorMetadata', { kind: 'parent', fields: SENSOR_METADATA }], ['sensorReport', { kind: 'parent', fields: SENSOR_REPORT }]] },
  ],
];

/** Written after CANONICAL_ORDER as one block with the user extensions, sorted (see above). */
const SORTED_TAIL: Fields = [
  ['bizTransactionList', { kind: 'typed', item: 'bizTransaction', type: VOCABULARY.bizTransactionType }],
  ['sourceList', { kind: 'typed', item: 'source', type: VOCABULARY.sourceOrDestinationType }],
  ['destinationList', { kind: 'typed', item: 'destination', type: VOCABULARY.sourceOrDestinationType }],
  ['ilmd', { kind: 'extensions' }],
];

/** Top-level fields outside the Event Hash ID (type is written first, as eventType). */
const IGNORED_FIELDS = new Set(['type', 'eventID', 'recordTime', 'errorDeclaration']);
/** Comments are not part of the event, at any level. */
const COMMENTS = new Set(['comment', `{${EPCIS_CONTEXT_PREFIXES.rdfs}}comment`]);

// ---------------------------------------------------------------------------
// Writing the pre-hash string
// ---------------------------------------------------------------------------

type JsonObject = { readonly [key: string]: unknown };

const own = (object: JsonObject, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);
const sorted = (pieces: string[]): string => pieces.sort(compareCodePoints).join('');

/** A JSON-LD value object ({"@value": …}) or node reference ({"@id": …}) stands for its value. */
function scalarOf(value: unknown): unknown {
  if (!isObject(value)) return value;
  if ('@value' in value) return value['@value'];
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '@id' ? value['@id'] : value;
}

/** Keys that carry event data: not JSON-LD keywords (@context, …) and not comments. */
function dataEntries(object: JsonObject, namespaces: Namespaces): Array<[string, unknown]> {
  return Object.entries(object).filter(([key]) => !key.startsWith('@') && !COMMENTS.has(expandedName(key, namespaces)));
}

/**
 * Rules 19 to 21: a user extension (or ILMD field) as `{namespace}name=value`, or for a parent
 * `{namespace}name` followed by its children, sorted. A list gives one piece per entry; an empty
 * value gives the bare name.
 */
function extensionPieces(key: string, raw: unknown, namespaces: Namespaces): string[] {
  const value = scalarOf(raw);
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => extensionPieces(key, entry, namespaces));
  const name = expandedName(key, namespaces);
  if (isObject(value)) return [name + sorted(dataEntries(value, namespaces).flatMap(([k, v]) => extensionPieces(k, v, namespaces)))];
  if (!isScalar(value)) return [];
  const text = canonicalValue(value, { kind: 'extension' }, namespaces);
  return [text === '' ? name : `${name}=${text}`];
}

/** The fields of `object` in the given order, then the others as user extensions, sorted (rule 21). */
function writeFields(object: JsonObject, fields: Fields, namespaces: Namespaces): string {
  const known = new Set(fields.map(([name]) => name));
  const ordered = fields.map(([name, field]) => sorted(fieldPieces(name, own(object, name), field, namespaces))).join('');
  const others = dataEntries(object, namespaces).filter(([key]) => !known.has(key));
  return ordered + sorted(others.flatMap(([key, value]) => extensionPieces(key, value, namespaces)));
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** One standard field as pieces of the pre-hash string: none when absent or empty, several for a list of values. */
function fieldPieces(name: string, raw: unknown, field: Field, namespaces: Namespaces): string[] {
  const value = scalarOf(raw);
  if (value === null || value === undefined) return [];
  switch (field.kind) {
    case 'value':
    case 'parent': {
      if (Array.isArray(value)) return value.flatMap((entry) => fieldPieces(name, entry, field, namespaces));
      if (isObject(value)) {
        const inner = writeFields(value, field.kind === 'parent' ? field.fields : [], namespaces);
        return inner === '' ? [] : [name + inner];
      }
      if (!isScalar(value)) return [];
      const text = canonicalValue(value, field.kind === 'value' ? field.value : { kind: 'text' }, namespaces);
      return text === '' ? [] : [`${name}=${text}`];
    }
    case 'list': {
      const items = asList(value).flatMap((entry) => fieldPieces(field.item, entry, { kind: 'value', value: field.value }, namespaces));
      return items.length === 0 ? [] : [name + sorted(items)];
    }
    case 'elements': {
      const elements = asList(value).flatMap((entry) => fieldPieces(field.element, entry, { kind: 'parent', fields: field.fields }, namespaces));
      return elements.length === 0 ? [] : [name + sorted(elements)];
    }
    case 'typed': {
      const entries = asList(value).flatMap((entry) => typedEntry(entry, field, namespaces));
      return entries.length === 0 ? [] : [name + sorted(entries)];
    }
    case 'extensions':
      return extensionPieces(name, value, namespaces);
  }
}

/**
 * A bizTransaction, source or destination: `type=…` then `bizTransaction=…`. Rule 13 says the
 * type "SHALL follow the actual key-value", but the reference hashes (the third worked example's
 * among them) have it first, so it comes first here, whatever the order of the JSON keys.
 */
function typedEntry(raw: unknown, field: Extract<Field, { kind: 'typed' }>, namespaces: Namespaces): string[] {
  const entry = scalarOf(raw);
  if (!isObject(entry)) return fieldPieces(field.item, entry, TEXT, namespaces);
  const written = writeFields(entry, [['type', vocabulary(field.type)], [field.item, TEXT]], namespaces);
  return written === '' ? [] : [written];
}

/** Prefixes declared in a JSON-LD @context (a string, an object or a list of them); remote contexts are not read. */
export function namespacesOf(ldContext: unknown): Record<string, string> {
  const found: Array<[string, string]> = [];
  for (const entry of asList(ldContext)) {
    if (!isObject(entry)) continue;
    for (const [prefix, definition] of Object.entries(entry)) {
      const iri = isObject(definition) ? definition['@id'] : definition;
      if (!prefix.startsWith('@') && typeof iri === 'string' && iri.includes(':')) found.push([prefix, iri]);
    }
  }
  return Object.fromEntries(found);
}

function namespacesFor(event: JsonObject, context: EventHashContext | undefined): Namespaces {
  return new Map([
    ...Object.entries(EPCIS_CONTEXT_PREFIXES),
    ...Object.entries(context?.namespaces ?? {}),
    ...Object.entries(namespacesOf(own(event, '@context'))),
  ]);
}

/**
 * The canonical pre-hash string of an EPCIS 2.0 event (see the top of this file). `context` gives
 * the namespace prefixes of the event's document, needed to name its user extensions.
 */
export function preHashString(event: unknown, context?: EventHashContext): string {
  if (!isObject(event)) return '';
  const namespaces = namespacesFor(event, context);
  const ignored = new Set((context?.ignoredFields ?? []).map((name) => expandedName(name, namespaces)));
  const standard = new Set([...CANONICAL_ORDER, ...SORTED_TAIL].map(([name]) => name));

  const type = scalarOf(own(event, 'type'));
  const eventType = typeof type === 'string' && type.trim() !== '' ? `eventType=${type.trim()}` : '';
  const kept = (fields: Fields): Fields => fields.filter(([name]) => !ignored.has(name));
  const ordered = kept(CANONICAL_ORDER).map(([name, field]) => sorted(fieldPieces(name, own(event, name), field, namespaces))).join('');
  const tail = [
    ...kept(SORTED_TAIL).flatMap(([name, field]) => fieldPieces(name, own(event, name), field, namespaces)),
    ...dataEntries(event, namespaces)
      .filter(([key]) => !standard.has(key) && !IGNORED_FIELDS.has(key) && !ignored.has(expandedName(key, namespaces)))
      .flatMap(([key, value]) => extensionPieces(key, value, namespaces)),
  ];
  return eventType + ordered + sorted(tail);
}

/**
 * The Event Hash ID of an EPCIS 2.0 event: rule 22, the pre-hash string's SHA-256 "embedded in a
 * 'ni' URI scheme as specified in RFC 6920": ni:///sha-256;<digest in lowercase hex>?ver=CBV2.0.
 */
export function eventHashId(event: unknown, context?: EventHashContext): string {
  const digest = createHash('sha256').update(preHashString(event, context), 'utf8').digest('hex');
  return `ni:///sha-256;${digest}?ver=CBV2.0`;
}
