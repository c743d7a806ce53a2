import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../../app/viewer';
import type { AlertResolution } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, EmptyState, Loading, QueryError, Section, TextAreaField, formatDateTime } from '../../../shared/ui';
import { AlertAssigneesQuery, AlertQuery, AssignAlertMutation, CloseAlertMutation, CommentAlertMutation } from '../alerts.graphql';
import { alertReason, observationText } from '../reasons';
import { ComplaintCard } from './ComplaintCard';
import { AssignTo } from './AssignTo';

const RESOLUTIONS: readonly AlertResolution[] = ['FALSE_ALARM', 'CONFIRMED_FALSIFIED', 'DIVERTED'];

/** One alert: what was seen, the public's complaints, the discussion, and the actions on it. */
export function AlertDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(AlertQuery, { variables: { id } });
  const mayDecide = viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN';
  // Only administrators may list their colleagues; others take the alert themselves.
  const colleagues = useQuery(AlertAssigneesQuery, { skip: viewer.role !== 'ADMIN' });
  const [assign, assigning] = useMutation(AssignAlertMutation);
  const [comment, commenting] = useMutation(CommentAlertMutation);
  const [close, closing] = useMutation(CloseAlertMutation);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [resolution, setResolution] = useState<AlertResolution>('FALSE_ALARM');
  const [closeComment, setCloseComment] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const alert = data.alert;
  if (!alert) return <EmptyState>{t('alerts.notFound')}</EmptyState>;
  const failure = assigning.error ?? commenting.error ?? closing.error;
  const open = alert.status !== 'CLOSED';

  async function done(message: string) {
    setNotice(message);
    await refetch();
    onChanged();
  }

  async function onAssign(userId?: string) {
    try {
      await assign({ variables: { id, userId: userId || undefined } });
      await done(t('alerts.assigned'));
    } catch {
      // Shown below.
    }
  }

  async function onComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setTextError(t('form.required'));
      return;
    }
    try {
      await comment({ variables: { id, text: text.trim() } });
      setText('');
      await done(t('alerts.commented'));
    } catch {
      // Shown below.
    }
  }

  async function onClose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await close({ variables: { id, resolution, comment: closeComment.trim() || undefined } });
      setCloseComment('');
      await done(t('alerts.closed', { resolution: t(`alerts.resolution.${resolution}`) }));
    } catch {
      // Shown below.
    }
  }

  return (
    <Section title={t('alerts.detailTitle', { reason: alertReason(t, alert.reason) })} id="alert-detail">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
      <dl className="details">
        <dt>{t('alerts.code')}</dt>
        <dd>
          <code>{alert.code}</code>{' '}
          <Link to={`/trace?code=${encodeURIComponent(alert.code)}`}>{t('alerts.traceLink')}</Link>
        </dd>
        <dt>{t('alerts.product')}</dt>
        <dd>
          {alert.product ? `${alert.product.name} (${alert.product.nie})` : t('alerts.unknownProduct')}
          {alert.batch ? ` · ${t('alertInbox.batchOf', { batch: alert.batch })}` : ''}
        </dd>
        {alert.facility ? (
          <>
            <dt>{t('alertInbox.facility')}</dt>
            <dd>{alert.facility.name}</dd>
          </>
        ) : null}
        <dt>{t('alerts.statusLabel')}</dt>
        <dd>
          {t(`alerts.status.${alert.status}`)}
          {alert.resolution ? ` · ${t(`alerts.resolution.${alert.resolution}`)}` : ''}
        </dd>
        <dt>{t('alerts.assignee')}</dt>
        <dd>{alert.assignee ? alert.assignee.name : t('alerts.nobody')}</dd>
        <dt>{t('alerts.occurrences')}</dt>
        <dd>{t('alerts.seen', { count: alert.occurrences, first: formatDateTime(alert.firstSeenAt), last: formatDateTime(alert.lastSeenAt) })}</dd>
      </dl>

      {open && mayDecide ? (
        <div className="alert-actions">
          <h3>{t('alerts.assignTitle')}</h3>
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" disabled={assigning.loading || alert.assignee?.id === viewer.id} onClick={() => void onAssign()}>
              {t('alerts.assignMe')}
            </button>
          </div>
          {colleagues.data ? <AssignTo className="inline-form" users={colleagues.data.users} busy={assigning.loading} onAssign={(userId) => void onAssign(userId)} /> : null}
        </div>
      ) : null}

      <h3 className="subheading">{t('alerts.evidenceTitle')}</h3>
      {alert.evidence.length ? (
        <ol className="evidence">
          {alert.evidence.map((item, index) => (
            <li key={`${item.at}-${index}`}>
              <span className="evidence-time">{formatDateTime(item.at)}</span>{' '}
              <span className="badge badge-muted">{t(`alertInbox.kind.${item.kind as 'VERIFICATION'}`, { defaultValue: t('alertInbox.kind.OTHER') })}</span>{' '}
              {observationText(t, item.observation, item.params)}
              {item.code && item.code !== alert.code ? (
                <>
                  {' · '}
                  <code>{item.code}</code>
                </>
              ) : null}
              {item.facility ? ` · ${item.facility}` : ''}
              {item.latitude != null && item.longitude != null ? ` · ${item.latitude.toFixed(4)}, ${item.longitude.toFixed(4)}` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('alerts.noEvidence')}</p>
      )}

      <h3 className="subheading">{t('alerts.complaintsTitle', { count: alert.complaints.length })}</h3>
      {alert.complaints.length ? (
        <div className="complaints">
          {alert.complaints.map((complaint) => (
            <ComplaintCard key={complaint.id} complaint={complaint} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('alerts.noComplaints')}</p>
      )}

      <h3 className="subheading">{t('alerts.commentsTitle')}</h3>
      {alert.comments.length ? (
        <ol className="comments">
          {alert.comments.map((item, index) => (
            <li key={`${item.at}-${index}`}>
              <p className="comment-meta">
                <strong>{item.author}</strong> · {formatDateTime(item.at)}
              </p>
              <p>{item.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('alerts.noComments')}</p>
      )}
      <form className="form" noValidate onSubmit={(event) => void onComment(event)}>
        <TextAreaField label={t('alerts.comment')} rows={2} value={text} onChange={(event) => { setText(event.target.value); setTextError(null); }} error={textError} />
        <button type="submit" className="button button-secondary" disabled={commenting.loading}>
          {commenting.loading ? t('alerts.sending') : t('alerts.addComment')}
        </button>
      </form>

      {open && mayDecide ? (
        <form className="form close-form" noValidate onSubmit={(event) => void onClose(event)}>
          <h3>{t('alerts.closeTitle')}</h3>
          <fieldset>
            <legend>{t('alerts.resolutionLabel')}</legend>
            {RESOLUTIONS.map((value) => (
              <label key={value} className="radio">
                <input type="radio" name="resolution" value={value} checked={resolution === value} onChange={() => setResolution(value)} />
                <span>
                  <strong>{t(`alerts.resolution.${value}`)}</strong>
                  <span className="field-hint">{t(`alerts.resolutionHelp.${value}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <TextAreaField label={t('alerts.closeComment')} optional rows={2} value={closeComment} onChange={(event) => setCloseComment(event.target.value)} />
          <button type="submit" className="button button-primary" disabled={closing.loading}>
            {closing.loading ? t('alerts.closing') : t('alerts.close')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
