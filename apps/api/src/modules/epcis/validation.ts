/**
 * Checks an EPCIS 2.0 JSON / JSON-LD document before anything is stored: the GS1 JSON Schema
 * (apps/api/epcis/EPCIS-JSON-Schema.json, draft-07, with formats), then what the schema leaves
 * open (CBV words written as Web URIs or URNs, event times, the event count). A document with any
 * problem is refused whole, each problem located by a JSON pointer.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { EpcisError, pointerOf, problemOf, type Problem } from './problems.js';
import { EPCIS_LIMITS } from './vocabulary.js';

/** The schema's words for each CBV field, read from the schema itself. */
const SCHEMA: { definitions: Record<string, { anyOf?: Array<{ enum?: string[] }> }> } = JSON.parse(
  readFileSync(new URL('../../../epcis/EPCIS-JSON-Schema.json', import.meta.url), 'utf8'),
);

const compiled = new Map<boolean, ValidateFunction>();

/** The schema compiled to stop at the first error (a quick pass) or to find them all (to answer them). */
function validator(allErrors: boolean): ValidateFunction {
  let validate = compiled.get(allErrors);
  if (!validate) {
    const ajv = new Ajv({ allErrors, strict: false });
    const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Ajv) => Ajv;
    addFormats(ajv);
    validate = ajv.compile(SCHEMA);
    compiled.set(allErrors, validate);
  }
  return validate;
}

const wordsOf = (definition: string) => new Set(SCHEMA.definitions[definition]?.anyOf?.flatMap((alt) => alt.enum ?? []) ?? []);
const CBV_FIELDS: Record<string, { words: Set<string>; web: string; urn: string }> = {
  bizStep: { words: wordsOf('bizStep'), web: 'https://ref.gs1.org/cbv/BizStep-', urn: 'urn:epcglobal:cbv:bizstep:' },
  disposition: { words: wordsOf('disposition'), web: 'https://ref.gs1.org/cbv/Disp-', urn: 'urn:epcglobal:cbv:disp:' },
};

export type JsonObject = Record<string, unknown>;
export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a checked document holds: its events (with where they are in it) and its @context. */
export interface CheckedDocument {
  events: JsonObject[];
  /** JSON pointer of each event, for the problems found later (custody refusals). */
  pointers: string[];
  context: unknown;
}

const refused = (errors: Problem[]) =>
  new EpcisError('ValidationException', 400, `The document was refused: ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was stored`, errors);

/** A whole EPCIS document (or query document) for /capture: its events, or a ValidationException naming each problem. */
export function checkDocument(document: unknown): CheckedDocument {
  if (!isObject(document)) throw refused([problemOf('ValidationException', 400, 'The body must be a JSON object: an EPCISDocument', '#')]);
  const type = document.type;
  if (type !== 'EPCISDocument' && type !== 'EPCISQueryDocument') {
    throw refused([problemOf('ValidationException', 400, `"type" must be EPCISDocument (or EPCISQueryDocument), not ${JSON.stringify(type)}`, '#/type')]);
  }
  const path = type === 'EPCISDocument' ? ['epcisBody', 'eventList'] : ['epcisBody', 'queryResults', 'resultsBody', 'eventList'];
  const list = path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  const events = Array.isArray(list) ? list : [];
  if (events.length > EPCIS_LIMITS.captureEvents) {
    throw new EpcisError(
      'CaptureLimitExceededException',
      413,
      `The document holds ${events.length.toLocaleString('en')} events; at most ${EPCIS_LIMITS.captureEvents.toLocaleString('en')} are taken at once (GS1-EPCIS-Capture-Limit): split it`,
    );
  }
  const problems = schemaProblems(document);
  const pointers = events.map((_event, i) => pointerOf([...path, i]));
  events.forEach((event, i) => problems.push(...eventProblems(event, pointers[i]!)));
  if (problems.length) throw refused(problems);
  return { events: events as JsonObject[], pointers, context: document['@context'] };
}

/** One bare event for POST /events: the same checks, its @context required by the schema. */
export function checkEvent(event: unknown): JsonObject {
  if (!isObject(event)) throw refused([problemOf('ValidationException', 400, 'The body must be one EPCIS event, a JSON object', '#')]);
  const problems = schemaProblems(event);
  problems.push(...eventProblems(event, '#'));
  if (problems.length) throw refused(problems);
  return event;
}

/** The schema's errors, one problem per place: wrapper keywords (if, anyOf) say nothing of their own. */
function schemaProblems(value: unknown): Problem[] {
  if (validator(false)(value)) return [];
  const validate = validator(true);
  validate(value);
  const byPlace = new Map<string, string[]>();
  const errors = (validate.errors ?? []) as ErrorObject[];
  const specific = errors.filter((error) => !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(error.keyword));
  for (const error of specific.length ? specific : errors) {
    const place = `#${error.instancePath}`;
    const message = describe(error);
    const messages = byPlace.get(place) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byPlace.set(place, messages);
  }
  return [...byPlace].map(([place, messages]) => problemOf('ValidationException', 400, `${place === '#' ? 'the document' : place.slice(1)}: ${messages.join('; or ')}`, place));
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]) ?? [];
    return allowed.length > 12 ? `must be a standard CBV value (such as ${allowed.slice(0, 6).join(', ')}, …) or a URI` : `must be one of ${allowed.join(', ')}`;
  }
  if (error.keyword === 'format' && params.format === 'uri') return 'must be a URI (a scheme such as https: or urn: first)';
  return error.message ?? error.keyword;
}

/** What the schema does not check of one event. */
function eventProblems(event: unknown, at: string): Problem[] {
  if (!isObject(event)) return [];
  const problems: Problem[] = [];
  for (const [field, { words, web, urn }] of Object.entries(CBV_FIELDS)) {
    const value = event[field];
    if (typeof value !== 'string') continue;
    const word = value.startsWith(web) ? value.slice(web.length) : value.startsWith(urn) ? value.slice(urn.length) : null;
    if (word !== null && !words.has(word)) {
      problems.push(problemOf('ValidationException', 400, `${at.slice(1)}/${field}: "${value}" names no ${field} of the CBV 2.0`, `${at}/${field}`));
    }
  }
  for (const field of ['eventTime', 'recordTime'] as const) {
    const value = event[field];
    if (typeof value === 'string' && Number.isNaN(Date.parse(value))) {
      problems.push(problemOf('ValidationException', 400, `${at.slice(1)}/${field}: "${value}" is not a date and time`, `${at}/${field}`));
    }
  }
  return problems;
}
