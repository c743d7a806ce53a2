import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Loading, QueryError, Section, Table, type Column } from '../../../shared/ui';
import type { CsvColumn } from '../csv';
import { AsOf, CsvButton } from './ReportParts';

interface ReportSectionProps<Row> {
  /** The section's heading, also the table's caption. */
  title: string;
  id: string;
  /** The rows on screen; undefined until the first answer. */
  rows: readonly Row[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** When the figures were true. */
  asOf: string | null | undefined;
  /** The CSV export of exactly the rows on screen. */
  csv: { name: string; columns: readonly CsvColumn<Row>[]; what: string };
  /** Drawn beside the table when there are rows. */
  chart: ReactNode;
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
}

/**
 * One report's answer: a section with its CSV button, "data as of", the chart beside the table,
 * and the loading, error and empty states every report shares.
 */
export function ReportSection<Row>({ title, id, rows, loading, error, onRetry, asOf, csv, chart, columns, rowKey }: ReportSectionProps<Row>) {
  const { t } = useTranslation();
  return (
    <Section title={title} id={id} actions={rows ? <CsvButton name={csv.name} columns={csv.columns} rows={rows} what={csv.what} /> : null}>
      {error ? (
        <QueryError error={error} onRetry={onRetry} />
      ) : rows ? (
        <>
          <AsOf at={asOf} />
          {rows.length ? (
            <div className="report-body">
              {chart}
              <div className="report-table" aria-busy={loading}>
                <Table caption={title} columns={columns} rows={rows} rowKey={rowKey} />
              </div>
            </div>
          ) : (
            <EmptyState>{t('reports.empty')}</EmptyState>
          )}
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}
