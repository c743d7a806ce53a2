import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApprovalQueueQuery as QueueData, CodeRequestStatus } from '../../../gql/graphql';
import { Alert, DateAndTime, EmptyState, Loading, Page, QueryError, Section, SelectField, Table, formatDate, formatDateTime, orDash, type Column } from '../../../shared/ui';
import { formatCount } from '../../reports/components/ReportParts';
import { ApprovalQueueQuery } from '../approvals.graphql';
import { RequestDecision } from '../components/RequestDecision';

type Row = QueueData['codeRequests'][number];
const STATUSES: readonly CodeRequestStatus[] = ['REQUESTED', 'ISSUED', 'REJECTED'];
const PAGE = 100;

/** BPOM's queue of code requests: approve to issue the serials, or reject with a reason. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') as CodeRequestStatus | null;
  const status: CodeRequestStatus = statusParam && STATUSES.includes(statusParam) ? statusParam : 'REQUESTED';
  const { data, loading, error, refetch } = useQuery(ApprovalQueueQuery, { variables: { status, first: PAGE }, fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const requests = data?.codeRequests;
  const subject = (row: Row) => t('approvals.subject', { product: row.product.name, batch: row.batch });

  const decision: Column<Row> =
    status === 'REQUESTED'
      ? {
          key: 'decision',
          header: t('approvals.decision'),
          cell: (row) => (
            <RequestDecision
              id={row.id}
              subject={subject(row)}
              onDecided={(decision) => {
                setNotice(t(decision === 'ISSUED' ? 'approvals.approved' : 'approvals.rejected', { subject: subject(row) }));
                void refetch();
              }}
            />
          ),
        }
      : {
          key: 'decided',
          header: t('approvals.decidedAt'),
          cell: (row) => (
            <span className="product-cell">
              {formatDateTime(row.decidedAt)}
              {row.reason ? <span className="product-nie">{t('approvals.reasonShown', { reason: row.reason })}</span> : null}
            </span>
          ),
        };

  // The decision first: at a laptop's width it never hides off the right edge.
  const columns: Column<Row>[] = [
    decision,
    {
      key: 'product',
      header: t('approvals.product'),
      narrowText: true,
      truncate: (row) => `${row.product.name} · ${row.product.nie} · ${row.product.registrant.name}`,
      cell: (row) => (
        <span className="product-cell">
          <strong>{row.product.name}</strong>
          <span className="product-nie">{row.product.nie}</span>
          <span className="product-nie">{row.product.registrant.name}</span>
        </span>
      ),
    },
    {
      key: 'batch',
      header: t('wideTables.batchExpiry'),
      nowrap: true,
      cell: (row) => (
        <span className="product-cell">
          <code>{row.batch}</code>
          <span className="product-nie">{formatDate(row.expiry)}</span>
        </span>
      ),
    },
    {
      key: 'quantity',
      header: t('approvals.quantity'),
      nowrap: true,
      cell: (row) => (
        <span className="product-cell">
          {t('approvals.units', { count: row.quantity, formatted: formatCount(row.quantity) })}
          {row.unitsPerCase ? <span className="product-nie">{t('approvals.perCase', { count: row.unitsPerCase })}</span> : null}
          {row.casesPerPallet ? <span className="product-nie">{t('approvals.perPallet', { count: row.casesPerPallet })}</span> : null}
        </span>
      ),
    },
    {
      key: 'kind',
      header: t('approvals.kind'),
      nowrap: true,
      cell: (row) => (
        <span className="product-cell">
          {t(`approvals.kindName.${row.kind}`)}
          <span className="product-nie">
            {t('approvals.gtin')} {orDash(row.gtin)}
          </span>
        </span>
      ),
    },
    { key: 'createdAt', header: t('approvals.createdAt'), cell: (row) => <DateAndTime at={row.createdAt} /> },
  ];

  return (
    <Page title={t('approvals.title')} intro={t('approvals.intro')}>
      <div className="filters filters-inline">
        <SelectField
          label={t('approvals.statusFilter')}
          name="status"
          value={status}
          onChange={(event) => {
            setNotice(null);
            setParams(event.target.value === 'REQUESTED' ? {} : { status: event.target.value });
          }}
        >
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`approvals.status.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Section title={t(`approvals.status.${status}`)} id="approvals">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : requests ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('approvals.count', { count: requests.length })}
            </p>
            {requests.length ? (
              <Table caption={t(`approvals.status.${status}`)} columns={columns} rows={requests} rowKey={(row) => row.id} />
            ) : (
              <EmptyState>{t(`approvals.empty.${status}`)}</EmptyState>
            )}
          </>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
