import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration } from 'react-router';
import { LanguageSwitch } from '../../shared/ui';
import { useSession } from '../providers';
import { useSessionState } from '../session';
import { Logo } from './Logo';

/** The frame of public pages: no login, a light header with the language and a way in. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { token } = useSessionState(useSession());
  return (
    <div className="public-screen">
      <ScrollRestoration />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header public-header">
        <Link to="/verify" className="brand" aria-label={t('publicLayout.home')}>
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="public-tools">
          <LanguageSwitch />
          <Link to={token ? '/' : '/login'} className="button button-quiet">
            {token ? t('publicLayout.dashboard') : t('publicLayout.login')}
          </Link>
        </div>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public-footer">{t('publicLayout.footer')}</footer>
    </div>
  );
}
