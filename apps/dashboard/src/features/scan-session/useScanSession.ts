import { parse } from '@jejak/gs1';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RejectionReason, RejectionRule } from '../../gql/graphql';
import { errorCodeOf, isSessionEnded, type ErrorCode } from '../../shared/errors';
import { readScan, type ScanRead } from '../../shared/scanner';

/**
 * A scan session: the list of codes read on a screen, each checked in the browser, sent in
 * batches, and answered one by one. The list lives in localStorage, so codes read while the
 * network is down (or before a reload) are sent once it is back.
 */

export type ItemState = 'invalid' | 'queued' | 'sending' | 'accepted' | 'rejected' | 'failed';
export type ItemSource = 'camera' | 'keyboard' | 'paste' | 'csv';

export interface ScanItem {
  id: number;
  /** What makes two reads the same code: the canonical bracketed form when it parses. */
  key: string;
  /** What is sent: the bracketed form when it parses, else the text as read. */
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

export interface BulkOutcome {
  accepted: number;
  units: number;
  rejected: ReadonlyArray<{ code: string; reason: RejectionReason; rule?: RejectionRule | null; message: string; row?: number | null }>;
  /** Codes applied that belong to a recalled batch. */
  recalled?: readonly string[] | null;
}

export interface ScanSessionOptions<Context> {
  /** Where the list is kept; include the user, so another login on the device starts empty. */
  storageKey: string;
  /** What each read is sent with; null while the screen is not ready (nothing is accepted). */
  context: Context | null;
  send: (codes: string[], context: Context) => Promise<BulkOutcome>;
  /** Files the API reads itself (activation's 13 columns): a header and some of its lines. */
  sendCsv?: (header: string, lines: string[]) => Promise<BulkOutcome>;
  batchSize?: number;
  csvBatchSize?: number;
  /** How often queued reads are sent. */
  intervalMs?: number;
  /**
   * False: reads wait in the list until `flush`, which sends them all in one call (a receipt
   * compared with its shipment must see everything that arrived at once).
   */
  autoSend?: boolean;
}

export type AddOutcome = 'added' | 'duplicate' | 'invalid' | 'not-ready';

interface Stored {
  items: ScanItem[];
  nextId: number;
  units: number;
}

const RETRY_MS = 4_000;
/** Without automatic sending, what one `flush` sends at most (the API takes far more per call). */
const MANUAL_BATCH = 50_000;
/** Kept reads beyond this are dropped from storage, oldest answered first; queued ones never. */
const KEEP = 5_000;

function load(key: string): Stored {
  try {
    const raw = localStorage.getItem(key);
    if (raw) {
      const stored = JSON.parse(raw) as Stored;
      // A batch cut off by the reload is sent again: the API ignores what it already did.
      const items = stored.items.map((item) => (item.state === 'sending' ? { ...item, state: 'queued' as const } : item));
      return { items, nextId: stored.nextId, units: stored.units ?? 0 };
    }
  } catch {
    // Unreadable or no storage: start empty.
  }
  return { items: [], nextId: 1, units: 0 };
}

function trim(items: ScanItem[]): ScanItem[] {
  if (items.length <= KEEP) return items;
  let excess = items.length - KEEP;
  return items.filter((item) => {
    if (excess > 0 && item.state !== 'queued' && item.state !== 'sending') {
      excess--;
      return false;
    }
    return true;
  });
}

const isNetwork = (code: ErrorCode) => code === 'NETWORK';
const onlineNow = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

export function useScanSession<Context>(options: ScanSessionOptions<Context>) {
  const { storageKey, context, csvBatchSize = 500, intervalMs = 1_000, autoSend = true } = options;
  const batchSize = options.batchSize ?? (autoSend ? 200 : MANUAL_BATCH);
  const [stored, setStored] = useState<Stored>(() => load(storageKey));
  const state = useRef(stored);
  state.current = stored;
  const latest = useRef(options);
  latest.current = options;
  const [online, setOnline] = useState(onlineNow);
  /** A send failed for want of network: reads wait until one goes through. */
  const [connectionLost, setConnectionLost] = useState(false);
  /** After a loss, how many waiting reads went out once the network was back. */
  const [recovered, setRecovered] = useState<number | null>(null);
  const [persistFailed, setPersistFailed] = useState(false);
  const sending = useRef(false);
  const retryAt = useRef(0);
  /** Since the network was lost: how many reads have gone out (null: not lost). */
  const lostWith = useRef<number | null>(null);

  const update = useCallback((change: (current: Stored) => Stored) => {
    setStored((current) => {
      const next = change(current);
      state.current = next;
      return next;
    });
  }, []);

  // Another screen (or user) has its own list.
  useEffect(() => {
    const next = load(storageKey);
    state.current = next;
    setStored(next);
  }, [storageKey]);

  // Keep the list on the device after every change.
  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ ...stored, items: trim(stored.items) }));
        setPersistFailed(false);
      } catch {
        setPersistFailed(true);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [stored, storageKey]);

  const contextKey = context === null ? null : JSON.stringify(context);

  const add = useCallback(
    (read: ScanRead, source: ItemSource, row?: number): AddOutcome => {
      if (contextKey === null) return 'not-ready';
      const valid = read.parsed.valid && !!read.parsed.bracketed;
      const code = valid ? read.parsed.bracketed! : read.text;
      const key = code;
      if (!code.trim()) return 'invalid';
      if (state.current.items.some((item) => item.key === key && item.state !== 'failed')) return 'duplicate';
      update((current) => ({
        ...current,
        nextId: current.nextId + 1,
        items: [
          ...current.items.filter((item) => item.key !== key),
          { id: current.nextId, key, code, source, row, context: contextKey, at: read.at, state: valid ? 'queued' : 'invalid' },
        ],
      }));
      return valid ? 'added' : 'invalid';
    },
    [contextKey, update],
  );

  /** Many lines at once (paste, or a file of codes): duplicates dropped, each line parsed. */
  const addMany = useCallback(
    (entries: ReadonlyArray<{ text: string; row?: number }>, source: ItemSource) => {
      if (contextKey === null) return { added: 0, duplicates: 0, invalid: 0 };
      const seen = new Set(state.current.items.filter((item) => item.state !== 'failed').map((item) => item.key));
      const fresh: Omit<ScanItem, 'id'>[] = [];
      let duplicates = 0;
      let invalid = 0;
      const now = Date.now();
      for (const entry of entries) {
        const read = readScan(entry.text.trim(), 'keyboard');
        if (!read.text) continue;
        const valid = read.parsed.valid && !!read.parsed.bracketed;
        const code = valid ? read.parsed.bracketed! : read.text;
        if (seen.has(code)) {
          duplicates++;
          continue;
        }
        seen.add(code);
        if (!valid) invalid++;
        fresh.push({ key: code, code, source, row: entry.row, context: contextKey, at: now, state: valid ? 'queued' : 'invalid' });
      }
      update((current) => ({
        ...current,
        nextId: current.nextId + fresh.length,
        items: [...current.items.filter((item) => !fresh.some((f) => f.key === item.key)), ...fresh.map((item, i) => ({ ...item, id: current.nextId + i }))],
      }));
      return { added: fresh.length - invalid, duplicates, invalid };
    },
    [contextKey, update],
  );

  /** A file the API reads itself: every row queued with its line; a bad code cell is flagged here. */
  const addCsvRows = useCallback(
    (header: string, rows: ReadonlyArray<{ row: number; code: string; line: string }>) => {
      const now = Date.now();
      const importId = now.toString(36);
      update((current) => {
        const items: ScanItem[] = rows.map((entry, i) => {
          const parsed = entry.code ? parse(entry.code) : null;
          const invalid = parsed !== null && !parsed.valid;
          const code = parsed?.valid && parsed.bracketed ? parsed.bracketed : entry.code;
          return {
            id: current.nextId + i,
            key: `${importId}:${entry.row}`,
            code,
            source: 'csv',
            row: entry.row,
            line: entry.line,
            csvHeader: header,
            context: '',
            at: now,
            state: invalid ? 'invalid' : 'queued',
          };
        });
        return { ...current, nextId: current.nextId + items.length, items: [...current.items, ...items] };
      });
    },
    [update],
  );

  const settle = useCallback(
    (ids: Set<number>, change: (item: ScanItem) => ScanItem, units = 0) => {
      update((current) => ({
        ...current,
        units: current.units + units,
        items: current.items.map((item) => (ids.has(item.id) ? change(item) : item)),
      }));
    },
    [update],
  );

  const tick = useCallback(async (forced = false) => {
    if (sending.current) return;
    if (!forced && latest.current.autoSend === false) return;
    if (!onlineNow()) return;
    if (Date.now() < retryAt.current) return;
    const queued = state.current.items.filter((item) => item.state === 'queued');
    const first = queued[0];
    if (!first) return;
    const csv = first.csvHeader;
    const batch = queued
      .filter((item) => (csv ? item.csvHeader === csv : !item.csvHeader && item.context === first.context))
      .slice(0, csv ? csvBatchSize : batchSize);
    const ids = new Set(batch.map((item) => item.id));
    sending.current = true;
    settle(ids, (item) => ({ ...item, state: 'sending' }));
    try {
      const { send, sendCsv } = latest.current;
      let outcome: BulkOutcome;
      if (csv) {
        if (!sendCsv) throw new Error('This screen takes no files');
        outcome = await sendCsv(csv, batch.map((item) => item.line ?? ''));
      } else {
        outcome = await send(
          batch.map((item) => item.code),
          JSON.parse(first.context) as Context,
        );
      }
      const byId = new Map<number, BulkOutcome['rejected'][number]>();
      for (const rejection of outcome.rejected) {
        const item = csv && rejection.row ? batch[rejection.row - 1] : matchItem(batch, rejection.code);
        if (item) byId.set(item.id, rejection);
      }
      const recalled = new Set((outcome.recalled ?? []).map((code) => matchItem(batch, code)?.id));
      settle(
        ids,
        (item) => {
          const rejection = byId.get(item.id);
          const flags = { recalled: recalled.has(item.id) || rejection?.reason === 'RECALLED' || undefined };
          return rejection
            ? { ...item, ...flags, state: 'rejected', reason: rejection.reason, rule: rejection.rule ?? undefined, message: rejection.message }
            : { ...item, ...flags, state: 'accepted', reason: undefined, rule: undefined, message: undefined };
        },
        outcome.units,
      );
      if (lostWith.current !== null) {
        // Back after a loss: count what went out, and say so once the queue is empty.
        setConnectionLost(false);
        lostWith.current += batch.length;
        if (!state.current.items.some((item) => item.state === 'queued')) {
          setRecovered(lostWith.current);
          lostWith.current = null;
        }
      }
    } catch (failure) {
      const code = errorCodeOf(failure);
      if (isNetwork(code) || isSessionEnded(code)) {
        // Kept for later: on the device, sent when the network (or the login) is back.
        settle(ids, (item) => ({ ...item, state: 'queued' }));
        if (isNetwork(code)) {
          retryAt.current = Date.now() + RETRY_MS;
          lostWith.current ??= 0;
          setRecovered(null);
          setConnectionLost(true);
        }
      } else {
        settle(ids, (item) => ({ ...item, state: 'failed', error: code }));
      }
    } finally {
      sending.current = false;
    }
  }, [batchSize, csvBatchSize, settle]);

  useEffect(() => {
    const timer = setInterval(() => void tick(), intervalMs);
    return () => clearInterval(timer);
  }, [tick, intervalMs]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      retryAt.current = 0;
      void tick();
    };
    const down = () => {
      setOnline(false);
      if (lostWith.current === null) lostWith.current = 0;
      setRecovered(null);
    };
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [tick]);

  /** Failed batches (an error of the server, not a rejection) go again. */
  const retryFailed = useCallback(() => {
    update((current) => ({
      ...current,
      items: current.items.map((item) => (item.state === 'failed' ? { ...item, state: 'queued', error: undefined } : item)),
    }));
  }, [update]);

  /** Starts a new list; reads still waiting to be sent are kept. */
  const clear = useCallback(() => {
    update((current) => ({ ...current, units: 0, items: current.items.filter((item) => item.state === 'queued' || item.state === 'sending') }));
    setRecovered(null);
  }, [update]);

  const items = stored.items;
  const counts = useMemo(() => {
    const result: Record<ItemState, number> = { invalid: 0, queued: 0, sending: 0, accepted: 0, rejected: 0, failed: 0 };
    for (const item of items) result[item.state]++;
    return result;
  }, [items]);

  return {
    items,
    counts,
    units: stored.units,
    ready: contextKey !== null,
    autoSend,
    online,
    connectionLost,
    recovered,
    persistFailed,
    add,
    addMany,
    addCsvRows,
    retryFailed,
    clear,
    /** Sends what is queued now, without waiting for the next beat (the only way when not sending automatically). */
    flush: () => {
      retryAt.current = 0;
      void tick(true);
    },
  };
}

export type ScanSessionState = ReturnType<typeof useScanSession>;

function matchItem(batch: readonly ScanItem[], code: string): ScanItem | undefined {
  const exact = batch.find((item) => item.code === code);
  if (exact) return exact;
  const parsed = parse(code);
  return parsed.bracketed ? batch.find((item) => item.key === parsed.bracketed) : undefined;
}
