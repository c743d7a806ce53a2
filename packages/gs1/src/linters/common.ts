/** Codes a linter may report; a subset of ERROR_CODES. */
export type LintCode = 'BAD_LENGTH' | 'BAD_CHARSET' | 'BAD_CHECK_DIGIT' | 'BAD_DATE' | 'BAD_TIME' | 'BAD_VALUE';

export interface LintFailure {
  code: LintCode;
  /** Message without the "AI (nn) " prefix, e.g. "date 251300: month 13 is not 01-12". */
  message: string;
  /** Offset of the offending character, relative to the component start. */
  offset: number;
}

/**
 * A linter checks s[start, end) and returns null when it is fine. Linters are
 * called only after the character-set check of the component passed.
 */
export type Linter = (s: string, start: number, end: number) => LintFailure | null;

export function failure(code: LintCode, message: string, offset = 0): LintFailure {
  return { code, message, offset };
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Two decimal digits at s[i], or -1. */
export function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

export function allDigits(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month] ?? 0;
}

/**
 * Checks a six-digit YYMMDD date at s[start]. With a two-digit year the leap
 * year rule is YY % 4 === 0 (00 is taken as 2000), as in GS1's reference linters.
 */
export function checkYymmdd(s: string, start: number, end: number, dayZeroAllowed: boolean): LintFailure | null {
  const yy = twoDigits(s, start);
  const mm = twoDigits(s, start + 2);
  const dd = twoDigits(s, start + 4);
  if (end - start !== 6 || yy < 0 || mm < 0 || dd < 0) return failure('BAD_DATE', `date ${s.slice(start, end)}: not six digits YYMMDD`);
  if (mm >= 1 && mm <= 12 && dd >= (dayZeroAllowed ? 0 : 1) && dd <= daysInMonth(2000 + yy, mm)) return null;
  return checkMonthDay(s.slice(start, end), 2000 + yy, mm, dd, 2, dayZeroAllowed);
}

export function checkMonthDay(
  text: string,
  year: number,
  mm: number,
  dd: number,
  monthOffset: number,
  dayZeroAllowed: boolean,
): LintFailure | null {
  if (mm < 1 || mm > 12) return failure('BAD_DATE', `date ${text}: month ${pad2(mm)} is not 01-12`, monthOffset);
  const max = daysInMonth(year, mm);
  const min = dayZeroAllowed ? 0 : 1;
  if (dd < min || dd > max) {
    return failure('BAD_DATE', `date ${text}: day ${pad2(dd)} is not ${pad2(min)}-${max} for month ${pad2(mm)}`, monthOffset + 2);
  }
  return null;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Builds a membership test over a whitespace-separated list of codes. */
export function codeList(list: string): (code: string) => boolean {
  const set = new Set(list.trim().split(/\s+/));
  return (code) => set.has(code);
}
