import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HeldRecallsQuery as HeldRecallsData } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, Table, formatDateTime, type Column } from '../../../shared/ui';
import { formatCount } from '../../reports/components/ReportParts';
import { unitsToPull } from '../pull';
import { HeldRecallsQuery } from '../recalls.graphql';

type Row = HeldRecallsData['recalls'][number];

/** The recalls that reached my organisation, and what my facilities still hold of each. */
export function HeldRecallsPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(HeldRecallsQuery, { fetchPolicy: 'cache-and-network' });
  const recalls = data?.recalls;

  const columns: Column<Row>[] = [
    {
      key: 'product',
      header: t('recalls.batch'),
      wide: true,
      cell: (row) => (
        <span className="product-cell">
          <strong>{row.productName}</strong>
          <span className="product-nie">{t('recalls.batchLink', { nie: row.nie, batch: row.batch })}</span>
        </span>
      ),
    },
    {
      key: 'status',
      header: t('recalls.status'),
      cell: (row) => (
        <span className="product-cell">
          <span className={row.status === 'OPEN' ? 'badge badge-warning' : 'badge badge-muted'}>{t(`recalls.recallStatus.${row.status}`)}</span>
          <span className="product-nie">{row.class ? t('recalls.classLabel', { class: row.class }) : t('recalls.noClass')}</span>
        </span>
      ),
    },
    { key: 'reason', header: t('recalls.reason'), cell: (row) => row.reason },
    { key: 'startedAt', header: t('recalls.startedAt'), cell: (row) => formatDateTime(row.createdAt) },
    { key: 'held', header: t('recalls.held'), nowrap: true, cell: (row) => formatCount(unitsToPull(row.pullList)) },
    {
      key: 'pull',
      header: t('recalls.pullListColumn'),
      cell: (row) => <Link to={`/pull-lists/${encodeURIComponent(row.id)}`}>{t('pullLists.open', { batch: row.batch })}</Link>,
    },
  ];

  return (
    <Page title={t('pullLists.pageTitle')} intro={t('pullLists.pageIntro')}>
      <Section title={t('pullLists.recallsTitle')} id="held-recalls">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : recalls ? (
          recalls.length ? (
            <div aria-busy={loading}>
              <Table caption={t('pullLists.recallsTitle')} columns={columns} rows={recalls} rowKey={(row) => row.id} />
            </div>
          ) : (
            <EmptyState>{t('pullLists.none')}</EmptyState>
          )
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
