import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConsumptionQuery as ConsumptionData } from '../../../gql/graphql';
import { Page, SelectField, orDash, type Column } from '../../../shared/ui';
import { LOCALES, currentLanguage } from '../../../shared/i18n';
import { CHART_COLORS, Chart, formatCount } from '../components/ReportParts';
import { ReportSection } from '../components/ReportSection';
import { ReportFilters } from '../components/ReportFilters';
import type { CsvColumn } from '../csv';
import { useReportFilter } from '../filter';
import { ConsumptionQuery } from '../reports.graphql';
import { ProductCell } from './StockPage';
import { filterKey } from './RealisationPage';

type Row = ConsumptionData['consumption']['rows'][number];
const LEVELS = ['PROVINCE', 'REGENCY'] as const;
/** Lines drawn: the regions with the most units; the table has them all. */
const LINES = 6;

/** "2025-03" as "Mar 2025" in the reader's language. */
function monthName(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Dispensed units per province or regency, per month. */
export function ConsumptionPage() {
  const { t } = useTranslation();
  const { filter, params, update } = useReportFilter();
  const level: 'PROVINCE' | 'REGENCY' = params.get('level') === 'REGENCY' ? 'REGENCY' : 'PROVINCE';
  const { data, loading, error, refetch } = useQuery(ConsumptionQuery, { variables: { level, filter } });
  const rows = data?.consumption.rows;
  const region = (row: Row) => (level === 'REGENCY' ? `${row.regency ?? '–'}, ${row.province}` : row.province);

  // Chart: one line per region (the largest), months along the bottom, all products summed.
  const totals = new Map<string, number>();
  const months = new Map<string, Record<string, number | string>>();
  for (const row of rows ?? []) {
    const name = region(row);
    totals.set(name, (totals.get(name) ?? 0) + row.units);
    const point = months.get(row.month) ?? { month: row.month };
    point[name] = ((point[name] as number | undefined) ?? 0) + row.units;
    months.set(row.month, point);
  }
  const regions = [...totals].sort((a, b) => b[1] - a[1]).slice(0, LINES).map(([name]) => name);
  const points = [...months.values()]
    .sort((a, b) => String(a.month).localeCompare(String(b.month)))
    .map((point) => Object.fromEntries([['month', point.month], ...regions.map((name) => [name, point[name] ?? 0])]));

  const levelName = t(`reports.consumption.level.${level}`);
  const columns: Column<Row>[] = [
    { key: 'month', header: t('reports.consumption.month'), nowrap: true, cell: (row) => monthName(row.month) },
    ...(level === 'REGENCY' ? [{ key: 'regency', header: t('facility.regency'), cell: (row: Row) => orDash(row.regency) }] : []),
    { key: 'province', header: t('facility.province'), cell: (row) => row.province },
    { key: 'product', header: t('reports.product'), cell: (row) => <ProductCell product={row.product} /> },
    { key: 'units', header: t('reports.consumption.units'), cell: (row) => formatCount(row.units) },
  ];
  const csv: CsvColumn<Row>[] = [
    { header: t('reports.consumption.month'), value: (row) => row.month },
    { header: t('facility.regency'), value: (row) => row.regency },
    { header: t('facility.province'), value: (row) => row.province },
    { header: t('reports.nie'), value: (row) => row.product.nie },
    { header: t('reports.product'), value: (row) => row.product.name },
    { header: t('reports.consumption.units'), value: (row) => row.units },
  ];

  return (
    <Page title={t('reports.consumption.title')} intro={t('reports.consumption.intro')}>
      <ReportFilters key={filterKey(filter)} filter={filter} onApply={update}>
        <SelectField label={t('reports.consumption.levelLabel')} name="level" value={level} onChange={(event) => update({ level: event.target.value })}>
          {LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(`reports.consumption.level.${value}`)}
            </option>
          ))}
        </SelectField>
      </ReportFilters>
      <ReportSection
        title={t('reports.consumption.tableTitle', { level: levelName })}
        id="consumption"
        rows={rows}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        asOf={data?.consumption.asOf}
        csv={{ name: 'konsumsi', columns: csv, what: t('reports.consumption.title') }}
        chart={
          <Chart
            label={t('reports.consumption.chartLabel', {
              level: levelName,
              summary: regions.map((name) => `${name} ${formatCount(totals.get(name) ?? 0)}`).join(', '),
            })}
          >
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" tickFormatter={(value: string) => monthName(value)} tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} width={48} />
                <Tooltip labelFormatter={(value) => monthName(String(value))} formatter={(value) => formatCount(Number(value))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {regions.map((name, index) => (
                  <Line key={name} type="monotone" dataKey={name} stroke={CHART_COLORS[index % CHART_COLORS.length]} strokeWidth={2} dot isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </Chart>
        }
        columns={columns}
        rowKey={(row) => `${row.month}/${row.province}/${row.regency ?? ''}/${row.product.nie}`}
      />
    </Page>
  );
}
