import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './pager.css';

/**
 * A Relay connection walked a page at a time: the cursors of the pages before this one (going
 * back pops one). A new `resetKey` (another filter, another page size) starts again at page 1.
 */
export function useCursorPages(resetKey?: string) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  useEffect(() => setCursors([null]), [resetKey]);
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length,
    previous: () => setCursors((list) => list.slice(0, -1)),
    next: (endCursor: string | null | undefined) => setCursors((list) => [...list, endCursor ?? null]),
  };
}

interface PagerProps {
  /** The navigation's name for screen readers. */
  label: string;
  page: number;
  hasNext: boolean;
  /** While a page loads, neither button moves. */
  busy?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous and next page buttons with the position between them ("Halaman 2"). */
export function Pager({ label, page, hasNext, busy = false, onPrevious, onNext }: PagerProps) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button-secondary button-small" disabled={page === 1 || busy} onClick={onPrevious}>
        {t('pager.previous')}
      </button>
      <span className="pager-position">{t('pager.page', { page })}</span>
      <button type="button" className="button button-secondary button-small" disabled={!hasNext || busy} onClick={onNext}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
