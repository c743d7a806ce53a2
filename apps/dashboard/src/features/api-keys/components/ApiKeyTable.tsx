import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeysQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, Table, formatDateTime, type Column } from '../../../shared/ui';
import { RevokeApiKeyMutation } from '../api-keys.graphql';
import { isExpired } from '../expiry';

type ApiKeyRow = ApiKeysQuery['apiKeys'][number];

/** The organisation's keys; an active one can be revoked after a confirmation in its row. */
export function ApiKeyTable({ apiKeys }: { apiKeys: readonly ApiKeyRow[] }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [revoke, { loading, error }] = useMutation(RevokeApiKeyMutation);

  async function onRevoke(key: ApiKeyRow) {
    try {
      await revoke({ variables: { id: key.id } });
      setRevoked(key.name);
      setConfirming(null);
    } catch {
      // Shown from `error` below.
    }
  }

  const columns: Column<ApiKeyRow>[] = [
    { key: 'name', header: t('apiKeys.name'), cell: (key) => <strong>{key.name}</strong> },
    { key: 'prefix', header: t('apiKeys.prefix'), cell: (key) => <code>{key.prefix}…</code>, nowrap: true },
    { key: 'created', header: t('apiKeys.createdAt'), cell: (key) => formatDateTime(key.createdAt), nowrap: true },
    {
      key: 'used',
      header: t('apiKeys.lastUsedAt'),
      cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.never')),
      nowrap: true,
    },
    {
      key: 'expires',
      header: t('apiKeys.expiresAt'),
      cell: (key) => (key.expiresAt ? formatDateTime(key.expiresAt) : t('apiKeys.noExpiry')),
      nowrap: true,
    },
    {
      key: 'status',
      header: t('apiKeys.status'),
      cell: (key) =>
        key.revokedAt ? (
          <span className="status-revoked">
            <span className="badge badge-muted">{t('apiKeys.revokedBadge')}</span>
            <span className="status-date">{formatDateTime(key.revokedAt)}</span>
          </span>
        ) : isExpired(key.expiresAt) ? (
          <span className="badge badge-muted">{t('apiKeys.expiredBadge')}</span>
        ) : (
          <span className="badge badge-ok">{t('apiKeys.active')}</span>
        ),
    },
    {
      key: 'actions',
      header: t('apiKeys.actions'),
      cell: (key) =>
        key.revokedAt || isExpired(key.expiresAt) ? null : confirming === key.id ? (
          <div className="confirm" role="group" aria-label={t('apiKeys.revokeLabel', { name: key.name })}>
            <p>{t('apiKeys.revokeConfirm', { name: key.name })}</p>
            <div className="button-row">
              <button type="button" className="button button-danger" disabled={loading} onClick={() => void onRevoke(key)}>
                {t('apiKeys.revokeYes')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(null)} autoFocus>
                {t('apiKeys.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('apiKeys.revokeLabel', { name: key.name })}
            onClick={() => {
              setConfirming(key.id);
              setRevoked(null);
            }}
          >
            {t('apiKeys.revoke')}
          </button>
        ),
    },
  ];

  return (
    <>
      {revoked ? <Alert tone="success">{t('apiKeys.revokedNotice', { name: revoked })}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <Table caption={t('apiKeys.caption')} columns={columns} rows={apiKeys} rowKey={(key) => key.id} />
    </>
  );
}
