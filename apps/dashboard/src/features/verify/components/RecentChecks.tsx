import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';
import { presentationOf } from '../presentation';
import type { RecentCheck } from '../recent';
import { VerdictIcon } from './VerdictIcon';
import { presentationWord } from './VerificationResult';

interface RecentChecksProps {
  checks: readonly RecentCheck[];
  onCheck: (check: RecentCheck) => void;
  onClear: () => void;
  disabled?: boolean;
}

/** The last codes checked on this device, each a button that checks it again. */
export function RecentChecks({ checks, onCheck, onClear, disabled }: RecentChecksProps) {
  const { t } = useTranslation();
  return (
    <section className="panel recent" aria-labelledby="recent-title">
      <div className="panel-header">
        <h2 id="recent-title">{t('verify.recent.title')}</h2>
        {checks.length ? (
          <button type="button" className="button button-quiet button-small" onClick={onClear}>
            {t('verify.recent.clear')}
          </button>
        ) : null}
      </div>
      {checks.length ? (
        <>
          <p className="field-hint recent-hint">{t('verify.recent.hint')}</p>
          <ul className="recent-list">
            {checks.map((check) => {
              const presentation = presentationOf(check.verdict, check.reasons);
              return (
              <li key={check.code}>
                <button
                  type="button"
                  className={`recent-item verdict-${check.verdict.toLowerCase()} presentation-${presentation.toLowerCase()}`}
                  onClick={() => onCheck(check)}
                  disabled={disabled}
                >
                  <span className="visually-hidden">{t('verify.recent.recheck')} </span>
                  <VerdictIcon verdict={check.verdict} presentation={presentation} size={28} />
                  <span className="recent-text">
                    <span className="recent-verdict">{presentationWord(t, presentation)}</span>
                    {check.productName ? <span className="recent-product">{check.productName}</span> : null}
                    <code className="recent-code">{check.label}</code>
                    <span className="recent-time">{formatDateTime(check.at)}</span>
                  </span>
                </button>
              </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="empty">{t('verify.recent.empty')}</p>
      )}
    </section>
  );
}
