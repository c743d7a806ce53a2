import { badInput } from './errors.js';

/** A trimmed, required text field within bounds; names the field when it is not. */
export function requiredText(value: string | null | undefined, field: string, max = 200): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(`${field} must not be empty`, field);
  if (text.length > max) throw badInput(`${field} is ${text.length} characters; at most ${max} are allowed`, field);
  if (text.includes('\u0000')) throw badInput(`${field} contains a NUL character`, field);
  return text;
}

/** An optional text field: blank becomes null. */
export function optionalText(value: string | null | undefined, field: string, max = 200): string | null {
  if (value == null || !value.trim()) return null;
  return requiredText(value, field, max);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(value: string | null | undefined, field = 'email'): string {
  const text = requiredText(value, field, 254).toLowerCase();
  if (!EMAIL.test(text)) throw badInput(`${field} "${text}" is not an email address`, field);
  return text;
}

export function optionalNumberInRange(value: number | null | undefined, field: string, min: number, max: number): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badInput(`${field} must be between ${min} and ${max}, got ${value}`, field);
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID argument: a malformed one is bad input, not a database error. */
export function uuid(value: string, field: string): string {
  if (!UUID.test(value)) throw badInput(`${field} "${value}" is not a valid id`, field);
  return value.toLowerCase();
}

/** YYYY-MM-DD that is a real calendar day in 2000-2099, as AI (17) can carry. */
export function isoDate(value: string, field: string): string {
  const text = requiredText(value, field, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw badInput(`${field} "${text}" is not a date in the form YYYY-MM-DD`, field);
  }
  if (text < '2000-01-01' || text > '2099-12-31') throw badInput(`${field} ${text} is outside 2000-2099`, field);
  return text;
}

/** An ILIKE pattern that finds `term` anywhere, with its own % and _ taken literally. */
export const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
