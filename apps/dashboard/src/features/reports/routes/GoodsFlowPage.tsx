import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { FlowDirection, GoodsFlowQuery as FlowData } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, Table, formatDateTime, type Column } from '../../../shared/ui';
import { Alert } from '../../../shared/ui';
import { AsOf, CsvButton, formatCount } from '../components/ReportParts';
import { ReportFilters } from '../components/ReportFilters';
import { UnitsBarChart } from '../components/UnitsBarChart';
import type { CsvColumn } from '../csv';
import { useReportFilter } from '../filter';
import { GoodsFlowQuery } from '../reports.graphql';
import { ProductCell } from './StockPage';
import { filterKey } from './RealisationPage';

type FlowRow = FlowData['goodsFlow']['rows'][number];
type OverdueRow = FlowData['goodsFlow']['overdue'][number];
const DIRECTIONS: readonly FlowDirection[] = ['OUT', 'IN'];

/** Barang masuk & keluar: per facility, what went out to whom and came in from whom. */
export function GoodsFlowPage() {
  const { t } = useTranslation();
  const { filter, params, update } = useReportFilter();
  const overdueDays = Math.min(365, Math.max(1, Number(params.get('overdueDays')) || 7));
  const { data, loading, error, refetch } = useQuery(GoodsFlowQuery, { variables: { filter, overdueDays } });
  const report = data?.goodsFlow;

  const perFacility = new Map<string, { label: string; OUT: number; IN: number }>();
  for (const row of report?.rows ?? []) {
    const entry = perFacility.get(row.facility.id) ?? { label: row.facility.name, OUT: 0, IN: 0 };
    entry[row.direction] += row.units;
    perFacility.set(row.facility.id, entry);
  }
  const bars = [...perFacility.values()].sort((a, b) => b.OUT + b.IN - (a.OUT + a.IN));

  const overdueColumns: Column<OverdueRow>[] = [
    { key: 'from', header: t('reports.flow.from'), wide: true, cell: (row) => <strong>{row.from.name}</strong> },
    { key: 'to', header: t('reports.flow.to'), wide: true, cell: (row) => row.to.name },
    { key: 'product', header: t('reports.product'), cell: (row) => <ProductCell product={row.product} /> },
    { key: 'batch', header: t('reports.batch'), nowrap: true, cell: (row) => row.batch },
    { key: 'since', header: t('reports.flow.since'), nowrap: true, cell: (row) => formatDateTime(row.since) },
    { key: 'units', header: t('reports.units'), cell: (row) => formatCount(row.units) },
  ];
  const overdueCsv: CsvColumn<OverdueRow>[] = [
    { header: t('reports.flow.from'), value: (row) => row.from.name },
    { header: t('reports.flow.to'), value: (row) => row.to.name },
    { header: t('reports.nie'), value: (row) => row.product.nie },
    { header: t('reports.product'), value: (row) => row.product.name },
    { header: t('reports.batch'), value: (row) => row.batch },
    { header: t('reports.flow.since'), value: (row) => row.since },
    { header: t('reports.units'), value: (row) => row.units },
  ];

  return (
    <Page title={t('reports.flow.title')} intro={t('reports.flow.intro')}>
      <ReportFilters key={filterKey(filter)} filter={filter} onApply={update} withFacility />

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : report ? (
        <>
          <Section
            title={t('reports.flow.overdueTitle', { days: report.overdueDays })}
            id="overdue"
            actions={<CsvButton name="dalam-perjalanan-terlalu-lama" columns={overdueCsv} rows={report.overdue} what={t('reports.flow.overdueTitle', { days: report.overdueDays })} />}
          >
            <div className="filters filters-inline">
              <label className="inline-number">
                {t('reports.flow.overdueDays')}
                <input
                  type="number"
                  min={1}
                  max={365}
                  key={overdueDays}
                  defaultValue={overdueDays}
                  onBlur={(event) => update({ overdueDays: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') update({ overdueDays: event.currentTarget.value });
                  }}
                />
              </label>
            </div>
            {report.overdue.length ? (
              <>
                <Alert tone="warning">{t('reports.flow.overdueWarning', { count: report.overdue.reduce((sum, row) => sum + row.units, 0), days: report.overdueDays })}</Alert>
                <Table caption={t('reports.flow.overdueTitle', { days: report.overdueDays })} columns={overdueColumns} rows={report.overdue} rowKey={(row) => `${row.from.id}/${row.to.id}/${row.product.nie}/${row.batch}/${row.since}`} />
              </>
            ) : (
              <EmptyState>{t('reports.flow.noOverdue')}</EmptyState>
            )}
          </Section>

          <Section title={t('reports.flow.chartTitle')} id="flow-chart">
            <AsOf at={report.asOf} />
            {bars.length ? (
              <UnitsBarChart
                data={bars}
                series={DIRECTIONS.map((direction) => ({ key: direction, name: t(`reports.flow.direction.${direction}`) }))}
                label={t('reports.flow.chartLabel', { summary: bars.slice(0, 5).map((bar) => t('reports.flow.chartItem', { name: bar.label, out: formatCount(bar.OUT), in: formatCount(bar.IN) })).join('; ') })}
              />
            ) : (
              <EmptyState>{t('reports.empty')}</EmptyState>
            )}
          </Section>

          {DIRECTIONS.map((direction) => (
            <FlowTable key={direction} direction={direction} rows={report.rows.filter((row) => row.direction === direction)} busy={loading} />
          ))}
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function FlowTable({ direction, rows, busy }: { direction: FlowDirection; rows: readonly FlowRow[]; busy: boolean }) {
  const { t } = useTranslation();
  const title = t(`reports.flow.tableTitle.${direction}`);
  const counterparty = t(`reports.flow.counterparty.${direction}`);
  const columns: Column<FlowRow>[] = [
    { key: 'facility', header: t('reports.flow.facility'), wide: true, cell: (row) => <strong>{row.facility.name}</strong> },
    { key: 'counterparty', header: counterparty, wide: true, cell: (row) => row.counterparty.name },
    { key: 'product', header: t('reports.product'), cell: (row) => <ProductCell product={row.product} /> },
    { key: 'batch', header: t('reports.batch'), nowrap: true, cell: (row) => row.batch },
    { key: 'units', header: t('reports.units'), cell: (row) => formatCount(row.units) },
  ];
  const csv: CsvColumn<FlowRow>[] = [
    { header: t('reports.flow.facility'), value: (row) => row.facility.name },
    { header: counterparty, value: (row) => row.counterparty.name },
    { header: t('reports.nie'), value: (row) => row.product.nie },
    { header: t('reports.product'), value: (row) => row.product.name },
    { header: t('reports.batch'), value: (row) => row.batch },
    { header: t('reports.units'), value: (row) => row.units },
  ];
  return (
    <Section
      title={title}
      id={`flow-${direction.toLowerCase()}`}
      actions={<CsvButton name={direction === 'OUT' ? 'barang-keluar' : 'barang-masuk'} columns={csv} rows={rows} what={title} />}
    >
      {rows.length ? (
        <div className="report-table" aria-busy={busy}>
          <Table caption={title} columns={columns} rows={rows} rowKey={(row) => `${row.facility.id}/${row.counterparty.id}/${row.product.nie}/${row.batch}`} />
        </div>
      ) : (
        <EmptyState>{t('reports.empty')}</EmptyState>
      )}
    </Section>
  );
}
