import { EMPTY, type ScanItem, type Stored } from './reducer';

/** Kept reads beyond this are dropped from storage, oldest answered first; queued ones never. */
export const KEEP = 5_000;

/** The list kept under `key`; a batch cut off by a reload goes back to the queue (the API ignores what it already did). */
export function loadSession(key: string, storage: Pick<Storage, 'getItem'> = localStorage): Stored {
  try {
    const raw = storage.getItem(key);
    if (raw) {
      const stored = JSON.parse(raw) as Stored;
      if (!Array.isArray(stored.items)) return EMPTY;
      const items = stored.items.map((item) => (item.state === 'sending' ? { ...item, state: 'queued' as const } : item));
      return { items, nextId: stored.nextId, units: stored.units ?? 0 };
    }
  } catch {
    // Unreadable or no storage: start empty.
  }
  return EMPTY;
}

/** What is kept: at most KEEP reads, dropping the oldest answered ones first, never one still to send. */
export function trim(items: ScanItem[], keep = KEEP): ScanItem[] {
  if (items.length <= keep) return items;
  let excess = items.length - keep;
  return items.filter((item) => {
    if (excess > 0 && item.state !== 'queued' && item.state !== 'sending') {
      excess--;
      return false;
    }
    return true;
  });
}

/** Writes the list; false when the device refused (storage full or absent). */
export function saveSession(key: string, stored: Stored, storage: Pick<Storage, 'setItem'> = localStorage): boolean {
  try {
    storage.setItem(key, JSON.stringify({ ...stored, items: trim(stored.items) }));
    return true;
  } catch {
    return false;
  }
}
