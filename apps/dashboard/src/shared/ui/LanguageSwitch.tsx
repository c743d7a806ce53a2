import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** Two buttons, ID and EN; the choice is kept in localStorage by `shared/i18n`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          title={t(`language.${language}`)}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <span className="visually-hidden"> ({t(`language.${language}`)})</span>
        </button>
      ))}
    </div>
  );
}
