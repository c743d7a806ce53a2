import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';
import { currentTimeZone } from '../../../shared/ui/format';
import { csvFilename, downloadCsv, toCsv, type CsvColumn } from '../csv';
import { LOCALES, currentLanguage } from '../../../shared/i18n';

/** A whole number in the reader's language (1.234 in Indonesian, 1,234 in English). */
export function formatCount(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: fractionDigits }).format(value);
}

/** "Data per …": when the numbers were true. */
export function AsOf({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation();
  if (!at) return null;
  return (
    <p className="report-as-of">
      {t('reports.asOf', { time: formatDateTime(at) })} · {t('reports.daysIn', { zone: currentTimeZone() })}
    </p>
  );
}

interface CsvButtonProps<Row> {
  name: string;
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
  /** What is exported, for the button's accessible name. */
  what: string;
}

/** Exports exactly the rows on screen, generated in the browser. */
export function CsvButton<Row>({ name, columns, rows, what }: CsvButtonProps<Row>) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={rows.length === 0}
      aria-label={t('reports.csvLabel', { what })}
      onClick={() => downloadCsv(csvFilename(name), toCsv(columns, rows))}
    >
      {t('reports.csv')}
    </button>
  );
}

/** A chart, described in words for those who cannot see it; the table beside it has the numbers. */
export function Chart({ label, children, height = 280 }: { label: string; children: ReactNode; height?: number }) {
  return (
    <figure className="report-chart" style={{ height }}>
      <div role="img" aria-label={label} className="report-chart-body">
        {children}
      </div>
    </figure>
  );
}

/** Figures in a row: label above a large number. */
export function Figures({ items }: { items: ReadonlyArray<{ label: string; value: number; tone?: 'ok' | 'warning' | 'danger' }> }) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.label} className={item.tone ? `figure figure-${item.tone}` : 'figure'}>
          <dt>{item.label}</dt>
          <dd>{formatCount(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Chart colours: the teal accent first, then colours distinct for common colour blindness. */
export const CHART_COLORS = ['#0f766e', '#1d4f73', '#b45309', '#7c3aed', '#be123c', '#4d7c0f', '#0369a1', '#a16207'];
