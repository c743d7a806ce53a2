import { LOCALES, currentLanguage } from './i18n';

/** A number in the reader's language (1.234,5 in Indonesian, 1,234.5 in English). */
export const formatNumber = (value: number) => new Intl.NumberFormat(LOCALES[currentLanguage()]).format(value);
