import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { errorMessage } from '../../../shared/errors';
import { Alert, Loading, QueryError, formatDateTime } from '../../../shared/ui';
import { InspectionQuery } from '../inspections.graphql';
import { downloadVisit } from './VisitList';
import { ReadList } from './ReadList';
import { VisitSummary } from './VisitSummary';

/** One visit as BPOM reviews it: summary, packs read, findings, and its CSV. */
export function VisitDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const { data, loading, error } = useQuery(InspectionQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const visit = data?.inspection;
  if (loading && !visit) return <Loading />;
  if (error) return <QueryError error={error} />;
  if (!visit) return null;

  async function exportVisit() {
    if (!visit) return;
    setExporting(true);
    setExportError(null);
    try {
      await downloadVisit(session.token, visit);
    } catch (failure) {
      setExportError(failure);
    } finally {
      setExporting(false);
    }
  }

  return (
    <article className="visit-detail" aria-labelledby={`visit-${visit.id}`}>
      <div className="panel-header">
        <h3 id={`visit-${visit.id}`}>{t('inspection.atFacility', { facility: visit.facility.name })}</h3>
        <button type="button" className="button button-secondary button-small" onClick={() => void exportVisit()} disabled={exporting}>
          {exporting ? t('inspection.exporting') : t('inspection.export')}
        </button>
      </div>
      <p className="field-hint">
        {t('inspection.since', { time: formatDateTime(visit.openedAt), inspector: visit.inspector ?? '–' })}
        {visit.closedAt ? ` · ${t('inspection.closed', { time: formatDateTime(visit.closedAt) })}` : ''}
      </p>
      {exportError ? <Alert tone="error">{errorMessage(t, exportError)}</Alert> : null}
      <VisitSummary summary={visit.summary} />
      {visit.reads.length ? <ReadList reads={visit.reads} /> : <p className="empty">{t('inspection.readsEmpty')}</p>}
      <h4>{t('inspection.findingsTitle')}</h4>
      <Findings findings={visit.findings} />
    </article>
  );
}

export function Findings({ findings }: { findings: ReadonlyArray<{ id: string; text: string; hasPhoto: boolean; createdAt: string }> }) {
  const { t } = useTranslation();
  if (!findings.length) return <p className="empty">{t('inspection.findingsEmpty')}</p>;
  return (
    <ul className="finding-list">
      {findings.map((finding) => (
        <li key={finding.id}>
          <span className="finding-text">{finding.text}</span>
          <span className="finding-meta">
            {formatDateTime(finding.createdAt)}
            {finding.hasPhoto ? ` · ${t('inspection.withPhoto')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
