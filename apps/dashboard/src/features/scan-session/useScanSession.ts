import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parse as parseCode } from '@jejak/gs1';
import type { ScanRead } from '../../shared/scanner';
import { loadSession, saveSession } from './persistence';
import {
  countStates,
  itemOf,
  liveKeys,
  nextBatch,
  readLines,
  scanReducer,
  type Action,
  type ItemSource,
  type NewItem,
  type Stored,
} from './reducer';
import { deliver, type Senders } from './sender';

export type { BulkOutcome, ItemSource, ItemState, ScanItem } from './reducer';

/**
 * A scan session: the list of codes read on a screen, each checked in the browser, sent in
 * batches, and answered one by one. The list itself is pure data (reducer.ts); it lives in
 * localStorage (persistence.ts), so codes read while the network is down (or before a reload)
 * are sent once it is back; batches go out through sender.ts.
 */

export interface ScanSessionOptions<Context> extends Senders<Context> {
  /** Where the list is kept; include the user, so another login on the device starts empty. */
  storageKey: string;
  /** What each read is sent with; null while the screen is not ready (nothing is accepted). */
  context: Context | null;
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

/** How many lines of a paste or file are read between two frames, so the page keeps answering. */
export const LINES_PER_CHUNK = 250;

/** Big lists being read into the session: lines done of all. */
export interface Importing {
  done: number;
  total: number;
}

const RETRY_MS = 4_000;
/** Without automatic sending, what one `flush` sends at most (the API takes far more per call). */
const MANUAL_BATCH = 50_000;

const onlineNow = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);
/** Lets the browser paint and handle input before the next chunk. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useScanSession<Context>(options: ScanSessionOptions<Context>) {
  const { storageKey, context, csvBatchSize = 500, intervalMs = 1_000, autoSend = true } = options;
  const batchSize = options.batchSize ?? (autoSend ? 200 : MANUAL_BATCH);
  const [stored, setStored] = useState<Stored>(() => loadSession(storageKey));
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
  const [importing, setImporting] = useState<Importing | null>(null);
  const sending = useRef(false);
  const retryAt = useRef(0);
  /** Since the network was lost: how many reads have gone out (null: not lost). */
  const lostWith = useRef<number | null>(null);

  const dispatch = useCallback((action: Action) => {
    setStored((current) => {
      const next = scanReducer(current, action);
      state.current = next;
      return next;
    });
  }, []);

  // Another screen (or user) has its own list.
  useEffect(() => {
    dispatch({ type: 'replace', stored: loadSession(storageKey) });
  }, [storageKey, dispatch]);

  // Keep the list on the device after every change (a burst of changes is written once).
  useEffect(() => {
    const timer = setTimeout(() => setPersistFailed(!saveSession(storageKey, stored)), 150);
    return () => clearTimeout(timer);
  }, [stored, storageKey]);

  const contextKey = context === null ? null : JSON.stringify(context);

  const add = useCallback(
    (read: ScanRead, source: ItemSource, row?: number): AddOutcome => {
      if (contextKey === null) return 'not-ready';
      if (!read.text.trim()) return 'invalid';
      const item = itemOf(read, source, contextKey, row);
      if (liveKeys(state.current.items).has(item.key)) return 'duplicate';
      dispatch({ type: 'add', items: [item] });
      return item.state === 'queued' ? 'added' : 'invalid';
    },
    [contextKey, dispatch],
  );

  /**
   * Many lines at once (paste, or a file of codes): each parsed, duplicates dropped. Read in
   * chunks between frames, with `importing` telling how far; each chunk joins the list (and the
   * queue) as soon as it is read.
   */
  const addMany = useCallback(
    async (entries: ReadonlyArray<{ text: string; row?: number }>, source: ItemSource) => {
      const totals = { added: 0, duplicates: 0, invalid: 0 };
      if (contextKey === null || !entries.length) return totals;
      const seen = liveKeys(state.current.items);
      const at = Date.now();
      setImporting({ done: 0, total: entries.length });
      try {
        for (let start = 0; start < entries.length; start += LINES_PER_CHUNK) {
          const chunk = readLines(entries.slice(start, start + LINES_PER_CHUNK), seen, source, contextKey, at);
          dispatch({ type: 'add', items: chunk.items });
          totals.added += chunk.items.length - chunk.invalid;
          totals.invalid += chunk.invalid;
          totals.duplicates += chunk.duplicates;
          const done = Math.min(start + LINES_PER_CHUNK, entries.length);
          setImporting({ done, total: entries.length });
          if (done < entries.length) await nextTask();
        }
      } finally {
        setImporting(null);
      }
      return totals;
    },
    [contextKey, dispatch],
  );

  /** A file the API reads itself: every row queued with its line; a bad code cell is flagged here. */
  const addCsvRows = useCallback(
    (header: string, rows: ReadonlyArray<{ row: number; code: string; line: string }>) => {
      const at = Date.now();
      const importId = at.toString(36);
      const items: NewItem[] = rows.map((entry) => {
        const read = entry.code ? itemOf({ text: entry.code, parsed: parseCode(entry.code), at }, 'csv', '', entry.row) : null;
        return {
          key: `${importId}:${entry.row}`,
          code: read?.code ?? entry.code,
          source: 'csv',
          row: entry.row,
          line: entry.line,
          csvHeader: header,
          context: '',
          at,
          state: read?.state === 'invalid' ? 'invalid' : 'queued',
        };
      });
      dispatch({ type: 'add', items });
    },
    [dispatch],
  );

  const tick = useCallback(
    async (forced = false) => {
      if (sending.current) return;
      if (!forced && latest.current.autoSend === false) return;
      if (!onlineNow()) return;
      if (Date.now() < retryAt.current) return;
      const batch = nextBatch(state.current.items, batchSize, csvBatchSize);
      if (!batch.length) return;
      sending.current = true;
      dispatch({ type: 'sending', batch });
      try {
        const delivery = await deliver(batch, latest.current);
        if (delivery.kind === 'answered') {
          dispatch({ type: 'answered', batch, outcome: delivery.outcome, csv: delivery.csv });
          if (lostWith.current !== null) {
            // Back after a loss: count what went out, and say so once the queue is empty.
            setConnectionLost(false);
            lostWith.current += batch.length;
            if (!state.current.items.some((item) => item.state === 'queued')) {
              setRecovered(lostWith.current);
              lostWith.current = null;
            }
          }
        } else if (delivery.kind === 'requeue') {
          // Kept for later: on the device, sent when the network (or the login) is back.
          dispatch({ type: 'requeue', batch });
          if (delivery.network) {
            retryAt.current = Date.now() + RETRY_MS;
            lostWith.current ??= 0;
            setRecovered(null);
            setConnectionLost(true);
          }
        } else {
          dispatch({ type: 'failed', batch, error: delivery.error });
        }
      } finally {
        sending.current = false;
      }
    },
    [batchSize, csvBatchSize, dispatch],
  );

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
  const retryFailed = useCallback(() => dispatch({ type: 'retryFailed' }), [dispatch]);

  /** Starts a new list; reads still waiting to be sent are kept. */
  const clear = useCallback(() => {
    dispatch({ type: 'clear' });
    setRecovered(null);
  }, [dispatch]);

  const items = stored.items;
  const counts = useMemo(() => countStates(items), [items]);

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
    importing,
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
