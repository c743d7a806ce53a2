import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter, StockQuery as StockData } from '../../../gql/graphql';
import { EmptyState, Loading, QueryError, Section, Table, formatDate, orDash, type Column } from '../../../shared/ui';
import type { CsvColumn } from '../csv';
import { StockQuery } from '../reports.graphql';
import { AsOf, CsvButton, formatCount } from './ReportParts';

type Row = StockData['stock']['rows'][number];

/** The last step of the realisation drill-down: the facilities holding a batch now. */
export function BatchHoldings({ nie, batch, filter }: { nie: string; batch: string; filter: ReportFilter }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(StockQuery, {
    variables: { level: 'FACILITY', filter: { nie, batch, province: filter.province }, nearExpiryDays: 90 },
  });
  const rows = data?.stock.rows;
  const columns: Column<Row>[] = [
    { key: 'facility', header: t('reports.stock.facility'), wide: true, cell: (row) => <strong>{row.facility?.name ?? row.label}</strong> },
    { key: 'regency', header: t('facility.regency'), cell: (row) => orDash(row.regency) },
    { key: 'province', header: t('facility.province'), cell: (row) => orDash(row.province) },
    { key: 'expiry', header: t('reports.stock.expiry'), nowrap: true, cell: (row) => formatDate(row.expiry) },
    { key: 'units', header: t('reports.stock.units'), cell: (row) => formatCount(row.units) },
  ];
  const csv: CsvColumn<Row>[] = [
    { header: t('reports.stock.facility'), value: (row) => row.facility?.name ?? row.label },
    { header: t('facility.regency'), value: (row) => row.regency },
    { header: t('facility.province'), value: (row) => row.province },
    { header: t('reports.product'), value: (row) => row.product.nie },
    { header: t('reports.batch'), value: (row) => row.batch },
    { header: t('reports.stock.expiry'), value: (row) => row.expiry },
    { header: t('reports.stock.units'), value: (row) => row.units },
  ];
  const title = t('reports.realisation.holdersTitle', { batch });
  return (
    <Section title={title} id="holders" actions={rows ? <CsvButton name={`stok-${batch}`} columns={csv} rows={rows} what={title} /> : null}>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : rows ? (
        <>
          <AsOf at={data.stock.asOf} />
          {rows.length ? (
            <Table caption={title} columns={columns} rows={rows} rowKey={(row) => `${row.key}/${row.batch}`} />
          ) : (
            <EmptyState>{t('reports.realisation.noHolders')}</EmptyState>
          )}
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}
