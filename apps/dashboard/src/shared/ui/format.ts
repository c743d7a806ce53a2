import { LOCALES, currentLanguage } from '../i18n';

/**
 * The time zone every time on screen is shown in: the one the reports count days in, so a
 * time and the day it is counted on always agree. The server says which (`lifecycle`); until
 * it has, and on the public pages, it is the default reporting zone.
 */
let displayTimeZone = 'Asia/Jakarta';

export function setDisplayTimeZone(zone: string) {
  displayTimeZone = zone;
}

export const currentTimeZone = () => displayTimeZone;

/** A date and time in the reader's language, in the reporting time zone, with the zone's name. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: displayTimeZone,
  }).format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`, e.g. an expiry) in words, in the reader's language. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

/** A file size: kB under a megabyte, else MB with one decimal. */
export function formatBytes(bytes: number): string {
  const locale = LOCALES[currentLanguage()];
  if (bytes < 1_000_000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1000))} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}

/** The day of an instant, in the reporting time zone (for a time shown over two lines). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], { dateStyle: 'medium', timeZone: displayTimeZone }).format(new Date(iso));
}

/** The time of day of an instant, in the reporting time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], { timeStyle: 'short', timeZone: displayTimeZone }).format(new Date(iso));
}
