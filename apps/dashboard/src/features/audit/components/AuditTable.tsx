import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEventsQuery } from '../../../gql/graphql';
import { Table, formatDateTime, orDash, type Column } from '../../../shared/ui';

type AuditRow = AuditEventsQuery['auditEvents']['edges'][number]['node'];

/** A page of the audit log, newest first; the organisation column only where several are shown. */
export function AuditTable({ events, showOrganization }: { events: readonly AuditRow[]; showOrganization: boolean }) {
  const { t } = useTranslation();
  const columns: Column<AuditRow>[] = [
    { key: 'at', header: t('audit.at'), cell: (event) => formatDateTime(event.at), nowrap: true },
    { key: 'action', header: t('audit.action'), cell: (event) => <strong>{t(`audit.actions.${event.action}`)}</strong> },
    { key: 'actor', header: t('audit.actor'), cell: (event) => event.actorEmail ?? <em>{t('audit.system')}</em> },
    {
      key: 'target',
      header: t('audit.target'),
      cell: (event) => (
        <>
          <span className="badge badge-muted">{t(`audit.targets.${event.targetType}`)}</span> {orDash(event.targetLabel)}
        </>
      ),
      wide: true,
    },
    ...(showOrganization ? [{ key: 'organization', header: t('audit.organization'), cell: (event: AuditRow) => orDash(event.organization?.name) }] : []),
    { key: 'address', header: t('audit.address'), cell: (event) => orDash(event.address), nowrap: true },
    { key: 'detail', header: t('audit.detail'), cell: (event) => orDash(detailOf(t, event)) },
  ];
  return <Table caption={t('audit.caption')} columns={columns} rows={events} rowKey={(event) => event.id} />;
}

function detailOf(t: TFunction, event: AuditRow): string | null {
  const parts: string[] = [];
  if (event.sessionsEnded) parts.push(t('audit.details.sessionsEnded', { count: event.sessionsEnded }));
  if (event.expiresAt) parts.push(t('audit.details.expiresAt', { at: formatDateTime(event.expiresAt) }));
  if (event.failures) parts.push(t('audit.details.throttled', { count: event.failures, seconds: event.retryAfterSeconds ?? 0 }));
  return parts.length ? parts.join('; ') : null;
}
