import { useCallback, useSyncExternalStore } from 'react';
import type { Verdict, VerificationReason } from '../../gql/graphql';

/** One past check, kept on this device only. */
export interface RecentCheck {
  /** The code as checked, to check it again. */
  code: string;
  /** How to show it: bracketed when it parses. */
  label: string;
  verdict: Verdict;
  /** The reasons given, to show what a CAUTION was about (absent in checks kept before they were). */
  reasons?: VerificationReason[];
  productName: string | null;
  /** ISO time of the check. */
  at: string;
}

const KEY = 'jejak.verify.recent';
export const RECENT_LIMIT = 10;
const VERDICTS: readonly Verdict[] = ['GENUINE', 'CAUTION', 'SUSPECT', 'INVALID'];

function isRecentCheck(value: unknown): value is RecentCheck {
  const entry = value as Partial<RecentCheck> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.code === 'string' &&
    typeof entry.label === 'string' &&
    typeof entry.at === 'string' &&
    (entry.reasons === undefined || (Array.isArray(entry.reasons) && entry.reasons.every((reason) => typeof reason === 'string'))) &&
    VERDICTS.includes(entry.verdict as Verdict)
  );
}

function load(): RecentCheck[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isRecentCheck).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

let snapshot: RecentCheck[] | null = null;
const listeners = new Set<() => void>();

function read(): RecentCheck[] {
  snapshot ??= load();
  return snapshot;
}

function write(next: RecentCheck[]) {
  snapshot = next;
  try {
    if (next.length) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
  } catch {
    // No storage (private mode): the list lasts for this page only.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    snapshot = null;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The last checks on this device, newest first, one entry per code. */
export function useRecentChecks() {
  const checks = useSyncExternalStore(subscribe, read);
  const remember = useCallback((check: RecentCheck) => {
    write([check, ...read().filter((entry) => entry.code !== check.code)].slice(0, RECENT_LIMIT));
  }, []);
  const clear = useCallback(() => write([]), []);
  return { checks, remember, clear };
}
