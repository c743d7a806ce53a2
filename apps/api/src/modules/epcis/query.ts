/**
 * The standard query parameters of `GET /epcis/events` (and of named queries), read into one
 * EventQuery, and the SQL that answers it from epcis_event, paged by keyset.
 */
import type { Principal } from '../../shared/auth.js';
import type { Queryable } from '../packs/pack-rows.js';
import { identifierKey } from './identifiers.js';
import { EpcisError } from './problems.js';
import { cbvWord, EPCIS_LIMITS } from './vocabulary.js';

export interface EventQuery {
  eventType?: string[];
  GE_eventTime?: Date;
  LT_eventTime?: Date;
  GE_recordTime?: Date;
  LT_recordTime?: Date;
  EQ_action?: string[];
  EQ_bizStep?: string[];
  EQ_disposition?: string[];
  EQ_readPoint?: string[];
  EQ_bizLocation?: string[];
  MATCH_epc?: string[];
  MATCH_parentID?: string[];
  MATCH_inputEPC?: string[];
  MATCH_outputEPC?: string[];
  MATCH_anyEPC?: string[];
  EQ_eventID?: string[];
  orderBy: 'eventTime' | 'recordTime';
  orderDirection: 'ASC' | 'DESC';
  eventCountLimit?: number;
}

const LIST_PARAMS = [
  'eventType',
  'EQ_action',
  'EQ_bizStep',
  'EQ_disposition',
  'EQ_readPoint',
  'EQ_bizLocation',
  'MATCH_epc',
  'MATCH_parentID',
  'MATCH_inputEPC',
  'MATCH_outputEPC',
  'MATCH_anyEPC',
  'EQ_eventID',
] as const;
const TIME_PARAMS = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'] as const;
/** Parameters of the request that are not part of the query itself. */
export const PAGING_PARAMS = ['perPage', 'nextPageToken'] as const;
const OTHER_PARAMS = ['orderBy', 'orderDirection', 'eventCountLimit'] as const;
const KNOWN = new Set<string>([...LIST_PARAMS, ...TIME_PARAMS, ...PAGING_PARAMS, ...OTHER_PARAMS]);

const parameterError = (message: string) => new EpcisError('QueryParameterException', 400, message);

/** The values of one parameter: a list, pipe-delimited (the binding's `style: pipeDelimited`), or repeated. */
function valuesOf(name: string, raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') throw parameterError(`${name} must be text or a list of text`);
    values.push(...(Array.isArray(raw) ? [item] : item.split('|')));
  }
  const kept = values.map((v) => v.trim()).filter((v) => v !== '');
  if (kept.length === 0) throw parameterError(`${name} is empty`);
  if (kept.length > EPCIS_LIMITS.queryValues) throw parameterError(`${name} names ${kept.length} values; at most ${EPCIS_LIMITS.queryValues} are taken`);
  return kept;
}

function single(name: string, raw: unknown): string {
  if (Array.isArray(raw)) {
    if (raw.length !== 1) throw parameterError(`${name} is given ${raw.length} times; give it once`);
    raw = raw[0];
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') throw parameterError(`${name} must be a single value`);
  return String(raw);
}

/** Reads query parameters (of a URL or of a named query's JSON); unknown ones are a QueryParameterException. */
export function readQuery(params: Record<string, unknown>): EventQuery {
  const query: EventQuery = { orderBy: 'recordTime', orderDirection: 'ASC' };
  for (const name of Object.keys(params)) {
    if (!KNOWN.has(name)) {
      throw parameterError(`Unknown query parameter "${name}"; this repository takes ${[...LIST_PARAMS, ...TIME_PARAMS, ...OTHER_PARAMS].join(', ')}, perPage and nextPageToken`);
    }
  }
  for (const name of LIST_PARAMS) {
    if (params[name] === undefined) continue;
    let values = valuesOf(name, params[name]);
    if (name === 'EQ_bizStep') values = values.map((v) => cbvWord('bizStep', v)!);
    if (name === 'EQ_disposition') values = values.map((v) => cbvWord('disposition', v)!);
    if (name === 'EQ_action') {
      const wrong = values.find((v) => !['ADD', 'OBSERVE', 'DELETE'].includes(v));
      if (wrong) throw parameterError(`EQ_action "${wrong}" must be ADD, OBSERVE or DELETE`);
    }
    if (name.startsWith('MATCH_') || name === 'EQ_readPoint' || name === 'EQ_bizLocation') values = values.map(identifierKey);
    query[name] = values;
  }
  for (const name of TIME_PARAMS) {
    if (params[name] === undefined) continue;
    const text = single(name, params[name]);
    const at = new Date(text);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime())) throw parameterError(`${name} "${text}" must be a date and time such as 2026-11-29T10:00:00Z`);
    query[name] = at;
  }
  if (params.orderBy !== undefined) {
    const orderBy = single('orderBy', params.orderBy);
    if (orderBy !== 'eventTime' && orderBy !== 'recordTime') throw parameterError(`orderBy "${orderBy}" must be eventTime or recordTime`);
    query.orderBy = orderBy;
    query.orderDirection = 'DESC';
  }
  if (params.orderDirection !== undefined) {
    const direction = single('orderDirection', params.orderDirection);
    if (direction !== 'ASC' && direction !== 'DESC') throw parameterError(`orderDirection "${direction}" must be ASC or DESC`);
    if (params.orderBy === undefined) throw parameterError('orderDirection needs orderBy');
    query.orderDirection = direction;
  }
  if (params.eventCountLimit !== undefined) {
    if (params.orderBy === undefined) throw parameterError('eventCountLimit needs orderBy');
    query.eventCountLimit = positive('eventCountLimit', params.eventCountLimit);
  }
  return query;
}

export function positive(name: string, raw: unknown): number {
  const text = single(name, raw);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw parameterError(`${name} "${text}" must be a whole number, 1 or more`);
  return value;
}

/** Where a page starts: after the last event of the page before, and how many events eventCountLimit leaves. */
export interface PageToken {
  time: string;
  eventId: string;
  left: number | null;
}

export function readToken(text: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof token.t === 'string' && typeof token.e === 'string' && !Number.isNaN(Date.parse(token.t))) {
      return { time: token.t, eventId: token.e, left: typeof token.l === 'number' ? token.l : null };
    }
  } catch {
    // answered below
  }
  throw parameterError('nextPageToken is not one this repository gave; start again without it');
}

export const writeToken = (token: PageToken) => Buffer.from(JSON.stringify({ t: token.time, e: token.eventId, l: token.left })).toString('base64url');

/** One event found: the time it is ordered by, its eventID (the tie-break) and its document. */
export interface Found {
  time: Date;
  eventId: string;
  document: Record<string, unknown>;
  context: unknown[] | null;
}

/** Events of epcis_event answering `query` that `principal` may see, from `after` on, `limit` at most. */
export async function findStored(db: Queryable, principal: Principal, query: EventQuery, after: PageToken | null, limit: number): Promise<Found[]> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (principal.organizationType !== 'REGULATOR') {
    const org = p(principal.organizationId);
    where.push(`(e.organization_id = ${org}::uuid or e.viewer_ids @> array[${org}::uuid])`);
  }
  if (query.eventType) where.push(`e.type = any(${p(query.eventType)}::text[])`);
  if (query.GE_eventTime) where.push(`e.event_time >= ${p(query.GE_eventTime)}`);
  if (query.LT_eventTime) where.push(`e.event_time < ${p(query.LT_eventTime)}`);
  if (query.GE_recordTime) where.push(`e.record_time >= ${p(query.GE_recordTime)}`);
  if (query.LT_recordTime) where.push(`e.record_time < ${p(query.LT_recordTime)}`);
  if (query.EQ_action) where.push(`e.action = any(${p(query.EQ_action)}::text[])`);
  if (query.EQ_bizStep) where.push(`e.biz_step = any(${p(query.EQ_bizStep)}::text[])`);
  if (query.EQ_disposition) where.push(`e.disposition = any(${p(query.EQ_disposition)}::text[])`);
  if (query.EQ_readPoint) where.push(`e.read_point = any(${p(query.EQ_readPoint)}::text[])`);
  if (query.EQ_bizLocation) where.push(`e.biz_location = any(${p(query.EQ_bizLocation)}::text[])`);
  if (query.EQ_eventID) where.push(`e.event_id = any(${p(query.EQ_eventID)}::text[])`);
  // Every list of EPCs is in any_epcs, which the GIN index answers; the narrower list is checked on the rows it finds.
  const match = (values: string[] | undefined, check: (list: string) => string) => {
    if (!values) return;
    const list = p(values);
    where.push(`e.any_epcs && ${list}::text[]`, check(list));
  };
  match(query.MATCH_epc, (list) => `e.epcs && ${list}::text[]`);
  match(query.MATCH_parentID, (list) => `e.parent_id = any(${list}::text[])`);
  match(query.MATCH_inputEPC, (list) => `e.input_epcs && ${list}::text[]`);
  match(query.MATCH_outputEPC, (list) => `e.output_epcs && ${list}::text[]`);
  match(query.MATCH_anyEPC, () => 'true');
  const column = query.orderBy === 'eventTime' ? 'e.event_time' : 'e.record_time';
  const direction = query.orderDirection === 'ASC' ? 'asc' : 'desc';
  if (after) where.push(`(${column}, e.event_id) ${direction === 'asc' ? '>' : '<'} (${p(after.time)}::timestamptz, ${p(after.eventId)}::text)`);
  const { rows } = await db.query(
    `select ${column} as time, e.event_id as "eventId", e.document, e.context from epcis_event e
      ${where.length ? `where ${where.filter((w) => w !== 'true').join(' and ')}` : ''}
      order by ${column} ${direction}, e.event_id ${direction} limit ${p(limit)}`,
    params,
  );
  return rows as Found[];
}
