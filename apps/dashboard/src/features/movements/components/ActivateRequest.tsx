import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BulkResultFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/number';
import { Alert, QueryError, SelectField } from '../../../shared/ui';
import { CodeRequestsQuery } from '../../code-requests/code-requests.graphql';
import { rejectionText } from '../../scan-session/ScanSession';
import { saveFile, toCsv } from '../../scan-session/csv';
import { ActivateCodeRequestMutation } from '../movements.graphql';
import '../../../shared/ui/table.css';

type Rejection = BulkResultFieldsFragment['rejected'][number];

interface Progress {
  /** Codes of the request no longer waiting: activated now, before, or refused. */
  done: number;
  total: number;
}

interface Outcome {
  accepted: number;
  units: number;
  rejected: Rejection[];
  recalled: number;
  stopped: boolean;
}

/** Rejections shown on screen; the rest are in the downloadable report. */
const SHOWN = 20;

/**
 * "Activate this request": every code of one issued request, a step at a time (each step its own
 * transaction on the server), with a progress bar and the summed result. Each attempt starts
 * from a clean slate: no message of an earlier attempt stays on screen.
 */
export function ActivateRequest({ facility }: { facility: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requests = useQuery(CodeRequestsQuery, { variables: { status: 'ISSUED', first: 200 } });
  const [step] = useMutation(ActivateCodeRequestMutation);
  const [requestId, setRequestId] = useState(params.get('request') ?? '');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const stop = useRef(false);
  const chosen = requests.data?.codeRequests.find((request) => request.id === requestId);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requestId) return;
    setOutcome(null);
    setFailure(null);
    setProgress(null);
    setRunning(true);
    stop.current = false;
    const sum: Outcome = { accepted: 0, units: 0, rejected: [], recalled: 0, stopped: false };
    try {
      let after: string | null = null;
      for (;;) {
        const { data } = await step({ variables: { id: requestId, after, facility: facility || null } });
        if (!data) break;
        const { result, endCursor, hasMore, remaining, total } = data.activateCodeRequest;
        sum.accepted += result.accepted;
        sum.units += result.units;
        sum.rejected.push(...result.rejected);
        sum.recalled += result.recalled.length;
        setProgress({ done: total - remaining, total });
        after = endCursor;
        if (!hasMore) break;
        if (stop.current) {
          sum.stopped = true;
          break;
        }
      }
      setOutcome(sum);
    } catch (error) {
      setFailure(error);
      if (sum.accepted || sum.rejected.length) setOutcome({ ...sum, stopped: true });
    } finally {
      setRunning(false);
    }
  }

  function downloadRejections(rejected: readonly Rejection[]) {
    saveFile(
      `jejak-aktivasi-${chosen?.batch ?? 'permintaan'}-ditolak.csv`,
      toCsv([[t('scanSession.report.code'), t('scanSession.report.reason'), t('scanSession.report.message')], ...rejected.map((r) => [r.code, r.reason, rejectionText(t, r)])]),
    );
  }

  return (
    <form className="activate-request" onSubmit={(event) => void run(event)} aria-busy={running}>
      <p className="section-intro">{t('activateRequest.intro')}</p>
      {requests.error ? <QueryError error={requests.error} onRetry={() => void requests.refetch()} /> : null}
      <div className="inline-form">
        <SelectField label={t('activateRequest.request')} value={requestId} onChange={(event) => setRequestId(event.target.value)} disabled={running}>
          <option value="">{t('activateRequest.choose')}</option>
          {requests.data?.codeRequests.map((request) => (
            <option key={request.id} value={request.id}>
              {t('activateRequest.option', { product: request.product.name, batch: request.batch, quantity: formatNumber(request.quantity) })}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" disabled={!requestId || running}>
          {running ? t('activateRequest.running') : t('activateRequest.start')}
        </button>
        {running ? (
          <button type="button" className="button button-secondary" onClick={() => (stop.current = true)}>
            {t('activateRequest.stop')}
          </button>
        ) : null}
      </div>
      {progress ? (
        <div className="activate-progress">
          <progress max={progress.total} value={progress.done} aria-label={t('activateRequest.progressLabel')} />
          <span role="status">{t('activateRequest.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}</span>
        </div>
      ) : null}
      {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
      {outcome ? (
        <div className="activate-outcome">
          <Alert tone={outcome.rejected.length || outcome.stopped ? 'warning' : 'success'}>
            {t(outcome.stopped ? 'activateRequest.stopped' : 'activateRequest.done', {
              accepted: formatNumber(outcome.accepted),
              units: formatNumber(outcome.units),
              rejected: formatNumber(outcome.rejected.length),
            })}
            {outcome.recalled ? ` ${t('activateRequest.recalled', { count: outcome.recalled })}` : ''}
          </Alert>
          {outcome.rejected.length ? (
            <>
              <ul className="activate-rejections">
                {outcome.rejected.slice(0, SHOWN).map((rejection, index) => (
                  <li key={`${rejection.code}-${index}`}>
                    <code className="code-line" title={rejection.code}>
                      {rejection.code}
                    </code>
                    <span>{rejectionText(t, rejection)}</span>
                  </li>
                ))}
              </ul>
              {outcome.rejected.length > SHOWN ? <p className="muted">{t('activateRequest.more', { count: outcome.rejected.length - SHOWN })}</p> : null}
              <button type="button" className="button button-secondary button-small" onClick={() => downloadRejections(outcome.rejected)}>
                {t('activateRequest.download')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
