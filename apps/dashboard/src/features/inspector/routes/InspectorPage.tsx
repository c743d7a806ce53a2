import type { Reference } from '@apollo/client';
import { useApolloClient, useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../app/viewer';
import type { InspectionReadFieldsFragment } from '../../../gql/graphql';
import { errorCodeOf, errorMessage } from '../../../shared/errors';
import { displayCode, readScan, type ScanRead } from '../../../shared/scanner';
import { Alert, Loading, Page, QueryError, Section, SelectField, TextField, formatDateTime } from '../../../shared/ui';
import type { Outcome } from '../../verify/outcome';
import { VerificationResult } from '../../verify/components/VerificationResult';
import { CodeEntry } from '../../trace/components/CodeEntry';
import { TraceView } from '../../trace/components/TraceView';
import { TraceQuery } from '../../trace/trace.graphql';
import { VerifyCodeQuery } from '../../verify/verify.graphql';
import { FindingForm } from '../components/FindingForm';
import { LastRead } from '../components/LastRead';
import { ReadList } from '../components/ReadList';
import { Findings, VisitDetail } from '../components/VisitDetail';
import { VisitList, downloadVisit } from '../components/VisitList';
import { VisitSummary } from '../components/VisitSummary';
import { useSession } from '../../../app/providers';
import {
  CloseInspectionMutation,
  InspectableFacilitiesQuery,
  InspectionQuery,
  InspectionReadFields,
  InspectionSummaryQuery,
  InspectionsQuery,
  OpenInspectionMutation,
  RecordInspectionReadMutation,
} from '../inspections.graphql';
import { SeenCodes, useCurrentVisit } from '../visit';
import '../inspector.css';

/** Where the inspector stands, when the browser may say: it helps find cloned codes. */
function currentPosition(): Promise<{ latitude: number; longitude: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => resolve(null),
      { timeout: 3_000, maximumAge: 60_000 },
    );
  });
}

/** The code as a read is known by: bracketed when it reads. */
const keyOf = (read: ScanRead) => (read.parsed.valid && read.parsed.bracketed ? read.parsed.bracketed : read.text);

/**
 * The inspector at a facility: open a visit, scan pack after pack (the camera keeps reading,
 * each pack once), see each verdict and whether the records place the pack here, note findings
 * with photos, and close the visit with its summary. Without a visit, a pack is only checked,
 * with its history. BPOM's visits are listed below, each to view or export.
 */
export function InspectorPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const session = useSession();
  const client = useApolloClient();
  const canInspect = viewer.organization.type === 'REGULATOR' && (viewer.role === 'INSPECTOR' || viewer.role === 'SUPERVISOR');
  const [visitId, setVisitId] = useCurrentVisit();
  const visitQuery = useQuery(InspectionQuery, { variables: { id: visitId ?? '' }, skip: !visitId, fetchPolicy: 'cache-and-network' });
  const visit = visitId ? visitQuery.data?.inspection : null;
  const openVisit = visit?.status === 'OPEN' ? visit : null;
  const [viewing, setViewing] = useState<string | null>(null);

  const [useLocation, setUseLocation] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [lastRead, setLastRead] = useState<InspectionReadFieldsFragment | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [verify, verification] = useLazyQuery(VerifyCodeQuery, { fetchPolicy: 'network-only' });
  const [trace, traced] = useLazyQuery(TraceQuery, { fetchPolicy: 'network-only' });
  const [record, recording] = useMutation(RecordInspectionReadMutation);
  const seen = useRef(new SeenCodes());
  const sequence = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  // A visit that no longer exists (or another database) is forgotten.
  useEffect(() => {
    if (visitId && visitQuery.data && !visitQuery.data.inspection) setVisitId(null);
  }, [visitId, visitQuery.data, setVisitId]);

  // The packs already recorded in the open visit are not sent again when the camera sees them.
  const openVisitId = openVisit?.id;
  useEffect(() => {
    seen.current.clear();
  }, [openVisitId]);
  useEffect(() => {
    for (const read of openVisit?.reads ?? []) seen.current.add(read.code);
  }, [openVisit?.reads]);

  async function onRead(read: ScanRead) {
    const code = keyOf(read);
    setNotice(null);
    setReadError(null);
    if (openVisit) {
      if (!seen.current.add(code)) {
        setNotice(t('inspection.alreadyRead'));
        return;
      }
      const id = ++sequence.current;
      const place = useLocation ? await currentPosition() : null;
      try {
        const visitId = openVisit.id;
        const { data } = await record({
          variables: { inspection: visitId, code: read.parsed.valid ? code : read.text, latitude: place?.latitude, longitude: place?.longitude },
          // The new read joins the visit's list in the cache: a long visit is not fetched again whole after each read.
          update(cache, { data: answer }) {
            const recorded = answer?.recordInspectionRead;
            if (!recorded || recorded.repeated) return;
            const ref = cache.writeFragment({ data: recorded, fragment: InspectionReadFields });
            cache.modify({
              id: cache.identify({ __typename: 'InspectionObject', id: visitId }),
              fields: { reads: (existing: readonly Reference[] = []) => (ref ? [...existing, ref] : existing) },
            });
          },
        });
        void client.query({ query: InspectionSummaryQuery, variables: { id: visitId }, fetchPolicy: 'network-only' }).catch(() => null);
        if (id !== sequence.current || !data) return;
        setLastRead(data.recordInspectionRead);
        setOutcome(null);
        if (data.recordInspectionRead.custody !== 'UNKNOWN') void trace({ variables: { code } }).catch(() => null);
      } catch (error) {
        seen.current.forget(code);
        if (id === sequence.current) setReadError(error);
      }
      return;
    }
    // No visit: a check and the pack's history, nothing recorded. The camera's repeats of the pack on screen are skipped.
    if (read.source === 'camera' && outcome && keyOf(outcome.read) === code) return;
    const id = ++sequence.current;
    setLastRead(null);
    if (!read.parsed.valid) {
      setOutcome({ kind: 'malformed', read, id });
      return;
    }
    setOutcome(null);
    const shown = displayCode(read);
    const place = useLocation ? await currentPosition() : null;
    const [answer] = await Promise.all([
      verify({ variables: { code: shown, latitude: place?.latitude, longitude: place?.longitude } }).catch(() => null),
      trace({ variables: { code: shown } }).catch(() => null),
    ]);
    if (id !== sequence.current) return;
    if (answer?.data) {
      setOutcome({ kind: 'answer', read, verification: answer.data.verify, id });
      requestAnimationFrame(() => heading.current?.focus());
    }
  }

  const traceError = traced.error;
  const showTrace = (outcome?.kind === 'answer' || (lastRead && lastRead.custody !== 'UNKNOWN')) && !readError;

  return (
    <Page title={t('inspector.title')} intro={t('inspector.intro')}>
      {canInspect ? (
        <Section title={t('inspection.visitTitle')} id="inspection-visit">
          {visitId && visitQuery.loading && !visit ? <Loading /> : null}
          {visitQuery.error ? <QueryError error={visitQuery.error} /> : null}
          {!visit ? (
            <StartVisit onOpened={(id) => setVisitId(id)} />
          ) : openVisit ? (
            <OpenVisitBar
              visit={openVisit}
              onClosed={() => {
                // The summary takes the screen: the last read and its history belong to the visit just closed.
                setLastRead(null);
                setNotice(null);
                setReadError(null);
              }}
            />
          ) : (
            <ClosedVisit
              visit={visit}
              onExport={() => downloadVisit(session.token, visit)}
              onNext={() => {
                setVisitId(null);
                setLastRead(null);
                setNotice(null);
                setOutcome(null);
              }}
            />
          )}
        </Section>
      ) : null}

      <Section title={openVisit ? t('inspection.scanTitle') : t('inspector.scanTitle')} id="inspect-scan">
        {openVisit ? <p className="field-hint">{t('inspection.scanHint')}</p> : canInspect ? <p className="field-hint">{t('inspection.noVisit')}</p> : null}
        <CodeEntry
          onRead={(read) => void onRead(read)}
          startLabel={t('inspector.startCamera')}
          busy={recording.loading || verification.loading}
          continuousMs={4_000}
        />
        <label className="checkbox">
          <input type="checkbox" checked={useLocation} onChange={(event) => setUseLocation(event.target.checked)} />
          {t('inspector.useLocation')}
        </label>
        <p role="status" className="inspect-notice">
          {recording.loading ? t('inspection.recording') : (notice ?? '')}
        </p>
      </Section>

      <div className="inspect-result" aria-live="polite">
        {readError ? <Alert tone="error">{errorMessage(t, readError)}</Alert> : null}
        {lastRead ? <LastRead read={lastRead} /> : null}
        {verification.loading ? <Loading label={t('inspector.checking')} /> : null}
        {verification.error ? <QueryError error={verification.error} /> : null}
        {outcome ? <VerificationResult outcome={outcome} headingRef={heading} audience="inspector" /> : null}
        {showTrace ? (
          traced.loading ? (
            <Loading label={t('trace.loading')} />
          ) : traceError ? (
            errorCodeOf(traceError) === 'NOT_FOUND' ? (
              <Alert tone="warning">{t('inspector.noTrace')}</Alert>
            ) : (
              <QueryError error={traceError} />
            )
          ) : traced.data ? (
            <TraceView trace={traced.data.trace} onOpen={(code) => void onRead(readScan(code, 'keyboard'))} />
          ) : null
        ) : null}
      </div>

      {openVisit ? (
        <>
          <Section title={t('inspection.readsTitle', { count: openVisit.reads.length })} id="inspection-reads">
            <VisitSummary summary={openVisit.summary} />
            {openVisit.reads.length ? <ReadList reads={openVisit.reads} /> : <p className="empty">{t('inspection.readsEmpty')}</p>}
          </Section>
          <Section title={t('inspection.findingsTitle')} id="inspection-findings">
            <Findings findings={openVisit.findings} />
            <FindingForm visitId={openVisit.id} onSaved={() => void visitQuery.refetch()} />
          </Section>
        </>
      ) : null}

      <Section title={t('inspection.listTitle')} id="inspection-list">
        <VisitList onView={setViewing} />
        {viewing ? <VisitDetail id={viewing} /> : null}
      </Section>
    </Page>
  );
}

/** Choose the facility and open a visit there. */
function StartVisit({ onOpened }: { onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [facility, setFacility] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { data } = useQuery(InspectableFacilitiesQuery, { variables: { search: search.trim() || undefined } });
  const [open, { loading, error }] = useMutation(OpenInspectionMutation, { refetchQueries: [InspectionsQuery] });
  const facilities = (data?.facilities ?? []).filter((entry) => entry.type !== 'REGULATOR');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!facility) {
      setFieldError(t('inspection.facilityRequired'));
      return;
    }
    try {
      const result = await open({ variables: { facility } });
      if (result.data) onOpened(result.data.openInspection.id);
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <form className="form visit-start" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p className="field-hint">{t('inspection.visitHint')}</p>
      <div className="visit-start-fields">
        <TextField label={t('inspection.facilitySearch')} hint={t('inspection.facilityHint')} value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField
          label={t('inspection.facility')}
          value={facility}
          error={fieldError}
          onChange={(event) => {
            setFacility(event.target.value);
            setFieldError(null);
          }}
        >
          <option value="">{t('inspection.chooseFacility')}</option>
          {facilities.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.regency ? `${entry.name} (${entry.regency})` : entry.name}
            </option>
          ))}
        </SelectField>
      </div>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('inspection.opening') : t('inspection.open')}
      </button>
    </form>
  );
}

interface OpenVisit {
  id: string;
  openedAt: string;
  inspector: string | null;
  facility: { name: string };
}

/** The open visit: where, since when, and closing it (asked twice, since it cannot be undone). */
function OpenVisitBar({ visit, onClosed }: { visit: OpenVisit; onClosed: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [close, { loading, error }] = useMutation(CloseInspectionMutation, { refetchQueries: [InspectionQuery, InspectionsQuery] });
  return (
    <div className="visit-bar" data-visit={visit.id}>
      <div>
        <h3>{t('inspection.atFacility', { facility: visit.facility.name })}</h3>
        <p className="field-hint">{t('inspection.since', { time: formatDateTime(visit.openedAt), inspector: visit.inspector ?? '–' })}</p>
      </div>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {confirming ? (
        <div className="visit-confirm" role="group" aria-label={t('inspection.close')}>
          <p>{t('inspection.closeConfirm')}</p>
          <button
            type="button"
            className="button button-danger"
            disabled={loading}
            onClick={() =>
              void close({ variables: { inspection: visit.id } })
                .then(onClosed)
                .catch(() => undefined)
            }
          >
            {loading ? t('inspection.closing') : t('inspection.close')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            {t('verify.report.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('inspection.close')}
        </button>
      )}
    </div>
  );
}

interface ClosedVisitProps {
  visit: { id: string; closedAt: string | null; facility: { name: string }; summary: Parameters<typeof VisitSummary>[0]['summary'] };
  onExport: () => Promise<void>;
  onNext: () => void;
}

/** A visit just closed: its summary, its CSV, and the way to the next one. */
function ClosedVisit({ visit, onExport, onNext }: ClosedVisitProps) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <div className="visit-closed">
      <h3>{t('inspection.summaryTitle')}</h3>
      <p>
        {t('inspection.atFacility', { facility: visit.facility.name })} · {visit.closedAt ? t('inspection.closed', { time: formatDateTime(visit.closedAt) }) : null}
      </p>
      <VisitSummary summary={visit.summary} />
      {exportError ? <Alert tone="error">{errorMessage(t, exportError)}</Alert> : null}
      <div className="row-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={exporting}
          onClick={() => {
            setExporting(true);
            setExportError(null);
            onExport()
              .catch(setExportError)
              .finally(() => setExporting(false));
          }}
        >
          {exporting ? t('inspection.exporting') : t('inspection.export')}
        </button>
        <button type="button" className="button button-primary" onClick={onNext}>
          {t('inspection.newVisit')}
        </button>
      </div>
    </div>
  );
}
