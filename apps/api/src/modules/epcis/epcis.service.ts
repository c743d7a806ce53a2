/**
 * The EPCIS 2.0 repository: capture (whole documents or one event), capture jobs, and queries.
 *
 * A capture is checked whole before anything is stored (validation.ts). Its events that move
 * Jejak's packs go through the lifecycle rules (custody.ts) and the rest are kept as a repository
 * keeps them; all are stored with one COPY in the transaction that applied the movements. With
 * GS1-Capture-Error-Behaviour `rollback` (the default) one refused event refuses the capture; with
 * `proceed` the refused events are left out and the others stored.
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import type { Clock } from '../lifecycle/clock.js';
import type { CustodyService } from './custody.js';
import { eventHashId, namespacesOf } from './event-hash.js';
import type { LifecycleEvents } from './lifecycle-events.js';
import type { SubscriptionService } from './subscriptions.js';
import { EpcisError, problemOf, toProblem, type Problem } from './problems.js';
import { findStored, readToken, writeToken, type EventQuery, type Found, type PageToken } from './query.js';
import { namedKeys, rowOf, setViewers, storeEvents, storeKey, type EventRow } from './store.js';
import { checkDocument, checkEvent, isObject, type JsonObject } from './validation.js';
import { EPCIS_CONTEXT_URL, EPCIS_LIMITS } from './vocabulary.js';

export type ErrorBehaviour = 'rollback' | 'proceed';

export interface CaptureJob {
  captureID: string;
  createdAt: string;
  finishedAt: string | null;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: ErrorBehaviour;
  errors: Problem[];
}

/** A page of events, and where the next one starts (null: this was the last). */
export interface EventPage {
  events: Found[];
  next: string | null;
}

/** Events of a capture ready to store, with where each is in its document. */
interface Prepared {
  rows: EventRow[];
  pointers: string[];
  /** The events as sent. */
  events: JsonObject[];
  /** Gives a row its eventID and its document's eventID and recordTime. */
  complete: (row: EventRow) => void;
}

/** A refusal that ends the capture's transaction (rollback), carrying its problems. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('capture refused');
  }
}

export class EpcisService {
  constructor(
    private readonly clock: Clock,
    private readonly custody: CustodyService,
    private readonly lifecycle: LifecycleEvents,
    private readonly subscriptions: SubscriptionService,
  ) {}

  /**
   * `POST /epcis/capture`: checks the document (a ValidationException or
   * CaptureLimitExceededException refuses it at once), then runs the capture job to its end and
   * answers its id.
   */
  async capture(ctx: Context, document: unknown, behaviour: ErrorBehaviour): Promise<string> {
    const principal = requirePrincipal(ctx);
    const checked = checkDocument(document);
    const id = randomUUID();
    const created = this.clock.now();
    await ctx.pool.query(
      `insert into epcis_capture (id, organization_id, error_behaviour, events, created_at) values ($1, $2, $3, $4, $5)`,
      [id, principal.organizationId, behaviour, checked.events.length, created],
    );
    let problems: Problem[] = [];
    let stored: EventRow[] = [];
    try {
      const prepared = this.prepare(checked.events, checked.pointers, checked.context, principal, id);
      ({ problems, stored } = await this.store(ctx, principal, prepared, behaviour));
    } catch (error) {
      const problem = toProblem(error);
      if (!problem) {
        await this.finish(ctx, id, [problemOf('ImplementationException', 500, 'The capture failed on the server; it has been logged')], 0);
        throw error;
      }
      problems = [problem];
    }
    await this.finish(ctx, id, problems, stored.length);
    return id;
  }

  private async finish(ctx: Context, id: string, problems: Problem[], stored: number) {
    await ctx.pool.query(`update epcis_capture set running = false, success = $2, errors = $3, stored = $4, finished_at = $5 where id = $1`, [
      id,
      problems.length === 0,
      JSON.stringify(problems),
      stored,
      this.clock.now(),
    ]);
  }

  /** `POST /epcis/events`: one event, stored at once; a 409 when its eventID is stored already. */
  async addEvent(ctx: Context, body: unknown): Promise<string> {
    const principal = requirePrincipal(ctx);
    const event = checkEvent(body);
    const prepared = this.prepare([event], ['#'], event['@context'], principal, null);
    const row = prepared.rows[0]!;
    prepared.complete(row);
    const { rows: existing } = await ctx.pool.query('select 1 from epcis_event where event_id = $1 and error_declaration = $2', [row.eventId, row.errorDeclaration]);
    if (existing.length) throw new EpcisError('ResourceConflictException', 409, `An event with eventID ${row.eventId} is stored already`);
    const { problems, stored } = await this.store(ctx, principal, prepared, 'rollback');
    if (problems.length) throw new EpcisError('ValidationException', 400, problems[0]!.title, problems.slice(1), problems[0]!.instance);
    if (stored.length === 0) throw new EpcisError('ResourceConflictException', 409, `An event with eventID ${row.eventId} is stored already`);
    return row.eventId;
  }

  /**
   * The rows of a capture's events. Each is completed (its eventID, the Event Hash ID when it has
   * none, and the recordTime written into its document) as it is stored, so that hashing overlaps
   * the database's work; `complete` does it at once where the eventID is needed first.
   */
  private prepare(events: JsonObject[], pointers: string[], ldContext: unknown, principal: Principal, captureId: string | null): Prepared {
    const namespaces = namespacesOf(ldContext);
    const recordTime = this.clock.now();
    const extra = (Array.isArray(ldContext) ? ldContext : [ldContext]).filter((entry) => entry !== undefined && entry !== EPCIS_CONTEXT_URL);
    const context = extra.length ? extra : null;
    const keys = new Map<string, string>();
    const rows = events.map((event) => {
      const row = rowOf(event, principal.organizationId, captureId, context, keys);
      row.recordTime = recordTime;
      row.eventId = '';
      return row;
    });
    const stamp = recordTime.toISOString();
    const complete = (row: EventRow) => {
      if (row.eventId) return;
      const event = row.document;
      const eventID = typeof event.eventID === 'string' ? event.eventID : eventHashId(event, { namespaces });
      const { eventID: _id, recordTime: _time, ...rest } = event;
      row.eventId = eventID;
      row.document = { ...rest, eventID, recordTime: stamp };
    };
    return { rows, pointers, events, complete };
  }

  /** Applies the custody events and stores every event not refused, in one transaction. */
  private async store(ctx: Context, principal: Principal, prepared: Prepared, behaviour: ErrorBehaviour): Promise<{ problems: Problem[]; stored: EventRow[] }> {
    const after: Array<() => Promise<void>> = [];
    try {
      const result = await inTransaction(ctx.pool, async (client: PoolClient) => {
        after.length = 0;
        const outcome = await this.custody.apply(ctx, client, principal, prepared.events, prepared.pointers);
        if (outcome.problems.length && behaviour === 'rollback') throw new Refused(outcome.problems);
        after.push(...outcome.after);
        const kept = prepared.rows.filter((_row, i) => !outcome.refused.has(i));
        await setViewers(client, kept, (row) => namedKeys(row, row.document));
        const added = await storeEvents(client, kept, prepared.complete);
        const stored = kept.filter((row) => added.has(storeKey(row)));
        await this.subscriptions.enqueue(client, stored);
        return { problems: outcome.problems, stored };
      });
      for (const task of after) await task();
      return result;
    } catch (error) {
      if (error instanceof Refused) return { problems: error.problems, stored: [] };
      throw error;
    }
  }

  /** `GET /epcis/capture`: the caller's organisation's latest capture jobs, newest first. */
  async captureJobs(ctx: Context): Promise<CaptureJob[]> {
    const principal = requirePrincipal(ctx);
    const { rows } = await ctx.pool.query(
      `select id, created_at, finished_at, running, success, error_behaviour, errors from epcis_capture where organization_id = $1 order by created_at desc limit 100`,
      [principal.organizationId],
    );
    return rows.map(toJob);
  }

  /** `GET /epcis/capture/{id}`: the job of a capture the caller's organisation made. */
  async captureJob(ctx: Context, id: string): Promise<CaptureJob> {
    const principal = requirePrincipal(ctx);
    const { rows } = /^[0-9a-f-]{36}$/i.test(id)
      ? await ctx.pool.query(
          `select id, created_at, finished_at, running, success, error_behaviour, errors from epcis_capture where id = $1 and (organization_id = $2 or $3)`,
          [id, principal.organizationId, principal.organizationType === 'REGULATOR'],
        )
      : { rows: [] };
    const row = rows[0];
    if (!row) throw new EpcisError('NoSuchResourceException', 404, `No capture job ${id} of your organisation`);
    return toJob(row);
  }

  /** One page of the events answering `query` that the caller may see: those stored, and Jejak's own movements. */
  async events(ctx: Context, query: EventQuery, perPage: number, tokenText: string | null): Promise<EventPage> {
    const principal = requirePrincipal(ctx);
    const after: PageToken | null = tokenText ? readToken(tokenText) : null;
    const left = after?.left ?? query.eventCountLimit ?? null;
    const limit = Math.min(perPage, left ?? perPage);
    const [stored, lifecycle] = await Promise.all([
      findStored(ctx.pool, principal, query, after, limit + 1),
      this.lifecycle.find(ctx, principal, query, after, limit + 1),
    ]);
    const asc = query.orderDirection === 'ASC';
    const merged = [...stored, ...lifecycle].sort((a, b) => {
      const byTime = a.time.getTime() - b.time.getTime() || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
      return asc ? byTime : -byTime;
    });
    const events = merged.slice(0, limit);
    const more = merged.length > limit && (left === null || left > limit);
    const last = events[events.length - 1];
    const next = more && last ? writeToken({ time: last.time.toISOString(), eventId: last.eventId, left: left === null ? null : left - limit }) : null;
    return { events, next };
  }

  /** `GET /epcis/events/{eventID}`. */
  async event(ctx: Context, eventId: string): Promise<Found> {
    const page = await this.events(ctx, { EQ_eventID: [eventId], orderBy: 'recordTime', orderDirection: 'ASC' }, 1, null);
    const found = page.events[0];
    if (!found) throw new EpcisError('NoSuchResourceException', 404, `No event ${eventId} that you may see`);
    return found;
  }
}

const toJob = (row: Record<string, any>): CaptureJob => ({
  captureID: row.id,
  createdAt: row.created_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  running: row.running,
  success: row.success,
  captureErrorBehaviour: row.error_behaviour,
  errors: row.errors,
});

/** The @context of an answer: the EPCIS context, and the namespaces the events' documents declared. */
export function contextOf(found: Found[]): { context: unknown[]; own: Map<Found, unknown> } {
  const prefixes = new Map<string, unknown>();
  const others: unknown[] = [];
  const own = new Map<Found, unknown>();
  for (const event of found) {
    let clash = false;
    for (const entry of event.context ?? []) {
      if (!isObject(entry)) {
        if (!others.includes(entry)) others.push(entry);
        continue;
      }
      for (const [prefix, iri] of Object.entries(entry)) {
        const known = prefixes.get(prefix);
        if (known === undefined) prefixes.set(prefix, iri);
        else if (JSON.stringify(known) !== JSON.stringify(iri)) clash = true;
      }
    }
    if (clash) own.set(event, event.context);
  }
  const declared = prefixes.size ? [Object.fromEntries(prefixes)] : [];
  return { context: [EPCIS_CONTEXT_URL, ...others, ...declared], own };
}

export const PER_PAGE = { default: EPCIS_LIMITS.defaultPerPage, max: EPCIS_LIMITS.perPage };

/** An EPCISQueryDocument holding `events`. */
export function queryDocument(events: Found[], next: string | null, queryName = 'SimpleEventQuery') {
  const { context, own } = contextOf(events);
  return {
    '@context': context,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: {
      queryResults: {
        queryName,
        resultsBody: { eventList: events.map((event) => (own.has(event) ? { '@context': own.get(event), ...event.document } : event.document)) },
        ...(next ? { nextPageToken: next } : {}),
      },
    },
  };
}
