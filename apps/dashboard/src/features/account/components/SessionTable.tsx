import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MySessionsQuery as MySessionsData } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, Table, formatDateTime, orDash, type Column } from '../../../shared/ui';
import { EndOtherSessionsMutation, EndSessionMutation, MySessionsQuery } from '../account.graphql';
import { describeUserAgent } from '../user-agent';

type SessionRow = MySessionsData['mySessions'][number];

/** The user's own logins; any but the current one can be ended, one by one or all at once. */
export function SessionTable({ sessions }: { sessions: readonly SessionRow[] }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const refetch = { refetchQueries: [MySessionsQuery], awaitRefetchQueries: true };
  const [endSession, ending] = useMutation(EndSessionMutation, refetch);
  const [endOthers, endingOthers] = useMutation(EndOtherSessionsMutation, refetch);
  const error = ending.error ?? endingOthers.error;
  const others = sessions.filter((session) => !session.current).length;

  async function onEnd(session: SessionRow) {
    setNotice(null);
    try {
      await endSession({ variables: { id: session.id } });
      setNotice(t('account.sessions.ended', { device: describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice') }));
    } catch {
      // Shown from `error` below.
    }
  }

  async function onEndOthers() {
    setNotice(null);
    try {
      const result = await endOthers();
      setNotice(t('account.sessions.endedOthers', { count: result.data?.endOtherSessions ?? 0 }));
    } catch {
      // Shown from `error` below.
    }
  }

  const columns: Column<SessionRow>[] = [
    {
      key: 'device',
      header: t('account.sessions.device'),
      cell: (session) => (
        <>
          <span title={session.userAgent ?? undefined}>{describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice')}</span>
          {session.current ? <span className="badge badge-ok">{t('account.sessions.current')}</span> : null}
        </>
      ),
    },
    { key: 'address', header: t('account.sessions.address'), cell: (session) => orDash(session.address), nowrap: true },
    { key: 'created', header: t('account.sessions.createdAt'), cell: (session) => formatDateTime(session.createdAt), nowrap: true },
    { key: 'used', header: t('account.sessions.lastUsedAt'), cell: (session) => orDash(formatDateTime(session.lastUsedAt)), nowrap: true },
    { key: 'expires', header: t('account.sessions.expiresAt'), cell: (session) => formatDateTime(session.expiresAt), nowrap: true },
    {
      key: 'actions',
      header: t('account.sessions.actions'),
      cell: (session) =>
        session.current ? null : (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={ending.loading}
            aria-label={t('account.sessions.endLabel', {
              device: describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice'),
              time: formatDateTime(session.createdAt),
            })}
            onClick={() => void onEnd(session)}
          >
            {t('account.sessions.end')}
          </button>
        ),
    },
  ];

  return (
    <>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <Table caption={t('account.sessions.caption')} columns={columns} rows={sessions} rowKey={(session) => session.id} />
      <div className="button-row">
        <button type="button" className="button button-danger" disabled={!others || endingOthers.loading} onClick={() => void onEndOthers()}>
          {t('account.sessions.endOthers')}
        </button>
      </div>
    </>
  );
}
