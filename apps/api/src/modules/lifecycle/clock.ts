/**
 * One clock. Every database connection runs in UTC; times are stored as instants. A day means
 * the calendar day of an event's reported time in one reporting time zone (a setting, by
 * default Asia/Jakarta): every summary, report, "today" and expiry check uses it.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
/** A reported time may run ahead of the server's clock by this much (devices' clocks drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
export const DEFAULT_REPORTED_WINDOW_DAYS = 30;

/** Throws unless `zone` is an IANA time zone this runtime knows. */
export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    throw new Error(`"${zone}" is not a time zone name such as Asia/Jakarta`);
  }
  return zone;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const SINCE_1980_MS = Date.UTC(1980, 0, 1);

export class Clock {
  private readonly format: Intl.DateTimeFormat;
  private readonly parts: Intl.DateTimeFormat;

  constructor(
    readonly timeZone: string = DEFAULT_TIME_ZONE,
    /** How far back a reported time may go. */
    readonly reportedWindowDays: number = DEFAULT_REPORTED_WINDOW_DAYS,
    readonly now: () => Date = () => new Date(),
  ) {
    // en-CA writes dates as YYYY-MM-DD.
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone: checkTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' });
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The last day asked for, by quarter hour: every check asks for today's. */
  private lastDay = { quarter: Number.NaN, day: '' };

  /**
   * The calendar day (YYYY-MM-DD) of `at` in the reporting time zone. Days begin on a quarter
   * hour in every time zone's offsets since 1980, so one quarter hour is within one day.
   */
  dayOf(at: Date): string {
    const time = at.getTime();
    const quarter = Math.floor(time / QUARTER_HOUR_MS);
    if (quarter === this.lastDay.quarter) return this.lastDay.day;
    const day = this.format.format(at);
    // Only recent times are kept: offsets before 1980 were not all whole quarter hours.
    if (time >= SINCE_1980_MS) this.lastDay = { quarter, day };
    return day;
  }

  today(): string {
    return this.dayOf(this.now());
  }

  /** How far the reporting time zone is ahead of UTC at `at`, in milliseconds. */
  offsetMs(at: Date): number {
    const parts = Object.fromEntries(this.parts.formatToParts(at).map((part) => [part.type, part.value]));
    const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour! % 24, +parts.minute!, +parts.second!);
    return wall - Math.floor(at.getTime() / 1000) * 1000;
  }

  /** Why a reported time may not be taken (in the future, or older than the window), or null. */
  refuseReportedTime(at: Date): ReportedTimeRefusal | null {
    const now = this.now().getTime();
    if (at.getTime() > now + MAX_CLOCK_SKEW_MS) return 'TIME_IN_FUTURE';
    if (at.getTime() < now - this.reportedWindowDays * 86_400_000) return 'TIME_TOO_OLD';
    return null;
  }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A reported time as an instant: ISO 8601 with an offset (`2026-11-29T14:30:00+07:00`, `…Z`), or
 * a wall-clock time without one (`2026-11-29 14:30`), read in the reporting time zone. A date
 * without a time of day is refused: events of one day must keep their order. Returns why not.
 */
export function readReportedTime(text: string, clock: Clock): Date | string {
  const match = DATE_TIME.exec(text);
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      return `time "${text}" has no time of day; write it as ${text}T14:30 (${clock.timeZone}) or with an offset such as ${text}T14:30+07:00`;
    }
    return `time "${text}" is not an ISO 8601 date-time such as 2026-11-29T14:30:00+07:00`;
  }
  const [, y, mo, d, h, mi, sec = '0', fraction = '0', zone] = match;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec, +fraction.slice(0, 3).padEnd(3, '0'));
  const back = new Date(wall);
  if (back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +d! || +h! > 23 || +mi! > 59 || +sec > 59) {
    return `time "${text}" is not a real date and time`;
  }
  if (zone) {
    if (zone.toUpperCase() === 'Z') return back;
    const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    return new Date(wall - (sign === '-' ? -1 : 1) * (+hours! * 60 + +minutes!) * 60_000);
  }
  // The instant whose wall-clock time in the zone is the one written: a first guess with the
  // offset at the wall time, corrected by the offset at the guess (where a zone changes offset).
  const guess = wall - clock.offsetMs(back);
  return new Date(wall - clock.offsetMs(new Date(guess)));
}

export type ReportedTimeRefusal = 'TIME_IN_FUTURE' | 'TIME_TOO_OLD';

/** The calendar day `days` after `day` (YYYY-MM-DD); negative for before. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
