import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/providers';
import type { CodeRequestQuery as CodeRequestData } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, EmptyState, Loading, Page, Pager, QueryError, Section, Table, formatDate, formatDateTime, orDash, useCursorPages, type Column } from '../../../shared/ui';
import { CodeRequestQuery } from '../code-requests.graphql';
import { StatusBadge } from '../components/StatusBadge';
import { downloadCodes } from '../downloads';
import { formatNumber } from '../../../shared/number';

type Code = NonNullable<CodeRequestData['codeRequest']>['codes']['edges'][number]['node'];
const PAGE = 50;

/** One request: BPOM's decision and, once issued, its codes page by page and the printer files. */
export function CodeRequestPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const session = useSession();
  const pages = useCursorPages();
  const after = pages.after ?? undefined;
  const { data, error, loading, refetch } = useQuery(CodeRequestQuery, { variables: { id, first: PAGE, after } });
  const [downloading, setDownloading] = useState<'csv' | 'xml' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const request = data?.codeRequest;

  async function download(format: 'csv' | 'xml') {
    if (!request) return;
    setDownloading(format);
    setDownloadError(null);
    try {
      await downloadCodes(session.token, request.id, format, `kode-${request.product.nie}-${request.batch}`);
    } catch (failure) {
      setDownloadError(failure);
    } finally {
      setDownloading(null);
    }
  }

  const columns: Column<Code>[] = [
    { key: 'level', header: t('codes.level'), cell: (code) => t(`movements.level.${code.level}`), nowrap: true },
    { key: 'serial', header: t('codes.serial'), cell: (code) => <code>{code.serial ?? code.sscc}</code>, nowrap: true },
    { key: 'text', header: t('codes.text'), cell: (code) => <code className="code-text">{code.text}</code>, wide: true },
    { key: 'link', header: t('codes.digitalLink'), cell: (code) => orDash(code.digitalLink), wide: true },
  ];

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!request) {
    return (
      <Page title={t('codeRequests.detail.notFound')}>
        <Link to="/code-requests">{t('codeRequests.detail.back')}</Link>
      </Page>
    );
  }

  const codes = request.codes;
  const pageNumber = pages.page;
  const from = (pageNumber - 1) * PAGE + 1;
  return (
    <Page title={t('codeRequests.detail.title', { name: request.product.name, batch: request.batch })}>
      <p>
        <Link to="/code-requests">{t('codeRequests.detail.back')}</Link>
      </p>
      <Section title={t('codeRequests.detail.section')} id="code-request-detail">
        {request.status === 'REJECTED' ? (
          <Alert tone="error" title={t('codeRequests.detail.rejected')}>
            {t('codeRequests.reason', { reason: request.reason ?? '–' })}
          </Alert>
        ) : null}
        {request.status === 'REQUESTED' ? <Alert tone="info">{t('codeRequests.detail.waiting')}</Alert> : null}
        <dl className="details">
          <dt>{t('codeRequests.field.status')}</dt>
          <dd>
            <StatusBadge status={request.status} />
          </dd>
          <dt>{t('products.field.nie')}</dt>
          <dd>
            <code>{request.product.nie}</code>
          </dd>
          <dt>{t('codeRequests.field.batch')}</dt>
          <dd>{request.batch}</dd>
          <dt>{t('codeRequests.field.expiry')}</dt>
          <dd>{formatDate(request.expiry)}</dd>
          <dt>{t('codeRequests.field.quantity')}</dt>
          <dd>{formatNumber(request.quantity)}</dd>
          <dt>{t('codeRequests.field.unitsPerCase')}</dt>
          <dd>{orDash(request.unitsPerCase == null ? null : formatNumber(request.unitsPerCase))}</dd>
          <dt>{t('codeRequests.field.casesPerPallet')}</dt>
          <dd>{orDash(request.casesPerPallet == null ? null : formatNumber(request.casesPerPallet))}</dd>
          <dt>{t('codeRequests.field.gtin')}</dt>
          <dd>{orDash(request.gtin)}</dd>
          <dt>{t('codeRequests.field.createdAt')}</dt>
          <dd>{formatDateTime(request.createdAt)}</dd>
          {request.decidedAt ? (
            <>
              <dt>{t('codeRequests.field.decidedAt')}</dt>
              <dd>{formatDateTime(request.decidedAt)}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      {request.status === 'ISSUED' ? (
        <Section
          title={t('codes.title', { count: codes.totalCount })}
          id="code-request-codes"
          actions={
            <div className="button-row">
              <button type="button" className="button button-secondary button-small" onClick={() => void download('csv')} disabled={!!downloading}>
                {downloading === 'csv' ? t('codes.downloading') : t('codes.downloadCsv')}
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => void download('xml')} disabled={!!downloading}>
                {downloading === 'xml' ? t('codes.downloading') : t('codes.downloadXml')}
              </button>
              <Link className="button button-primary button-small" to={`/code-requests/${request.id}/labels`}>
                {t('codes.labels')}
              </Link>
              <Link className="button button-secondary button-small" to={`/activate?request=${encodeURIComponent(request.id)}`}>
                {t('activateRequest.link')}
              </Link>
            </div>
          }
        >
          {downloadError ? <Alert tone="error">{errorMessage(t, downloadError)}</Alert> : null}
          <p className="result-count" role="status" aria-busy={loading}>
            {t('codes.range', { from: formatNumber(from), to: formatNumber(from + codes.edges.length - 1), total: formatNumber(codes.totalCount) })}
          </p>
          {codes.edges.length ? (
            <Table caption={t('codes.caption')} columns={columns} rows={codes.edges.map((edge) => edge.node)} rowKey={(code) => code.text} />
          ) : (
            <EmptyState>{t('codes.empty')}</EmptyState>
          )}
          <Pager
            label={t('codes.pager')}
            page={pageNumber}
            hasNext={codes.pageInfo.hasNextPage}
            onPrevious={pages.previous}
            onNext={() => pages.next(codes.pageInfo.endCursor)}
          />
        </Section>
      ) : null}
    </Page>
  );
}
