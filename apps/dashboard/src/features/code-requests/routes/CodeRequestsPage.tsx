import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CodeRequestFieldsFragment, CodeRequestStatus } from '../../../gql/graphql';
import { DateAndTime, EmptyState, Loading, Page, QueryError, Section, SelectField, Table, formatDate, type Column } from '../../../shared/ui';
import '../../../shared/work.css';
import { CodeRequestsQuery } from '../code-requests.graphql';
import { CodeRequestForm } from '../components/CodeRequestForm';
import { StatusBadge } from '../components/StatusBadge';
import { formatNumber } from '../../../shared/number';

const STATUSES: CodeRequestStatus[] = ['REQUESTED', 'ISSUED', 'REJECTED'];

/** My code requests, newest first, with BPOM's decision, and a form for a new one. */
export function CodeRequestsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CodeRequestStatus | ''>('');
  const { data, error, loading, refetch } = useQuery(CodeRequestsQuery, { variables: { status: status || undefined, first: 200 }, pollInterval: 15_000 });
  const requests = data?.codeRequests;

  // Status first; the list takes the page's width, the form for a new request follows it.
  const columns: Column<CodeRequestFieldsFragment>[] = [
    {
      key: 'status',
      header: t('codeRequests.field.status'),
      narrowText: true,
      truncate: (row) => (row.status === 'REJECTED' && row.reason ? t('codeRequests.reason', { reason: row.reason }) : null),
      cell: (row) => (
        <span className="request-status">
          <StatusBadge status={row.status} />
          {row.status === 'REJECTED' && row.reason ? <span className="request-reason one-line">{t('codeRequests.reason', { reason: row.reason })}</span> : null}
        </span>
      ),
    },
    {
      key: 'product',
      header: t('codeRequests.field.product'),
      truncate: (row) => row.product.name,
      cell: (row) => <Link to={`/code-requests/${row.id}`}>{row.product.name}</Link>,
    },
    {
      key: 'batch',
      header: t('wideTables.batchExpiry'),
      nowrap: true,
      cell: (row) => (
        <span className="product-cell">
          <span>{row.batch}</span>
          <span className="product-nie">{formatDate(row.expiry)}</span>
        </span>
      ),
    },
    { key: 'quantity', header: t('codeRequests.field.quantity'), cell: (row) => formatNumber(row.quantity), nowrap: true },
    { key: 'created', header: t('codeRequests.field.createdAt'), cell: (row) => <DateAndTime at={row.createdAt} /> },
  ];

  return (
    <Page title={t('codeRequests.title')} intro={t('codeRequests.intro')}>
      <div className="stack">
        <Section title={t('codeRequests.listTitle')} id="code-requests-list">
          <div className="filters filters-inline">
            <SelectField label={t('codeRequests.field.status')} value={status} onChange={(event) => setStatus(event.target.value as CodeRequestStatus | '')}>
              <option value="">{t('codeRequests.allStatuses')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`codeRequests.status.${value}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : requests ? (
            <>
              <p className="result-count" role="status" aria-busy={loading}>
                {t('codeRequests.count', { count: requests.length })}
              </p>
              {requests.length ? <Table caption={t('codeRequests.listTitle')} columns={columns} rows={requests} rowKey={(row) => row.id} /> : <EmptyState>{t('codeRequests.empty')}</EmptyState>}
            </>
          ) : (
            <Loading />
          )}
        </Section>
        <Section title={t('codeRequests.form.title')} id="code-requests-create">
          <CodeRequestForm onCreated={() => void refetch()} />
        </Section>
      </div>
    </Page>
  );
}
