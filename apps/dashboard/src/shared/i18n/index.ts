import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id, type Translations } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'jejak.language';
/** Locales for dates and numbers, per language. */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translations };
  }
}

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'id';
  } catch {
    return 'id';
  }
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

function applyLanguage(language: string) {
  document.documentElement.lang = language;
}
applyLanguage(i18n.language);

i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
});

/** The language in use, narrowed to one Jejak ships. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'id';
}

export { i18n };
