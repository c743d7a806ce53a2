import { parse } from '@jejak/gs1';
import type { RejectionReason, RejectionRule } from '../../gql/graphql';
import type { ErrorCode } from '../../shared/errors';
import { readScan, type ScanRead } from '../../shared/scanner';

/**
 * The scan session's list as pure data: what a read becomes, how answers settle it, what goes
 * in the next batch. `useScanSession` keeps it (persistence.ts) and sends it (sender.ts).
 */

export type ItemState = 'invalid' | 'queued' | 'sending' | 'accepted' | 'rejected' | 'failed';
export type ItemSource = 'camera' | 'keyboard' | 'paste' | 'csv';

export interface ScanItem {
  id: number;
  /** What makes two reads the same code: the canonical bracketed form when it parses. */
  key: string;
  /** What is sent and shown: the bracketed form when it parses, else the text exactly as read. */
  code: string;
  source: ItemSource;
  /** For uploads: the data row (1 = first after the header). */
  row?: number;
  /** For files the API reads itself: the whole line, sent with `csvHeader`. */
  line?: string;
  csvHeader?: string;
  /** The screen's context when it was read (e.g. the destination), as JSON. */
  context: string;
  at: number;
  state: ItemState;
  reason?: RejectionReason;
  /** The exact rule that refused it, when the server named one. */
  rule?: RejectionRule;
  message?: string;
  error?: ErrorCode;
  /** The code belongs to a recalled batch (or holds one): applied or refused, it is to be pulled. */
  recalled?: boolean;
}

export type NewItem = Omit<ScanItem, 'id'>;

export interface BulkOutcome {
  accepted: number;
  units: number;
  rejected: ReadonlyArray<{ code: string; reason: RejectionReason; rule?: RejectionRule | null; message: string; row?: number | null }>;
  /** Codes applied that belong to a recalled batch. */
  recalled?: readonly string[] | null;
}

export interface Stored {
  items: ScanItem[];
  nextId: number;
  units: number;
}

export const EMPTY: Stored = { items: [], nextId: 1, units: 0 };

export type Action =
  | { type: 'replace'; stored: Stored }
  /** New reads, each replacing an earlier one of the same key (a failed one, since others are duplicates). */
  | { type: 'add'; items: readonly NewItem[] }
  | { type: 'sending'; batch: readonly ScanItem[] }
  | { type: 'answered'; batch: readonly ScanItem[]; outcome: BulkOutcome; csv: boolean }
  /** Back in the queue: the network or the login was missing. */
  | { type: 'requeue'; batch: readonly ScanItem[] }
  | { type: 'failed'; batch: readonly ScanItem[]; error: ErrorCode }
  | { type: 'retryFailed' }
  /** A new list; reads still waiting to be sent are kept. */
  | { type: 'clear' };

/** What a read becomes: queued when it parses (sent bracketed), invalid otherwise (kept as read). */
export function itemOf(read: Pick<ScanRead, 'text' | 'parsed' | 'at'>, source: ItemSource, context: string, row?: number): NewItem {
  const valid = read.parsed.valid && !!read.parsed.bracketed;
  const code = valid ? read.parsed.bracketed! : read.text;
  return { key: code, code, source, row, context, at: read.at, state: valid ? 'queued' : 'invalid' };
}

/** Keys already in the list that a new read of the same code would duplicate (failed reads may be read again). */
export function liveKeys(items: readonly ScanItem[]): Set<string> {
  return new Set(items.filter((item) => item.state !== 'failed').map((item) => item.key));
}

/**
 * Lines (pasted, or a file's codes) as new reads: blank lines skipped, duplicates of the list
 * (`seen`, updated) and of each other dropped.
 */
export function readLines(
  entries: ReadonlyArray<{ text: string; row?: number }>,
  seen: Set<string>,
  source: ItemSource,
  context: string,
  at: number,
): { items: NewItem[]; duplicates: number; invalid: number } {
  const items: NewItem[] = [];
  let duplicates = 0;
  let invalid = 0;
  for (const entry of entries) {
    const read = readScan(entry.text.trim(), 'keyboard');
    if (!read.text) continue;
    const item = itemOf({ ...read, at }, source, context, entry.row);
    if (seen.has(item.key)) {
      duplicates++;
      continue;
    }
    seen.add(item.key);
    if (item.state === 'invalid') invalid++;
    items.push(item);
  }
  return { items, duplicates, invalid };
}

/** The item a rejection names: by the code as sent, else by its canonical form. */
export function matchItem(batch: readonly ScanItem[], code: string): ScanItem | undefined {
  const exact = batch.find((item) => item.code === code);
  if (exact) return exact;
  const parsed = parse(code);
  return parsed.bracketed ? batch.find((item) => item.key === parsed.bracketed) : undefined;
}

function settle(state: Stored, batch: readonly ScanItem[], change: (item: ScanItem) => ScanItem, units = 0): Stored {
  const ids = new Set(batch.map((item) => item.id));
  return { ...state, units: state.units + units, items: state.items.map((item) => (ids.has(item.id) ? change(item) : item)) };
}

export function scanReducer(state: Stored, action: Action): Stored {
  switch (action.type) {
    case 'replace':
      return action.stored;
    case 'add': {
      if (!action.items.length) return state;
      const keys = new Set(action.items.map((item) => item.key));
      return {
        ...state,
        nextId: state.nextId + action.items.length,
        items: [...state.items.filter((item) => !keys.has(item.key)), ...action.items.map((item, i) => ({ ...item, id: state.nextId + i }))],
      };
    }
    case 'sending':
      return settle(state, action.batch, (item) => ({ ...item, state: 'sending' }));
    case 'answered': {
      const { batch, outcome, csv } = action;
      const byId = new Map<number, BulkOutcome['rejected'][number]>();
      for (const rejection of outcome.rejected) {
        const item = csv && rejection.row ? batch[rejection.row - 1] : matchItem(batch, rejection.code);
        if (item) byId.set(item.id, rejection);
      }
      const recalled = new Set((outcome.recalled ?? []).map((code) => matchItem(batch, code)?.id));
      return settle(
        state,
        batch,
        (item) => {
          const rejection = byId.get(item.id);
          const flags = { recalled: recalled.has(item.id) || rejection?.reason === 'RECALLED' || undefined };
          return rejection
            ? { ...item, ...flags, state: 'rejected', reason: rejection.reason, rule: rejection.rule ?? undefined, message: rejection.message }
            : { ...item, ...flags, state: 'accepted', reason: undefined, rule: undefined, message: undefined };
        },
        outcome.units,
      );
    }
    case 'requeue':
      return settle(state, action.batch, (item) => ({ ...item, state: 'queued' }));
    case 'failed':
      return settle(state, action.batch, (item) => ({ ...item, state: 'failed', error: action.error }));
    case 'retryFailed':
      return { ...state, items: state.items.map((item) => (item.state === 'failed' ? { ...item, state: 'queued', error: undefined } : item)) };
    case 'clear':
      return { ...state, units: 0, items: state.items.filter((item) => item.state === 'queued' || item.state === 'sending') };
  }
}

/**
 * The next batch to send: queued reads of one kind with the first one's context (a file's rows
 * with its header, or codes read for the same destination), at most `size` of them.
 */
export function nextBatch(items: readonly ScanItem[], size: number, csvSize: number): ScanItem[] {
  const first = items.find((item) => item.state === 'queued');
  if (!first) return [];
  const csv = first.csvHeader;
  const limit = csv ? csvSize : size;
  const batch: ScanItem[] = [];
  for (const item of items) {
    if (batch.length >= limit) break;
    if (item.state !== 'queued') continue;
    if (csv ? item.csvHeader === csv : !item.csvHeader && item.context === first.context) batch.push(item);
  }
  return batch;
}

export function countStates(items: readonly ScanItem[]): Record<ItemState, number> {
  const result: Record<ItemState, number> = { invalid: 0, queued: 0, sending: 0, accepted: 0, rejected: 0, failed: 0 };
  for (const item of items) result[item.state]++;
  return result;
}
