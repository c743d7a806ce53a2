import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AlertSeverity, AlertStatus, AlertsQuery as AlertsData, ComplaintsQuery as ComplaintsData } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, SelectField, Table, formatDateTime, type Column } from '../../../shared/ui';
import { AlertsQuery, ComplaintsQuery } from '../alerts.graphql';
import { AlertDetail } from '../components/AlertDetail';
import { ComplaintCard } from '../components/ComplaintCard';
import { alertReason } from '../reasons';

type Row = AlertsData['alerts'][number];
type ComplaintRow = ComplaintsData['complaints'][number];
const STATUSES: readonly AlertStatus[] = ['OPEN', 'ASSIGNED', 'CLOSED'];
const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** BPOM's inbox: alerts from suspicious checks and refused movements, and the public's complaints. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') as AlertStatus | null;
  const status: AlertStatus = statusParam && STATUSES.includes(statusParam) ? statusParam : 'OPEN';
  const severityParam = params.get('severity') as AlertSeverity | null;
  const severity = severityParam && SEVERITIES.includes(severityParam) ? severityParam : null;
  const selected = params.get('alert');
  const { data, loading, error, refetch } = useQuery(AlertsQuery, { variables: { status, first: 100 }, fetchPolicy: 'cache-and-network' });
  const complaints = useQuery(ComplaintsQuery, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const alerts = data?.alerts.filter((alert) => !severity || alert.severity === severity);

  const link = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('alert', id);
    return `?${next.toString()}`;
  };

  const columns: Column<Row>[] = [
    {
      key: 'reason',
      header: t('alerts.reasonLabel'),
      cell: (row) => (
        <span className="product-cell">
          <Link to={link(row.id)} className="drill-link" aria-current={row.id === selected ? 'true' : undefined}>
            {alertReason(t, row.reason)}
          </Link>
          <span>
            <span className={row.severity === 'HIGH' ? 'badge badge-danger' : row.severity === 'MEDIUM' ? 'badge badge-warning' : 'badge badge-muted'}>
              {t(`alerts.severity.${row.severity}`)}
            </span>
          </span>
        </span>
      ),
    },
    { key: 'code', header: t('alerts.code'), cell: (row) => <code className="code-wrap">{row.code}</code> },
    { key: 'product', header: t('alerts.product'), cell: (row) => row.product?.name ?? t('alerts.unknownProduct') },
    { key: 'occurrences', header: t('alerts.occurrences'), cell: (row) => row.occurrences },
    { key: 'lastSeenAt', header: t('alerts.lastSeen'), nowrap: true, cell: (row) => formatDateTime(row.lastSeenAt) },
    {
      key: 'assignee',
      header: status === 'CLOSED' ? t('alerts.resolutionLabel') : t('alerts.assignee'),
      cell: (row) => (row.resolution ? t(`alerts.resolution.${row.resolution}`) : (row.assignee?.name ?? t('alerts.nobody'))),
    },
  ];

  return (
    <Page title={t('alerts.title')} intro={t('alerts.intro')}>
      <div className="filters filters-inline">
        <SelectField
          label={t('alerts.statusFilter')}
          name="status"
          value={status}
          onChange={(event) => setParams({ status: event.target.value, ...(severity ? { severity } : {}) })}
        >
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`alerts.statusPlural.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('alerts.severityFilter')}
          name="severity"
          value={severity ?? ''}
          onChange={(event) => setParams({ status, ...(event.target.value ? { severity: event.target.value } : {}) })}
        >
          <option value="">{t('alerts.allSeverities')}</option>
          {SEVERITIES.map((value) => (
            <option key={value} value={value}>
              {t(`alerts.severity.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="split split-even">
        <Section title={t(`alerts.statusPlural.${status}`)} id="alerts-list">
          {error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : alerts ? (
            <>
              <p className="result-count" role="status" aria-busy={loading}>
                {t('alerts.count', { count: alerts.length })}
              </p>
              {alerts.length ? <Table caption={t(`alerts.statusPlural.${status}`)} columns={columns} rows={alerts} rowKey={(row) => row.id} /> : <EmptyState>{t('alerts.empty')}</EmptyState>}
            </>
          ) : (
            <Loading />
          )}
        </Section>
        {selected ? (
          <AlertDetail key={selected} id={selected} onChanged={() => void refetch()} />
        ) : (
          <Section title={t('alerts.detailEmptyTitle')} id="alert-detail">
            <p className="muted">{t('alerts.pick')}</p>
          </Section>
        )}
      </div>

      <Section title={t('alerts.complaintsInbox')} id="complaints">
        {complaints.error ? (
          <QueryError error={complaints.error} onRetry={() => void complaints.refetch()} />
        ) : complaints.data ? (
          complaints.data.complaints.length ? (
            <div className="complaints complaints-grid">
              {complaints.data.complaints.map((complaint: ComplaintRow) => (
                <div key={complaint.id} className="complaint-item">
                  <p className="complaint-code">
                    <code className="code-wrap">{complaint.code}</code>
                  </p>
                  <ComplaintCard complaint={complaint} />
                  {complaint.alertId ? (
                    <Link to={`?status=${status}&alert=${encodeURIComponent(complaint.alertId)}`}>{t('alerts.openAlert')}</Link>
                  ) : null}
                </div>
              ))}
            </div>
          ) : (
            <EmptyState>{t('alerts.noComplaintsInbox')}</EmptyState>
          )
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
