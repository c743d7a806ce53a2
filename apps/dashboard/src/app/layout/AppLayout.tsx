import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ViewerQuery } from '../../features/auth/auth.graphql';
import { LanguageSwitch, Loading, QueryError } from '../../shared/ui';
import { setDisplayTimeZone } from '../../shared/ui/format';
import { ForcedPasswordChange } from '../../features/account/routes/ForcedPasswordChange';
import { useLifecycle } from '../../features/lifecycle/useLifecycle';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { RecallBanner } from '../../features/recalls/components/RecallBanner';
import { navItem } from '../navigation';
import { useSession } from '../providers';
import { ViewerProvider, type Viewer } from '../viewer';
import { Logo } from './Logo';
import { LogoutButton } from './LogoutButton';
import { MAIN_NAV_ID, MainNav } from './MainNav';

/**
 * The signed-in frame: header, navigation by role, and the current screen; after a login with
 * a temporary password, only the screen that changes it.
 */
export function AppLayout() {
  const session = useSession();
  const { data, error, refetch } = useQuery(ViewerQuery, { fetchPolicy: 'cache-first' });
  const viewer = data?.me;

  // A token without a user behind it (an API key pasted in) is no login.
  useEffect(() => {
    if (data && !data.me) session.signOut('UNAUTHENTICATED');
  }, [data, session]);

  if (!viewer) {
    return (
      <div className="app-loading">
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </div>
    );
  }
  if (viewer.mustChangePassword) return <ForcedPasswordChange viewer={viewer} />;
  return <SignedInFrame viewer={viewer} />;
}

function SignedInFrame({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const { lifecycle } = useLifecycle();
  // Set during render, so the screens drawn with it already show times in the reporting zone.
  if (lifecycle) setDisplayTimeZone(lifecycle.reportTimeZone);
  // On a phone the navigation is a drawer: closed on every change of screen, focus back on its button.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  const closeMenu = useCallback(() => {
    if (menuOpen) menuButton.current?.focus();
    setMenuOpen(false);
  }, [menuOpen]);

  return (
    <ViewerProvider value={viewer}>
      <ScrollRestoration />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls={MAIN_NAV_ID}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {t('mobileMenu.open')}
        </button>
        <Link to="/" className="brand">
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="header-tools">
          <AccountSummary viewer={viewer} />
          <NotificationBell />
          <LanguageSwitch />
          <LogoutButton />
        </div>
      </header>
      <div className="app-body">
        <MainNav open={menuOpen} onClose={closeMenu} />
        <main id="main" className="app-main" tabIndex={-1}>
          <RecallBanner />
          <Outlet />
        </main>
      </div>
    </ViewerProvider>
  );
}

function AccountSummary({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  return (
    <div className="account" aria-label={t('layout.account')} role="group">
      <Link to={navItem('account').path} className="account-name">
        {viewer.name}
      </Link>
      <span className="account-meta">
        <span className="badge">{t(`role.${viewer.role}`)}</span>
        <span className="account-org">{viewer.organization.name}</span>
      </span>
    </div>
  );
}
