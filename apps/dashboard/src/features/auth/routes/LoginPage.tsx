import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, type Location } from 'react-router';
import { Logo } from '../../../app/layout/Logo';
import { useSession } from '../../../app/providers';
import { useSessionState } from '../../../app/session';
import { errorCodeOf, errorFieldOf, errorMessage, errorReasonOf } from '../../../shared/errors';
import { Alert, LanguageSwitch, TextField } from '../../../shared/ui';
import { LoginMutation } from '../auth.graphql';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FieldErrors {
  email?: string;
  password?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { token, reason } = useSessionState(session);
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [login, { loading, error }] = useMutation(LoginMutation);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('auth.title') });
  }, [t]);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  if (token) return <Navigate to={from ?? '/'} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('auth.emailRequired');
    else if (!EMAIL.test(email.trim())) errors.email = t('auth.emailInvalid');
    if (!password) errors.password = t('auth.passwordRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;

    try {
      const result = await login({ variables: { email: email.trim(), password } });
      const newToken = result.data?.login.token;
      if (!newToken) return;
      // Signing in re-renders this page, which then redirects to where the user was going.
      session.signIn(newToken);
    } catch (failure) {
      const field = errorFieldOf(failure);
      if (errorCodeOf(failure) === 'BAD_USER_INPUT' && (field === 'email' || field === 'password')) {
        setFieldErrors({ [field]: field === 'email' ? t('auth.emailInvalid') : t('auth.passwordRequired') });
      }
    }
  }

  const signedOutNotice = reason && !error ? t(`auth.signedOut.${reason}`) : null;
  const refusal = error ? loginRefusal(t, error) : null;

  return (
    <div className="login-screen">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <Logo />
          <div>
            <p className="brand-name">{t('app.name')}</p>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <h1>{t('auth.title')}</h1>
        <p className="page-intro">{t('auth.intro')}</p>
        {signedOutNotice ? (
          <Alert tone={reason === 'LOGGED_OUT' ? 'info' : 'warning'}>{signedOutNotice}</Alert>
        ) : null}
        {refusal ? <Alert tone="error">{refusal}</Alert> : null}
        <form ref={form} onSubmit={(event) => void onSubmit(event)} noValidate className="form">
          <TextField
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              session.clearReason();
            }}
            error={fieldErrors.email}
            required
          />
          <TextField
            label={t('auth.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              session.clearReason();
            }}
            error={fieldErrors.password}
            required
          />
          <button type="submit" className="button button-primary button-block" disabled={loading}>
            {loading ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
        <p className="login-verify">
          {t('auth.verifyPrompt')} <Link to="/verify">{t('auth.verifyLink')}</Link>
        </p>
      </main>
      <footer className="login-footer">{t('auth.footer')}</footer>
    </div>
  );
}

/**
 * Why a login was refused, in words: a disabled account and a used temporary password are named
 * (the API names them only to whoever typed the right password), throttling says how long to wait.
 * Bad input is shown at its field instead.
 */
function loginRefusal(t: TFunction, error: unknown): string | null {
  const code = errorCodeOf(error);
  if (code === 'BAD_USER_INPUT') return null;
  const reason = errorReasonOf(error);
  if (code === 'INVALID_CREDENTIALS' && reason === 'ACCOUNT_DISABLED') return t('account.signIn.accountDisabled');
  if (code === 'INVALID_CREDENTIALS' && reason === 'TEMPORARY_PASSWORD_USED') return t('account.signIn.temporaryUsed');
  return errorMessage(t, error, { TOO_MANY_ATTEMPTS: 'account.signIn.tooManyAttempts' });
}
