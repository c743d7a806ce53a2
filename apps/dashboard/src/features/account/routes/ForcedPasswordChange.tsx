import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoutButton } from '../../../app/layout/LogoutButton';
import { Logo } from '../../../app/layout/Logo';
import type { Viewer } from '../../../app/viewer';
import { Alert, LanguageSwitch } from '../../../shared/ui';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/**
 * After a login with a temporary password from an administrator: nothing else opens until a
 * new password is set (the API refuses everything else too). Setting it updates the viewer in
 * Apollo's cache, and the layout then shows the screen that was asked for.
 */
export function ForcedPasswordChange({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('account.forced.title') });
  }, [t]);

  return (
    <div className="login-screen">
      <div className="login-top">
        <LanguageSwitch />
        <LogoutButton />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <Logo />
          <div>
            <p className="brand-name">{t('app.name')}</p>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <h1>{t('account.forced.title')}</h1>
        <Alert tone="warning">{t('account.forced.intro', { name: viewer.name })}</Alert>
        <ChangePasswordForm temporary />
      </main>
    </div>
  );
}
