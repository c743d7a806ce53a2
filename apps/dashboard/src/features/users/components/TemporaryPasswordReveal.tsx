import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';

interface TemporaryPasswordRevealProps {
  email: string;
  password: string;
  expiresAt: string;
  onDone: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A reset's temporary password, shown this once, with a copy button, like a new API key's secret. */
export function TemporaryPasswordReveal({ email, password, expiresAt, onDone }: TemporaryPasswordRevealProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const input = useRef<HTMLInputElement>(null);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section className="secret" aria-labelledby="temporary-password-title">
      <h3 id="temporary-password-title">{t('users.reset.title', { email })}</h3>
      <p className="secret-warning">{t('users.reset.warning', { at: formatDateTime(expiresAt) })}</p>
      <label htmlFor="temporary-password">{t('users.reset.passwordLabel')}</label>
      <div className="secret-row">
        <input
          id="temporary-password"
          ref={input}
          className="secret-value"
          readOnly
          value={password}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void onCopy()}>
          {t('users.reset.copy')}
        </button>
      </div>
      <p role="status" className="secret-status">
        {copy === 'copied' ? t('users.reset.copied') : copy === 'failed' ? t('users.reset.copyFailed') : ''}
      </p>
      <button type="button" className="button button-secondary" onClick={onDone}>
        {t('users.reset.done')}
      </button>
    </section>
  );
}
