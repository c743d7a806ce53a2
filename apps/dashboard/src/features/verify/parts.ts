import { checkElement, type Gs1Error, type ParseResult } from '@jejak/gs1';

/** The four things printed beside a pack's 2D code, typed one by one. */
export interface CodeParts {
  /** GTIN (01) or BPOM NIE (90). */
  key: string;
  batch: string;
  /** As typed: YYMMDD, or a date such as 31-08-2029 or 08/2029. */
  expiry: string;
  serial: string;
}

export type PartName = keyof CodeParts;
export const PART_NAMES: readonly PartName[] = ['key', 'batch', 'expiry', 'serial'];
export const EMPTY_PARTS: CodeParts = { key: '', batch: '', expiry: '', serial: '' };

/** Lengths of the GTINs printed on packs; shorter ones are padded with zeros to 14 digits. */
const GTIN_LENGTHS = [8, 12, 13, 14];

/** The element a part stands for, ready for `checkElement` and the bracketed code. */
export interface PartElement {
  ai: '01' | '90' | '10' | '17' | '21';
  value: string;
}

/** All digits: a GTIN (padded to 14); anything with a letter: a NIE. */
function keyElement(text: string): PartElement {
  const value = text.trim();
  if (/^\d+$/.test(value)) return { ai: '01', value: GTIN_LENGTHS.includes(value.length) ? value.padStart(14, '0') : value };
  return { ai: '90', value: value.toUpperCase() };
}

const pad = (n: string) => n.padStart(2, '0');

/** An expiry as typed, as YYMMDD: 290831, 2029-08-31, 31-08-2029, 31/08/2029, 08/2029 (the month's end). */
export function expiryValue(text: string): string {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return `${match[1]!.slice(2)}${pad(match[2]!)}${pad(match[3]!)}`;
  match = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(value);
  if (match) return `${match[3]!.slice(2)}${pad(match[2]!)}${pad(match[1]!)}`;
  match = /^(\d{1,2})[-/. ](\d{4})$/.exec(value);
  if (match) return `${match[2]!.slice(2)}${pad(match[1]!)}00`;
  return value;
}

export function partElement(name: PartName, text: string): PartElement {
  if (name === 'key') return keyElement(text);
  if (name === 'expiry') return { ai: '17', value: expiryValue(text) };
  return { ai: name === 'batch' ? '10' : '21', value: text.trim() };
}

/** The problem with one part as typed, or null when fine or empty. */
export function partProblem(name: PartName, text: string): Gs1Error | null {
  if (!text.trim()) return null;
  const { ai, value } = partElement(name, text);
  return checkElement(ai, value);
}

/** Whether a problem may still go away as the person keeps typing (too short so far). */
export function mayBeUnfinished(name: PartName, text: string, problem: Gs1Error): boolean {
  if (problem.code !== 'BAD_LENGTH') return false;
  const { ai, value } = partElement(name, text);
  if (ai === '01') return value.length < 14;
  if (ai === '17') return value.replace(/\D/g, '').length < 6;
  return false;
}

/** The bracketed code of the parts filled in: key, expiry, batch, serial. Empty when none is. */
export function combineParts(parts: CodeParts): string {
  return (['key', 'expiry', 'batch', 'serial'] as const)
    .filter((name) => parts[name].trim())
    .map((name) => {
      const { ai, value } = partElement(name, parts[name]);
      return `(${ai})${value}`;
    })
    .join('');
}

/** The parts of a code that parses, to show it split; null when it does not parse. */
export function partsOf(parsed: ParseResult): CodeParts | null {
  if (!parsed.valid) return null;
  const element = (ai: string) => parsed.elements.find((e) => e.ai === ai)?.value ?? '';
  return { key: parsed.gtin ?? parsed.nie ?? '', batch: element('10'), expiry: element('17'), serial: element('21') };
}
