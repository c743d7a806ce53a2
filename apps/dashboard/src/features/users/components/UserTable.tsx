import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRowFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, Table, formatDateTime, type Column } from '../../../shared/ui';
import { DisableUserMutation, EnableUserMutation, ResetPasswordMutation } from '../users.graphql';
import { TemporaryPasswordReveal } from './TemporaryPasswordReveal';

type UserRow = UserRowFragment;
type Confirming = { id: string; kind: 'disable' | 'reset' } | null;

/**
 * An organisation's users, with what an administrator may do to each other user: disable (after
 * a confirmation in its row), enable, and reset the password (the temporary one shown once).
 */
export function UserTable({ users, viewerId }: { users: readonly UserRow[]; viewerId: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [disableUser, disabling] = useMutation(DisableUserMutation);
  const [enableUser, enabling] = useMutation(EnableUserMutation);
  const [resetPassword, resetting] = useMutation(ResetPasswordMutation);
  const error = disabling.error ?? enabling.error ?? resetting.error;
  const busy = disabling.loading || enabling.loading || resetting.loading;
  const revealed = resetting.data?.resetPassword;

  async function run(action: () => Promise<unknown>, message: string | null) {
    setNotice(null);
    disabling.reset();
    enabling.reset();
    try {
      await action();
      setConfirming(null);
      setNotice(message);
    } catch {
      // Shown from `error` below.
    }
  }

  const confirmRow = (user: UserRow, kind: 'disable' | 'reset') => (
    <div className="confirm" role="group" aria-label={t(`users.${kind}.label`, { name: user.name })}>
      <p>{t(`users.${kind}.confirm`, { name: user.name })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() =>
            void (kind === 'disable'
              ? run(() => disableUser({ variables: { id: user.id } }), t('users.disable.done', { name: user.name }))
              : run(() => resetPassword({ variables: { id: user.id } }), null))
          }
        >
          {t(`users.${kind}.yes`)}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setConfirming(null)} autoFocus>
          {t('apiKeys.cancel')}
        </button>
      </div>
    </div>
  );

  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      header: t('users.name'),
      cell: (user) => (
        <>
          <strong>{user.name}</strong>
          {user.id === viewerId ? <span className="badge badge-muted">{t('users.you')}</span> : null}
        </>
      ),
    },
    { key: 'email', header: t('users.email'), cell: (user) => user.email },
    { key: 'role', header: t('users.role'), cell: (user) => t(`role.${user.role}`) },
    {
      key: 'status',
      header: t('users.status'),
      cell: (user) => (
        <>
          {user.active ? (
            <span className="badge badge-ok">{t('users.active')}</span>
          ) : (
            <span className="status-revoked">
              <span className="badge badge-muted">{t('users.disabled')}</span>
              {user.disabledAt ? <span className="status-date">{formatDateTime(user.disabledAt)}</span> : null}
            </span>
          )}
          {user.mustChangePassword ? <span className="badge badge-warning">{t('users.mustChange')}</span> : null}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('users.actions'),
      cell: (user) => {
        if (user.id === viewerId) return null;
        if (confirming?.id === user.id) return confirmRow(user, confirming.kind);
        return (
          <div className="button-row">
            {user.active ? (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('users.disable.label', { name: user.name })}
                onClick={() => setConfirming({ id: user.id, kind: 'disable' })}
              >
                {t('users.disable.button')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busy}
                aria-label={t('users.enable.label', { name: user.name })}
                onClick={() => void run(() => enableUser({ variables: { id: user.id } }), t('users.enable.done', { name: user.name }))}
              >
                {t('users.enable.button')}
              </button>
            )}
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('users.reset.label', { name: user.name })}
              onClick={() => setConfirming({ id: user.id, kind: 'reset' })}
            >
              {t('users.reset.button')}
            </button>
          </div>
        );
      },
    },
  ];

  return (
    <>
      {revealed ? (
        <TemporaryPasswordReveal
          email={revealed.user.email}
          password={revealed.temporaryPassword}
          expiresAt={revealed.expiresAt}
          onDone={() => resetting.reset()}
        />
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <Table caption={t('users.caption')} columns={columns} rows={users} rowKey={(user) => user.id} />
    </>
  );
}
