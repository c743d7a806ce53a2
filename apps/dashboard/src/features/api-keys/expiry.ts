/** The furthest an API key's expiry may lie ahead, as the API allows (3 × 366 days). */
export const MAX_EXPIRY_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The last moment (23:59:59) of `date` (`YYYY-MM-DD`) in `timeZone`, as an instant. */
export function endOfDayIn(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T23:59:59Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(guess))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return new Date(guess - (wall - guess));
}

/** Why `date` cannot be a key's last day: not a date, today or before, or too far ahead. */
export function expiryProblem(date: string, timeZone: string, now = new Date()): 'invalid' | 'past' | 'tooFar' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return 'invalid';
  const end = endOfDayIn(date, timeZone);
  if (end.getTime() <= now.getTime()) return 'past';
  if (end.getTime() > now.getTime() + MAX_EXPIRY_DAYS * DAY_MS) return 'tooFar';
  return null;
}

/** Whether a key's expiry has passed. */
export const isExpired = (expiresAt: string | null | undefined, now = Date.now()) => !!expiresAt && Date.parse(expiresAt) <= now;
