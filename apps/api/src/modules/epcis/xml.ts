/**
 * EPCIS 2.0 XML documents (and bare XML events for POST /epcis/events) read into the JSON form
 * the rest of the repository takes, so that they are checked, hashed, applied and stored as JSON
 * ones are: standard fields by their names, CBV URNs as the bare words the JSON binding writes
 * (`urn:epcglobal:cbv:bizstep:shipping` → `shipping`), namespaced elements as user extensions
 * (`example:myField`, their namespaces declared in the @context), repeated elements as lists.
 * Elements marked xsi:nil are left out, as are empty elements inside an extension. A document
 * that is not well-formed XML, or declares a DOCTYPE, is refused.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EpcisError, problemOf } from './problems.js';
import type { JsonObject } from './validation.js';
import { EPCIS_CONTEXT_PREFIXES } from './event-hash-values.js';
import { EPCIS_CONTEXT_URL, EVENT_TYPES } from './vocabulary.js';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

const refuse = (message: string) => new EpcisError('ValidationException', 400, `The XML document was refused: ${message}`, [problemOf('ValidationException', 400, message, '#')]);

function toNodes(list: unknown[]): Node[] {
  const nodes: Node[] = [];
  for (const item of list as Array<Record<string, unknown>>) {
    const name = Object.keys(item).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const content = (item[name] as unknown[]) ?? [];
    const text = content
      .filter((c) => typeof c === 'object' && c !== null && '#text' in c)
      .map((c) => String((c as Record<string, unknown>)['#text']))
      .join('');
    nodes.push({ name, attrs: (item[':@'] as Record<string, string>) ?? {}, children: toNodes(content), text });
  }
  return nodes;
}

/** The namespaces of EPCIS's own elements: an element so prefixed is a standard one. */
const EPCIS_NAMESPACES = new Set(['urn:epcglobal:epcis:xsd:2', 'urn:epcglobal:epcis:xsd:1']);

/** Prefixes bound (anywhere in the document) to an EPCIS namespace. */
function standardPrefixes(node: Node, found = new Set<string>()): Set<string> {
  for (const [attr, value] of Object.entries(node.attrs)) if (attr.startsWith('xmlns:') && EPCIS_NAMESPACES.has(value)) found.add(attr.slice(6));
  for (const c of node.children) standardPrefixes(c, found);
  return found;
}

/** The tree with EPCIS's own prefixes taken off (`epcis:eventTime` is `eventTime`) and xsi:nil elements left out. */
function unprefixed(node: Node, prefixes: Set<string>): Node {
  const colon = node.name.indexOf(':');
  const name = colon > 0 && prefixes.has(node.name.slice(0, colon)) ? node.name.slice(colon + 1) : node.name;
  const children = node.children.filter((c) => c.attrs['xsi:nil'] !== 'true').map((c) => unprefixed(c, prefixes));
  return { ...node, name, children };
}

function parse(text: string): Node {
  if (/<!DOCTYPE/i.test(text)) throw refuse('a DOCTYPE is not taken');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw refuse(`line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const root = toNodes(parser.parse(text) as unknown[])[0];
  if (!root) throw refuse('it holds no element');
  return unprefixed(root, standardPrefixes(root));
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
/** After `unprefixed`, a prefixed element is a user extension. */
const isExtension = (node: Node) => node.name.includes(':');
const childrenOf = (node: Node | undefined, name: string) => (node ? node.children.filter((c) => local(c.name) === name && !isExtension(c)) : []);
const child = (node: Node | undefined, name: string) => childrenOf(node, name)[0];

/** Namespace declarations anywhere in the tree, but those of the EPCIS context and of XML itself. */
function namespaces(node: Node, found: Record<string, string> = {}): Record<string, string> {
  for (const [attr, value] of Object.entries(node.attrs)) {
    const prefix = attr.startsWith('xmlns:') ? attr.slice(6) : null;
    if (prefix && !(prefix in EPCIS_CONTEXT_PREFIXES) && !['epcis', 'xsi', 'xml', 'sbdh', 'epcisq'].includes(prefix) && !value.startsWith('urn:epcglobal:')) found[prefix] = value;
  }
  for (const c of node.children) namespaces(c, found);
  return found;
}

const CBV_URNS: Record<string, string> = {
  bizStep: 'urn:epcglobal:cbv:bizstep:',
  disposition: 'urn:epcglobal:cbv:disp:',
  btt: 'urn:epcglobal:cbv:btt:',
  sdt: 'urn:epcglobal:cbv:sdt:',
  er: 'urn:epcglobal:cbv:er:',
};
const word = (kind: keyof typeof CBV_URNS, value: string) => (value.startsWith(CBV_URNS[kind]!) ? value.slice(CBV_URNS[kind]!.length) : value);

/** An extension element's value: its text, or its children as an object (repeated names as lists). */
function extensionValue(node: Node): unknown {
  const elements = node.children;
  if (elements.length === 0) return node.text;
  const out: JsonObject = {};
  for (const c of elements) if (c.children.length || c.text !== '') addValue(out, c.name, extensionValue(c));
  return out;
}

function addValue(out: JsonObject, key: string, value: unknown) {
  if (!(key in out)) out[key] = value;
  else if (Array.isArray(out[key])) (out[key] as unknown[]).push(value);
  else out[key] = [out[key], value];
}

/** The extension children of a node (wrappers such as `extension` opened), as JSON fields. */
function extensions(node: Node, out: JsonObject) {
  for (const c of node.children) if (isExtension(c)) addValue(out, c.name, extensionValue(c));
}

const NUMBERS = new Set(['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue']);

function attributes(node: Node): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    out[name] = NUMBERS.has(name) && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : name === 'booleanValue' ? value === 'true' : value;
  }
  return out;
}

/** Children of `extension` and `baseExtension` wrappers (EPCIS 1.x style) taken as the event's own. */
function flattened(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => (!isExtension(n) && (local(n.name) === 'extension' || local(n.name) === 'baseExtension') ? flattened(n.children) : [n]));
}

const list = (node: Node, item: string) => childrenOf(node, item).map((c) => c.text);

function quantities(node: Node) {
  return childrenOf(node, 'quantityElement').map((q) => {
    const out: JsonObject = { epcClass: child(q, 'epcClass')?.text };
    const quantity = child(q, 'quantity')?.text;
    if (quantity !== undefined) out.quantity = quantity.trim() !== '' && !Number.isNaN(Number(quantity)) ? Number(quantity) : quantity;
    const uom = child(q, 'uom')?.text;
    if (uom !== undefined) out.uom = uom;
    return out;
  });
}

function place(node: Node): JsonObject {
  const out: JsonObject = { id: child(node, 'id')?.text };
  extensions({ ...node, children: flattened(node.children) }, out);
  return out;
}

/** One event element in the JSON form. */
export function eventOf(node: Node): JsonObject {
  const out: JsonObject = { type: local(node.name) };
  for (const field of flattened(node.children)) {
    if (isExtension(field)) {
      addValue(out, field.name, extensionValue(field));
      continue;
    }
    const name = local(field.name);
    switch (name) {
      case 'epcList':
      case 'childEPCs':
      case 'inputEPCList':
      case 'outputEPCList':
        out[name] = list(field, 'epc');
        break;
      case 'quantityList':
      case 'childQuantityList':
      case 'inputQuantityList':
      case 'outputQuantityList':
        out[name] = quantities(field);
        break;
      case 'bizStep':
      case 'disposition':
        out[name] = word(name, field.text);
        break;
      case 'readPoint':
      case 'bizLocation':
        out[name] = place(field);
        break;
      case 'bizTransactionList':
        out[name] = childrenOf(field, 'bizTransaction').map((t) => ({ ...(t.attrs.type ? { type: word('btt', t.attrs.type) } : {}), bizTransaction: t.text }));
        break;
      case 'sourceList':
      case 'destinationList': {
        const item = name === 'sourceList' ? 'source' : 'destination';
        out[name] = childrenOf(field, item).map((s) => ({ type: word('sdt', s.attrs.type ?? ''), [item]: s.text }));
        break;
      }
      case 'persistentDisposition': {
        const value: JsonObject = {};
        for (const key of ['set', 'unset']) {
          const words = childrenOf(field, key).map((c) => word('disposition', c.text));
          if (words.length) value[key] = words;
        }
        out[name] = value;
        break;
      }
      case 'errorDeclaration': {
        const value: JsonObject = {};
        for (const c of flattened(field.children)) {
          if (isExtension(c)) addValue(value, c.name, extensionValue(c));
          else if (local(c.name) === 'reason') value.reason = word('er', c.text);
          else if (local(c.name) === 'correctiveEventIDs') value.correctiveEventIDs = list(c, 'correctiveEventID');
          else value[local(c.name)] = c.text;
        }
        out[name] = value;
        break;
      }
      case 'sensorElementList':
        out[name] = childrenOf(field, 'sensorElement').map((element) => {
          const value: JsonObject = {};
          const metadata = child(element, 'sensorMetadata');
          if (metadata) value.sensorMetadata = attributes(metadata);
          value.sensorReport = childrenOf(element, 'sensorReport').map(attributes);
          extensions(element, value);
          return value;
        });
        break;
      case 'ilmd': {
        const value: JsonObject = {};
        extensions({ ...field, children: flattened(field.children) }, value);
        out[name] = value;
        break;
      }
      default:
        // eventTime, recordTime, eventTimeZoneOffset, eventID, certificationInfo, action, parentID, transformationID, …
        out[name] = field.text;
    }
  }
  return out;
}

/** An EPCIS 2.0 XML document in the JSON form. */
export function xmlDocument(text: string): JsonObject {
  const root = parse(text);
  if (local(root.name) !== 'EPCISDocument') throw refuse(`the root element must be epcis:EPCISDocument, not ${root.name}`);
  const declared = namespaces(root);
  const body = child(root, 'EPCISBody');
  const eventList = child(body, 'EventList');
  const events = flattened(eventList?.children ?? []).filter((node) => (EVENT_TYPES as readonly string[]).includes(local(node.name)) || isExtension(node));
  return {
    '@context': [EPCIS_CONTEXT_URL, ...(Object.keys(declared).length ? [declared] : [])],
    type: 'EPCISDocument',
    schemaVersion: root.attrs.schemaVersion ?? '2.0',
    creationDate: root.attrs.creationDate,
    epcisBody: { eventList: events.map(eventOf) },
  };
}

/** One bare XML event (POST /epcis/events) in the JSON form, with its @context. */
export function xmlEvent(text: string): JsonObject {
  const root = parse(text);
  const declared = namespaces(root);
  return { '@context': [EPCIS_CONTEXT_URL, ...(Object.keys(declared).length ? [declared] : [])], ...eventOf(root) };
}
