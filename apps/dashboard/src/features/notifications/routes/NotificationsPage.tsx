import { useMutation, useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../../../app/viewer';
import type { NotificationFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/number';
import { Alert, EmptyState, Loading, Page, QueryError, Section, formatDateTime } from '../../../shared/ui';
import { notificationLink } from '../links';
import { MarkNotificationsReadMutation, NotificationsQuery, UnreadNotificationsQuery } from '../notifications.graphql';

/** What needs my organisation's attention, newest first; each opens the screen that acts on it. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  // Kept here as well as in the address, so the checkbox follows the click at once.
  const [unreadOnly, setUnreadOnly] = useState(params.get('unread') === '1');
  const { data, error, loading, refetch } = useQuery(NotificationsQuery, { variables: { first: 100, unreadOnly }, fetchPolicy: 'cache-and-network' });
  const [markRead, marking] = useMutation(MarkNotificationsReadMutation, {
    refetchQueries: [NotificationsQuery, UnreadNotificationsQuery],
    awaitRefetchQueries: true,
  });
  const list = data?.notifications;

  return (
    <Page title={t('notifications.title')} intro={t('notifications.intro')}>
      <Section
        title={t('notifications.listTitle')}
        id="notifications-list"
        actions={
          <button type="button" className="button button-secondary button-small" disabled={!list?.unread || marking.loading} onClick={() => void markRead({ variables: { ids: null } }).catch(() => undefined)}>
            {t('notifications.markAll')}
          </button>
        }
      >
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.target.checked);
              setParams(event.target.checked ? { unread: '1' } : {}, { replace: true });
            }}
          />
          <span>{t('notifications.unreadOnly')}</span>
        </label>
        {marking.error ? <Alert tone="error">{errorMessage(t, marking.error)}</Alert> : null}
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : list ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('notifications.unreadCount', { count: list.unread })}
            </p>
            {list.items.length ? (
              <ul className="notification-list">
                {list.items.map((item) => {
                  const link = notificationLink(item, viewer.organization.type);
                  return (
                    <li key={item.id} className={item.read ? 'notification' : 'notification notification-unread'} data-read={item.read}>
                      <div className="notification-body">
                        <p className="notification-title">
                          {!item.read ? <span className="badge badge-warning">{t('notifications.new')}</span> : null} {t(`notifications.kind.${item.kind}`)}
                        </p>
                        <p>{notificationText(t, item)}</p>
                        <p className="notification-meta">
                          {formatDateTime(item.createdAt)}
                          {item.facilityName ? ` · ${item.facilityName}` : ''}
                        </p>
                      </div>
                      <div className="button-row">
                        {link ? (
                          <Link to={link} className="button button-secondary button-small" onClick={() => (!item.read ? void markRead({ variables: { ids: [item.id] } }).catch(() => undefined) : undefined)}>
                            {t(`notifications.open.${item.kind}`)}
                          </Link>
                        ) : null}
                        {!item.read ? (
                          <button type="button" className="button button-quiet button-small" disabled={marking.loading} onClick={() => void markRead({ variables: { ids: [item.id] } }).catch(() => undefined)}>
                            {t('notifications.markRead')}
                          </button>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <EmptyState>{t(unreadOnly ? 'notifications.noneUnread' : 'notifications.none')}</EmptyState>
            )}
          </>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}

/** A notification in a sentence, in the reader's language. */
export function notificationText(t: TFunction, item: NotificationFieldsFragment): string {
  const units = formatNumber(item.units ?? 0);
  switch (item.kind) {
    case 'INCOMING_SHIPMENT':
      return t('notifications.text.INCOMING_SHIPMENT', { number: item.shipmentNumber ?? '', from: item.counterparty ?? '', units, count: item.units ?? 0 });
    case 'SHIPMENT_DISCREPANCY':
      return t('notifications.text.SHIPMENT_DISCREPANCY', { number: item.shipmentNumber ?? '', by: item.counterparty ?? '', units, count: item.units ?? 0 });
    case 'RECALL':
      return t('notifications.text.RECALL', { product: item.productName ?? item.nie ?? '', batch: item.batch ?? '', units, count: item.units ?? 0 });
    case 'RECALL_CLOSED':
      return t('notifications.text.RECALL_CLOSED', { product: item.productName ?? item.nie ?? '', batch: item.batch ?? '' });
  }
}
