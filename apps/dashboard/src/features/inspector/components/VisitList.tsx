import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { errorMessage } from '../../../shared/errors';
import { restFetch } from '../../../shared/rest';
import { Alert, EmptyState, Loading, QueryError, Table, formatDateTime, orDash, type Column } from '../../../shared/ui';
import type { InspectionsQuery as InspectionsData } from '../../../gql/graphql';
import { saveFile } from '../../scan-session/csv';
import { InspectionsQuery } from '../inspections.graphql';

type Visit = InspectionsData['inspections'][number];

/** A visit as CSV, fetched with the login token. */
export async function downloadVisit(token: string | null, visit: { id: string; openedAt: string }) {
  const response = await restFetch(`/api/inspections/${encodeURIComponent(visit.id)}.csv`, token);
  saveFile(`inspeksi-${visit.openedAt.slice(0, 10)}-${visit.id.slice(0, 8)}.csv`, await response.blob());
}

/** BPOM's visits, newest first: where, who, when, what was found; each to view or export. */
export function VisitList({ onView }: { onView: (id: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { data, loading, error } = useQuery(InspectionsQuery, { variables: { first: 50 }, fetchPolicy: 'cache-and-network' });
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  async function exportVisit(visit: Visit) {
    setExporting(visit.id);
    setExportError(null);
    try {
      await downloadVisit(session.token, visit);
    } catch (failure) {
      setExportError(failure);
    } finally {
      setExporting(null);
    }
  }

  const columns: Column<Visit>[] = [
    {
      key: 'action',
      header: t('inspection.column.action'),
      cell: (visit) => (
        <div className="row-actions">
          <button type="button" className="button button-quiet button-small" onClick={() => onView(visit.id)}>
            {t('inspection.view')}
          </button>
          <button type="button" className="button button-quiet button-small" onClick={() => void exportVisit(visit)} disabled={exporting === visit.id}>
            {exporting === visit.id ? t('inspection.exporting') : t('inspection.export')}
          </button>
        </div>
      ),
    },
    { key: 'status', header: t('inspection.column.status'), cell: (visit) => t(`inspection.status.${visit.status}`), nowrap: true },
    { key: 'facility', header: t('inspection.column.facility'), cell: (visit) => visit.facility.name },
    { key: 'inspector', header: t('inspection.column.inspector'), cell: (visit) => orDash(visit.inspector) },
    { key: 'opened', header: t('inspection.column.opened'), cell: (visit) => formatDateTime(visit.openedAt), nowrap: true },
    { key: 'reads', header: t('inspection.column.reads'), cell: (visit) => visit.summary.reads },
    { key: 'notAtCustodian', header: t('inspection.column.notAtCustodian'), cell: (visit) => visit.summary.notAtCustodian },
    { key: 'findings', header: t('inspection.column.findings'), cell: (visit) => visit.summary.findings },
  ];

  if (loading && !data) return <Loading />;
  if (error) return <QueryError error={error} />;
  const visits = data?.inspections ?? [];
  return (
    <>
      {exportError ? <Alert tone="error">{errorMessage(t, exportError)}</Alert> : null}
      {visits.length ? (
        <Table caption={t('inspection.listTitle')} columns={columns} rows={visits} rowKey={(visit) => visit.id} />
      ) : (
        <EmptyState>{t('inspection.listEmpty')}</EmptyState>
      )}
    </>
  );
}
