import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';

interface SecretRevealProps {
  name: string;
  secret: string;
  /** When the key stops working, if it does. */
  expiresAt?: string | null;
  onDone: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A new key's secret, shown this once, with a copy button. */
export function SecretReveal({ name, secret, expiresAt, onDone }: SecretRevealProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const input = useRef<HTMLInputElement>(null);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section className="secret" aria-labelledby="secret-title">
      <h3 id="secret-title">{t('apiKeys.secret.title', { name })}</h3>
      <p className="secret-warning">{t('apiKeys.secret.warning')}</p>
      <label htmlFor="api-key-secret">{t('apiKeys.secret.label')}</label>
      <div className="secret-row">
        <input
          id="api-key-secret"
          ref={input}
          className="secret-value"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void onCopy()}>
          {t('apiKeys.secret.copy')}
        </button>
      </div>
      <p className="field-hint">{t('apiKeys.secret.usage')}</p>
      {expiresAt ? <p className="field-hint">{t('apiKeys.secret.expires', { at: formatDateTime(expiresAt) })}</p> : null}
      <p role="status" className="secret-status">
        {copy === 'copied' ? t('apiKeys.secret.copied') : copy === 'failed' ? t('apiKeys.secret.copyFailed') : ''}
      </p>
      <button type="button" className="button button-secondary" onClick={onDone}>
        {t('apiKeys.secret.done')}
      </button>
    </section>
  );
}
