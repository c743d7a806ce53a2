/**
 * The event store of the EPCIS repository (table epcis_event): rows made from captured events,
 * written with one COPY per capture, and read by the standard query parameters.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Queryable } from '../packs/pack-rows.js';
import { identifierKey, registryKeys } from './identifiers.js';
import { isObject, type JsonObject } from './validation.js';
import { cbvWord } from './vocabulary.js';

/** One event as it is stored: the document as sent (with its eventID and recordTime) and its query columns. */
export interface EventRow {
  eventId: string;
  /** An error declaration of the event with this eventID (stored beside it). */
  errorDeclaration: boolean;
  type: string;
  eventTime: Date;
  recordTime: Date;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  epcs: string[];
  parentId: string | null;
  inputEpcs: string[];
  outputEpcs: string[];
  anyEpcs: string[];
  organizationId: string;
  viewerIds: string[];
  captureId: string | null;
  /** The namespace declarations of the event's document (its @context without the standard context). */
  context: unknown[] | null;
  document: JsonObject;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const unique = (values: string[]) => (values.length < 2 ? values : [...new Set(values)]);

/**
 * The query columns of one event. `keys` remembers identifiers already made canonical (the same
 * readPoint in every event of a document).
 */
export function rowOf(event: JsonObject, organizationId: string, captureId: string | null, context: unknown[] | null, keys = new Map<string, string>()): EventRow {
  const key = (value: string) => {
    let found = keys.get(value);
    if (found === undefined) {
      found = identifierKey(value);
      if (keys.size < 10_000) keys.set(value, found);
    }
    return found;
  };
  const idOf = (value: unknown): string | null => (isObject(value) && typeof value.id === 'string' ? key(value.id) : null);
  const epcs = unique([...strings(event.epcList), ...strings(event.childEPCs)].map(identifierKey));
  const parentId = typeof event.parentID === 'string' ? key(event.parentID) : null;
  const inputEpcs = unique(strings(event.inputEPCList).map(identifierKey));
  const outputEpcs = unique(strings(event.outputEPCList).map(identifierKey));
  return {
    eventId: event.eventID as string,
    errorDeclaration: isObject(event.errorDeclaration),
    type: event.type as string,
    eventTime: new Date(event.eventTime as string),
    recordTime: new Date(event.recordTime as string),
    action: typeof event.action === 'string' ? event.action : null,
    bizStep: cbvWord('bizStep', event.bizStep),
    disposition: cbvWord('disposition', event.disposition),
    readPoint: idOf(event.readPoint),
    bizLocation: idOf(event.bizLocation),
    epcs,
    parentId,
    inputEpcs,
    outputEpcs,
    anyEpcs: unique([...epcs, ...(parentId ? [parentId] : []), ...inputEpcs, ...outputEpcs]),
    organizationId,
    viewerIds: [],
    captureId,
    context,
    document: event,
  };
}

/** The identifiers of an event that name things Jejak registers: where it happened, what it names. */
export function namedKeys(row: EventRow, event: JsonObject): string[] {
  const keys = [...row.anyEpcs];
  if (row.readPoint) keys.push(row.readPoint);
  if (row.bizLocation) keys.push(row.bizLocation);
  for (const list of ['sourceList', 'destinationList'] as const) {
    const entries = Array.isArray(event[list]) ? (event[list] as unknown[]) : [];
    for (const entry of entries) {
      const id = isObject(entry) ? (entry.source ?? entry.destination) : null;
      if (typeof id === 'string') keys.push(identifierKey(id));
    }
  }
  for (const entry of Array.isArray(event.quantityList) ? event.quantityList : []) {
    if (isObject(entry) && typeof entry.epcClass === 'string') keys.push(identifierKey(entry.epcClass));
  }
  return keys;
}

/**
 * Who an event is about: the organisations whose facilities it names by GLN, whose products it
 * names by GTIN or NIE, and whose cases and pallets it names by SSCC. One statement for all the
 * events of a capture.
 */
export async function setViewers(db: Queryable, rows: EventRow[], keysOf: (row: EventRow) => string[]) {
  const kinds: string[] = [];
  const values: string[] = [];
  const seen = new Set<string>();
  const perRow = rows.map((row) => {
    const mine: string[] = [];
    for (const key of keysOf(row)) {
      const named = registryKeys(key);
      for (const [kind, value] of Object.entries(named)) {
        if (!value) continue;
        const id = `${kind}:${value}`;
        mine.push(id);
        if (!seen.has(id)) {
          seen.add(id);
          kinds.push(kind);
          values.push(value);
        }
      }
    }
    return mine;
  });
  if (values.length === 0) return;
  const { rows: found } = await db.query(
    `select k.kind || ':' || k.value as id, array_agg(distinct o.org)::text[] as orgs
       from unnest($1::text[], $2::text[]) as k(kind, value)
       join lateral (
         select f.organization_id as org from facility f where k.kind = 'gln' and f.gln = k.value
         union all select p.registrant_id from product p where k.kind = 'gtin' and p.gtin = k.value
         union all select p.registrant_id from product p where k.kind = 'nie' and p.nie = k.value
         union all select f.organization_id from pack p join facility f on f.id = p.custodian_id where k.kind = 'sscc' and p.sscc = k.value
       ) o on true
      group by 1`,
    [kinds, values],
  );
  const orgs = new Map(found.map((row) => [row.id as string, row.orgs as string[]]));
  rows.forEach((row, i) => {
    row.viewerIds = unique(perRow[i]!.flatMap((id) => orgs.get(id) ?? []));
  });
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/** A value in COPY's text format. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal, in COPY's text format. */
function copyArray(values: string[]): string {
  return copyText(`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => '\\' + c)}"`).join(',')}}`);
}

function* copyLines(rows: Iterable<EventRow>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk +=
      [
        copyText(row.eventId),
        row.errorDeclaration ? 't' : 'f',
        copyText(row.type),
        copyText(row.eventTime.toISOString()),
        copyText(row.recordTime.toISOString()),
        copyText(row.action),
        copyText(row.bizStep),
        copyText(row.disposition),
        copyText(row.readPoint),
        copyText(row.bizLocation),
        copyArray(row.epcs),
        copyText(row.parentId),
        copyArray(row.inputEpcs),
        copyArray(row.outputEpcs),
        copyArray(row.anyEpcs),
        copyText(row.organizationId),
        copyArray(row.viewerIds),
        copyText(row.captureId),
        copyText(row.context ? JSON.stringify(row.context) : null),
        copyText(JSON.stringify(row.document)),
      ].join('\t') + '\n';
    if (chunk.length > 1 << 18) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const COLUMNS =
  'event_id, error_declaration, type, event_time, record_time, action, biz_step, disposition, read_point, biz_location, epcs, parent_id, input_epcs, output_epcs, any_epcs, organization_id, viewer_ids, capture_id, context, document';
const UNIQUE_VIOLATION = '23505';

/** What is unique among stored events: the eventID, and whether it is the event or its error declaration. */
export const storeKey = (row: Pick<EventRow, 'eventId' | 'errorDeclaration'>) => `${row.errorDeclaration ? '!' : ''}${row.eventId}`;

/**
 * Stores the rows not stored yet (by eventID: the same event captured twice is stored once), in
 * the caller's transaction, with one COPY, each row completed (`complete`) as it is written.
 * Answers the storeKeys of those that were new. The COPY goes first, as if every event were new;
 * an event stored already fails it on the unique index, and it is then undone to its savepoint
 * and the rows are written again without those stored.
 */
export async function storeEvents(client: PoolClient, rows: EventRow[], complete: (row: EventRow) => void = () => undefined): Promise<Set<string>> {
  const added = new Set<string>();
  function* fresh() {
    for (const row of rows) {
      complete(row);
      const key = storeKey(row);
      if (added.has(key)) continue;
      added.add(key);
      yield row;
    }
  }
  await client.query('savepoint epcis_store');
  try {
    await copy(client, fresh());
    await client.query('release savepoint epcis_store');
    return added;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('rollback to savepoint epcis_store');
  }
  for (const row of rows) complete(row);
  return storeNew(client, rows);
}

const copy = (client: PoolClient, rows: Iterable<EventRow>) =>
  pipeline(Readable.from(copyLines(rows)), client.query(copyFrom(`copy epcis_event (${COLUMNS}) from stdin`)));

/** Stores the rows whose eventIDs are not stored yet. */
async function storeNew(client: PoolClient, rows: EventRow[]): Promise<Set<string>> {
  for (let attempt = 0; ; attempt++) {
    const { rows: existing } = await client.query('select event_id, error_declaration from epcis_event where event_id = any($1::text[])', [rows.map((row) => row.eventId)]);
    const known = new Set(existing.map((row) => storeKey({ eventId: row.event_id, errorDeclaration: row.error_declaration })));
    const fresh: EventRow[] = [];
    const added = new Set<string>();
    for (const row of rows) {
      const key = storeKey(row);
      if (known.has(key) || added.has(key)) continue;
      added.add(key);
      fresh.push(row);
    }
    if (fresh.length === 0) return added;
    await client.query('savepoint epcis_store');
    try {
      await copy(client, fresh);
      await client.query('release savepoint epcis_store');
      return added;
    } catch (error) {
      // Another capture stored one of these events meanwhile: read again and leave it out.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw error;
      await client.query('rollback to savepoint epcis_store');
    }
  }
}
