import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { RecallsQuery as RecallsData } from '../../../gql/graphql';
import { Alert, EmptyState, Loading, Page, QueryError, Section, Table, formatDateTime, type Column } from '../../../shared/ui';
import { formatCount } from '../../reports/components/ReportParts';
import { RecallProgressView } from '../components/RecallProgressView';
import { StartRecallForm } from '../components/StartRecallForm';
import { RecallsQuery } from '../recalls.graphql';

type Row = RecallsData['recalls'][number];

/** Recalls: start one, see them all, and follow one unit by unit (`?recall=<id>`). */
export function RecallsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selected = params.get('recall');
  const started = params.get('started') === '1';
  const { data, loading, error, refetch } = useQuery(RecallsQuery);
  const recalls = data?.recalls;

  const columns: Column<Row>[] = [
    {
      key: 'batch',
      header: t('recalls.batch'),
      cell: (row) => (
        <span className="product-cell">
          <Link to={`?recall=${encodeURIComponent(row.id)}`} aria-current={row.id === selected ? 'true' : undefined} className="drill-link">
            {t('recalls.batchLink', { nie: row.nie, batch: row.batch })}
          </Link>
          <span className="product-nie">{row.productName}</span>
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
          <span className="product-nie">{formatDateTime(row.createdAt)}</span>
        </span>
      ),
    },
    {
      key: 'progress',
      header: t('recalls.returnedOfTotal'),
      cell: (row) => t('recalls.returnedOf', { returned: formatCount(row.progress.recovered), outstanding: formatCount(row.progress.outstanding) }),
    },
  ];

  return (
    <Page title={t('recalls.title')} intro={t('recalls.intro')}>
      {started ? <Alert tone="success">{t('recalls.started')}</Alert> : null}
      <div className="split">
        <Section title={t('recalls.listTitle')} id="recalls-list">
          {error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : recalls ? (
            recalls.length ? (
              <div aria-busy={loading}>
                <Table caption={t('recalls.listTitle')} columns={columns} rows={recalls} rowKey={(row) => row.id} />
              </div>
            ) : (
              <EmptyState>{t('recalls.empty')}</EmptyState>
            )
          ) : (
            <Loading />
          )}
        </Section>
        <Section title={t('recalls.form.title')} id="recall-start">
          <StartRecallForm
            onStarted={(id) => {
              void refetch();
              setParams({ recall: id, started: '1' });
            }}
          />
        </Section>
      </div>
      {selected ? <RecallProgressView key={selected} id={selected} onClosed={() => void refetch()} /> : null}
    </Page>
  );
}
