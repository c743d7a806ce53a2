import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { UnreadNotificationsQuery } from '../notifications.graphql';

/** How often the bell asks for news while a screen is open. */
const POLL_MS = 60_000;

/** The header's bell: a link to the notifications, with how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery(UnreadNotificationsQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const unread = data?.notifications.unread ?? 0;
  return (
    <NavLink to="/notifications" className="notification-bell" aria-label={t('notifications.bell', { count: unread })}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-count" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
