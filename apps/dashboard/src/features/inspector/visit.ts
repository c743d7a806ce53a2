import { useCallback, useState } from 'react';

const KEY = 'jejak.inspection.visit';

function load(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The visit this inspector has open on this device, kept across reloads. */
export function useCurrentVisit() {
  const [visitId, setVisitId] = useState<string | null>(load);
  const set = useCallback((id: string | null) => {
    try {
      if (id) localStorage.setItem(KEY, id);
      else localStorage.removeItem(KEY);
    } catch {
      // No storage: the visit is remembered for this page only.
    }
    setVisitId(id);
  }, []);
  return [visitId, set] as const;
}

/**
 * Codes already handled, so a camera that keeps seeing the same pack does not record or check it
 * again: by the bracketed form when the code reads, else as read.
 */
export class SeenCodes {
  private readonly seen = new Set<string>();

  /** True the first time a code is offered, false after. */
  add(code: string): boolean {
    if (this.seen.has(code)) return false;
    this.seen.add(code);
    return true;
  }

  forget(code: string) {
    this.seen.delete(code);
  }

  clear() {
    this.seen.clear();
  }
}
