import { LOCALES, currentLanguage } from '../i18n';

/** A date and time in the reader's language, in their time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
