import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../app/viewer';
import type { AlertResolution } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, SelectField, TextField } from '../../../shared/ui';
import { AlertAssigneesQuery, AssignAlertsMutation, CloseAlertsMutation } from '../alerts.graphql';
import { AssignTo } from './AssignTo';

const RESOLUTIONS: readonly AlertResolution[] = ['FALSE_ALARM', 'CONFIRMED_FALSIFIED', 'DIVERTED'];

interface Outcome {
  tone: 'success' | 'warning';
  text: string;
}

/** Assigns or closes the alerts ticked in the inbox, all in one call; says what was skipped and why. */
export function BulkActions({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const mayDecide = viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN';
  const colleagues = useQuery(AlertAssigneesQuery, { skip: viewer.role !== 'ADMIN' || !mayDecide });
  const [assign, assigning] = useMutation(AssignAlertsMutation);
  const [close, closing] = useMutation(CloseAlertsMutation);
  const [resolution, setResolution] = useState<AlertResolution>('FALSE_ALARM');
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const busy = assigning.loading || closing.loading;

  // A new selection starts from a clean slate: an old message never stands beside a new choice.
  useEffect(() => {
    if (ids.length) setFailure(null);
  }, [ids.length]);

  if (!mayDecide) return null;

  function report(updated: number, skipped: ReadonlyArray<{ reason: 'NOT_FOUND' | 'CLOSED' }>, done: string) {
    const closed = skipped.filter((skip) => skip.reason === 'CLOSED').length;
    const missing = skipped.length - closed;
    const parts = [done];
    if (closed) parts.push(t('alertInbox.skippedClosed', { count: closed }));
    if (missing) parts.push(t('alertInbox.skippedMissing', { count: missing }));
    setOutcome({ tone: skipped.length ? 'warning' : 'success', text: parts.join(' ') });
    if (updated || skipped.length) onDone();
  }

  async function onAssign(userId: string | null) {
    setOutcome(null);
    setFailure(null);
    try {
      const { data } = await assign({ variables: { ids, userId } });
      if (data) report(data.assignAlerts.updated.length, data.assignAlerts.skipped, t('alertInbox.assignedMany', { count: data.assignAlerts.updated.length }));
    } catch (error) {
      setFailure(error);
    }
  }

  async function onClose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    setFailure(null);
    try {
      const { data } = await close({ variables: { ids, resolution, comment: comment.trim() || null } });
      if (data) {
        setComment('');
        report(
          data.closeAlerts.updated.length,
          data.closeAlerts.skipped,
          t('alertInbox.closedMany', { count: data.closeAlerts.updated.length, resolution: t(`alerts.resolution.${resolution}`) }),
        );
      }
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <div className="bulk-actions" aria-live="polite">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
      {ids.length ? (
        <form className="bulk-bar" onSubmit={(event) => void onClose(event)} aria-label={t('alertInbox.bulkTitle', { count: ids.length })}>
          <strong className="bulk-count">{t('alertInbox.selected', { count: ids.length })}</strong>
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => void onAssign(null)}>
            {t('alertInbox.assignSelectedToMe')}
          </button>
          {colleagues.data ? <AssignTo className="bulk-group" users={colleagues.data.users} busy={busy} onAssign={(userId) => void onAssign(userId)} /> : null}
          <span className="bulk-group">
            <SelectField label={t('alerts.resolutionLabel')} value={resolution} onChange={(event) => setResolution(event.target.value as AlertResolution)}>
              {RESOLUTIONS.map((value) => (
                <option key={value} value={value}>
                  {t(`alerts.resolution.${value}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('alerts.closeComment')} optional value={comment} maxLength={4000} onChange={(event) => setComment(event.target.value)} />
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              {closing.loading ? t('alerts.closing') : t('alertInbox.closeSelected', { count: ids.length })}
            </button>
          </span>
        </form>
      ) : null}
    </div>
  );
}
