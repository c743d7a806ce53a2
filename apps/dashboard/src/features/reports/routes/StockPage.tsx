import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../app/viewer';
import type { RegionLevel, ReportFilter, ShortagesQuery as ShortageData, StockQuery as StockData } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, SelectField, Table, TextField, formatDate, type Column } from '../../../shared/ui';
import { AsOf, CsvButton, formatCount } from '../components/ReportParts';
import { ReportSection } from '../components/ReportSection';
import { ReportFilters } from '../components/ReportFilters';
import { UnitsBarChart, sumBy } from '../components/UnitsBarChart';
import type { CsvColumn } from '../csv';
import { useReportFilter } from '../filter';
import { ShortagesQuery, StockQuery } from '../reports.graphql';
import { filterKey } from './RealisationPage';

type StockRow = StockData['stock']['rows'][number];
type ShortageRow = ShortageData['shortages']['rows'][number];
const LEVELS: readonly RegionLevel[] = ['FACILITY', 'REGENCY', 'PROVINCE'];
const stockKey = (row: StockRow) => `${row.key}/${row.product.nie}/${row.batch}`;

const whole = (value: string | null, fallback: number, min: number, max: number) => {
  const number = Number(value);
  return value && Number.isInteger(number) && number >= min && number <= max ? number : fallback;
};

/** Stock on hand per facility, regency or province; near-expiry stock; shortage warnings. */
export function StockPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { filter, params, update } = useReportFilter();
  const levelParam = params.get('level') as RegionLevel | null;
  const level: RegionLevel = levelParam && LEVELS.includes(levelParam) ? levelParam : 'FACILITY';
  const nearExpiryDays = whole(params.get('nearExpiryDays'), 90, 1, 3650);
  const { data, loading, error, refetch } = useQuery(StockQuery, { variables: { level, filter, nearExpiryDays } });
  const rows = data?.stock.rows;
  const nearExpiry = rows?.filter((row) => row.nearExpiry);
  // Shortages rest on dispensing rates, which BPOM and manufacturers read.
  const seesShortages = viewer.organization.type === 'REGULATOR' || viewer.organization.type === 'MANUFACTURER';

  const levelName = t(`reports.stock.level.${level}`);
  // Units and expiry first: at a laptop's width they never hide off the right edge; long names are cut, whole on hover.
  const columns: Column<StockRow>[] = [
    { key: 'units', header: t('reports.stock.units'), nowrap: true, cell: (row) => <strong>{formatCount(row.units)}</strong> },
    {
      key: 'expiry',
      header: t('reports.stock.expiry'),
      nowrap: true,
      cell: (row) => (
        <span className="badge-stack">
          {formatDate(row.expiry)}
          {row.nearExpiry ? <span className="badge badge-warning">{t('reports.stock.nearExpiryBadge')}</span> : null}
        </span>
      ),
    },
    {
      key: 'batch',
      header: t('reports.batch'),
      nowrap: true,
      cell: (row) => (
        <span className="badge-stack">
          {row.batch}
          {row.recalled ? <span className="badge badge-danger">{t('stock.recalled')}</span> : null}
        </span>
      ),
    },
    { key: 'product', header: t('reports.product'), truncate: (row) => `${row.product.name} (${row.product.nie})`, cell: (row) => <ProductCell product={row.product} /> },
    {
      key: 'label',
      header: levelName,
      truncate: (row) => [row.facility?.name ?? row.label, level === 'FACILITY' ? row.regency : null, level !== 'PROVINCE' ? row.province : null].filter(Boolean).join(' · '),
      cell: (row) => (
        <span className="product-cell">
          <strong>{row.facility?.name ?? row.label}</strong>
          {level === 'FACILITY' && row.regency ? <span className="product-nie">{row.regency}</span> : null}
          {level !== 'PROVINCE' && row.province ? <span className="product-nie">{row.province}</span> : null}
        </span>
      ),
    },
  ];
  const csv: CsvColumn<StockRow>[] = [
    { header: levelName, value: (row) => row.facility?.name ?? row.label },
    { header: t('facility.regency'), value: (row) => row.regency },
    { header: t('facility.province'), value: (row) => row.province },
    { header: t('reports.nie'), value: (row) => row.product.nie },
    { header: t('reports.product'), value: (row) => row.product.name },
    { header: t('reports.batch'), value: (row) => row.batch },
    { header: t('reports.stock.expiry'), value: (row) => row.expiry },
    { header: t('reports.stock.units'), value: (row) => row.units },
    { header: t('reports.stock.nearExpiryBadge'), value: (row) => (row.nearExpiry ? t('reports.yes') : t('reports.no')) },
    { header: t('stock.recalled'), value: (row) => (row.recalled ? t('reports.yes') : t('reports.no')) },
  ];
  const bars = sumBy(rows ?? [], (row) => row.facility?.name ?? row.label, (row) => row.units);

  return (
    <Page title={t('reports.stock.title')} intro={t('reports.stock.intro')}>
      <ReportFilters key={filterKey(filter)} filter={filter} onApply={update}>
        <SelectField label={t('reports.stock.levelLabel')} name="level" value={level} onChange={(event) => update({ level: event.target.value })}>
          {LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(`reports.stock.level.${value}`)}
            </option>
          ))}
        </SelectField>
      </ReportFilters>

      <ReportSection
        title={t('reports.stock.tableTitle', { level: levelName })}
        id="stock"
        rows={rows}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        asOf={data?.stock.asOf}
        csv={{ name: 'stok', columns: csv, what: t('reports.stock.title') }}
        chart={
          <UnitsBarChart
            data={bars}
            series={[{ key: 'units', name: t('reports.stock.units') }]}
            label={t('reports.stock.chartLabel', { level: levelName, summary: bars.slice(0, 5).map((bar) => `${bar.label} ${formatCount(bar.units)}`).join(', ') })}
          />
        }
        columns={columns}
        rowKey={stockKey}
      />

      <Section
        title={t('reports.stock.nearExpiryTitle', { days: nearExpiryDays })}
        id="near-expiry"
        actions={nearExpiry ? <CsvButton name="stok-hampir-kedaluwarsa" columns={csv} rows={nearExpiry} what={t('reports.stock.nearExpiryTitle', { days: nearExpiryDays })} /> : null}
      >
        <div className="filters filters-inline">
          <TextField
            label={t('reports.stock.nearExpiryDays')}
            type="number"
            min={1}
            max={3650}
            name="nearExpiryDays"
            defaultValue={nearExpiryDays}
            key={nearExpiryDays}
            onBlur={(event) => update({ nearExpiryDays: String(whole(event.target.value, 90, 1, 3650)) })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') update({ nearExpiryDays: String(whole(event.currentTarget.value, 90, 1, 3650)) });
            }}
          />
        </div>
        {nearExpiry ? (
          nearExpiry.length ? (
            <Table caption={t('reports.stock.nearExpiryTitle', { days: nearExpiryDays })} columns={columns} rows={nearExpiry} rowKey={stockKey} />
          ) : (
            <EmptyState>{t('reports.stock.noNearExpiry')}</EmptyState>
          )
        ) : (
          <Loading />
        )}
      </Section>

      {seesShortages ? <Shortages filter={filter} /> : null}
    </Page>
  );
}

export function ProductCell({ product }: { product: { nie: string; name: string } }) {
  return (
    <span className="product-cell">
      {product.name}
      <span className="product-nie">{product.nie}</span>
    </span>
  );
}

function Shortages({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ShortagesQuery, { variables: { filter, thresholdDays: 14, windowDays: 30 } });
  const report = data?.shortages;
  const columns: Column<ShortageRow>[] = [
    { key: 'regency', header: t('facility.regency'), cell: (row) => <strong>{row.regency}</strong> },
    { key: 'province', header: t('facility.province'), cell: (row) => row.province },
    { key: 'product', header: t('reports.product'), cell: (row) => <ProductCell product={row.product} /> },
    { key: 'stock', header: t('reports.shortages.stock'), cell: (row) => formatCount(row.stock) },
    { key: 'rate', header: t('reports.shortages.dailyRate'), cell: (row) => formatCount(row.dailyRate, 1) },
    {
      key: 'cover',
      header: t('reports.shortages.daysOfCover'),
      cell: (row) => <span className={row.daysOfCover < 7 ? 'badge badge-danger' : 'badge badge-warning'}>{t('reports.shortages.days', { count: Math.floor(row.daysOfCover) })}</span>,
    },
  ];
  const csv: CsvColumn<ShortageRow>[] = [
    { header: t('facility.regency'), value: (row) => row.regency },
    { header: t('facility.province'), value: (row) => row.province },
    { header: t('reports.nie'), value: (row) => row.product.nie },
    { header: t('reports.product'), value: (row) => row.product.name },
    { header: t('reports.shortages.stock'), value: (row) => row.stock },
    { header: t('reports.shortages.dailyRate'), value: (row) => row.dailyRate.toFixed(2) },
    { header: t('reports.shortages.daysOfCover'), value: (row) => row.daysOfCover.toFixed(1) },
  ];
  return (
    <Section
      title={t('reports.shortages.title')}
      id="shortages"
      actions={report ? <CsvButton name="kekurangan-stok" columns={csv} rows={report.rows} what={t('reports.shortages.title')} /> : null}
    >
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : report ? (
        <>
          <p className="section-intro">{t('reports.shortages.intro', { threshold: report.thresholdDays, window: report.windowDays })}</p>
          <AsOf at={report.asOf} />
          {report.rows.length ? (
            <Table caption={t('reports.shortages.title')} columns={columns} rows={report.rows} rowKey={(row) => `${row.province}/${row.regency}/${row.product.nie}`} />
          ) : (
            <EmptyState>{t('reports.shortages.none')}</EmptyState>
          )}
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}
