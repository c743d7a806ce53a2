import { checkValue, lookupAi } from './ai.js';
import { DEFAULT_DIGITAL_LINK_BASE, readDigitalLink, toDigitalLink } from './digital-link.js';
import { newReading, rawOf, readBracketed, readRaw, toBracketed, type Reading } from './element-string.js';
import { problem, type Gs1Error } from './errors.js';
import { daysInMonth } from './linters/common.js';
import { yymmd0 } from './linters/yymmd0.js';
import { readScanData } from './scan-data.js';
import type { Element, ParseOptions, ParseResult, Profile } from './types.js';
import { checkAssociations } from './validate.js';

/**
 * Century of two-digit years, by the GS1 General Specifications rule: within
 * 49 years ahead or 50 years back of the current year. The current year is
 * taken once, when the module loads.
 */
const CURRENT_YEAR = new Date().getUTCFullYear();

export function fullYear(yy: number, currentYear: number = CURRENT_YEAR): number {
  const cur = currentYear % 100;
  const century = currentYear - cur;
  const diff = yy - cur;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/** YYMMDD (DD 00 = last day of the month) as YYYY-MM-DD, or null when not a valid date. */
export function expiryDate(yymmdd: string): string | null {
  if (yymmdd.length !== 6 || yymmd0(yymmdd, 0, 6) !== null) return null;
  const year = fullYear(Number(yymmdd.slice(0, 2)));
  const mm = yymmdd.slice(2, 4);
  let dd = yymmdd.slice(4, 6);
  if (dd === '00') dd = String(daysInMonth(year, Number(mm)));
  return `${year}-${mm}-${dd}`;
}

function isTrimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
}

function isHttp(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 32;
  if (c !== 104 /* h */) return false;
  const head = text.slice(i, i + 8).toLowerCase();
  return head.startsWith('http://') || head === 'https://';
}

function result(reading: Reading | null, forced: Profile | undefined, extra: Gs1Error[] = []): ParseResult {
  if (reading === null || reading.elements.length === 0) {
    let errors = reading ? reading.errors.concat(extra) : extra;
    if (errors.length === 0) errors = [problem('EMPTY', 'No element was found in the data', undefined, 0)];
    return {
      valid: false,
      profile: null,
      elements: reading ? reading.elements : [],
      gtin: null,
      nie: null,
      batch: null,
      expiry: null,
      serial: null,
      sscc: null,
      bracketed: null,
      raw: null,
      digitalLink: null,
      errors,
      warnings: reading ? reading.warnings : [],
    };
  }
  const { elements, specs, positions } = reading;
  const assoc = checkAssociations(elements, specs, positions, forced);
  let errors = reading.errors;
  if (assoc.errors.length) errors = errors.length ? errors.concat(assoc.errors) : assoc.errors;
  if (extra.length) errors = errors.concat(extra);
  let warnings = reading.warnings;
  if (assoc.warnings.length) warnings = warnings.length ? warnings.concat(assoc.warnings) : assoc.warnings;

  let gtin: string | null = null;
  let nie: string | null = null;
  let batch: string | null = null;
  let expiry: string | null = null;
  let serial: string | null = null;
  let sscc: string | null = null;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as Element;
    switch (e.ai) {
      case '01':
        if (gtin === null) gtin = e.value;
        break;
      case '90':
        if (nie === null) nie = e.value;
        break;
      case '10':
        if (batch === null) batch = e.value;
        break;
      case '17':
        if (expiry === null) expiry = expiryDate(e.value);
        break;
      case '21':
        if (serial === null) serial = e.value;
        break;
      case '00':
        if (sscc === null) sscc = e.value;
        break;
    }
  }
  return {
    valid: errors.length === 0,
    profile: assoc.profile,
    elements,
    gtin,
    nie,
    batch,
    expiry,
    serial,
    sscc,
    bracketed: toBracketed(elements),
    raw: rawOf(elements, specs),
    digitalLink: gtin !== null || sscc !== null ? toDigitalLink(elements, DEFAULT_DIGITAL_LINK_BASE) : null,
    errors,
    warnings,
  };
}

function readEan(text: string, start: number, end: number, digits: number, out: Reading): void {
  const value = text.slice(start, end);
  if (value.length !== digits || !/^[0-9]+$/.test(value)) {
    out.errors.push(problem(value.length !== digits ? 'BAD_LENGTH' : 'BAD_CHARSET', `EAN-${digits} data "${value}" is not ${digits} digits`, '01', start));
    return;
  }
  const gtin = value.padStart(14, '0');
  const spec = lookupAi('01');
  out.elements.push({ ai: '01', value: gtin });
  out.specs.push(spec);
  out.positions.push(start);
  const err = spec ? checkValue(spec, gtin, start - (14 - digits)) : null;
  if (err) out.errors.push({ ...err, position: start + digits - 1 });
}

/** Payload of a symbol that is not in GS1 mode. */
function readPlain(text: string, start: number, end: number, out: Reading, forced: Profile | undefined): void {
  const c = text.charCodeAt(start);
  if (isHttp(text, start)) {
    readDigitalLink(text, start, end, out);
    return;
  }
  const notGs1Mode = problem('NOT_GS1_MODE', 'The symbol is not in GS1 mode (no FNC1); its content was read as GS1 element data', undefined, start);
  if (c === 40) {
    out.warnings.push(notGs1Mode);
    readBracketed(text, start, end, out);
    return;
  }
  if (c === 29 || (c >= 48 && c <= 57 && text.indexOf('\u001d', start) >= 0)) {
    out.warnings.push(notGs1Mode);
    readRaw(text, start, end, out, forced);
    return;
  }
  const shown = end - start > 40 ? `${text.slice(start, start + 40)}...` : text.slice(start, end);
  out.errors.push(problem('NOT_GS1', `The symbol holds plain data, not GS1 data: "${shown}"`, undefined, start));
}

function parseText(text: string, options: ParseOptions | undefined): ParseResult {
  const forced = options?.profile === 'GS1' || options?.profile === 'BPOM' ? options.profile : undefined;
  if (typeof text !== 'string') return result(null, forced, [problem('EMPTY', 'The input is not a string')]);
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text.charCodeAt(start))) start++;
  while (end > start && (isTrimmable(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 29)) end--;
  if (start === end) return result(null, forced, [problem('EMPTY', text.length ? 'The input holds only whitespace or separators' : 'The input is empty', undefined, 0)]);

  const reading = newReading();
  const c = text.charCodeAt(start);
  if (c === 93 /* ] */) {
    const sd = readScanData(text, start, end);
    if ('code' in sd) return result(null, forced, [sd]);
    const p = sd.payloadStart;
    if (sd.kind === 'gs1') {
      if (text.charCodeAt(p) === 40) readBracketed(text, p, end, reading);
      else readRaw(text, p, end, reading, forced);
    } else if (sd.kind === 'ean13' || sd.kind === 'ean8') {
      readEan(text, p, end, sd.kind === 'ean13' ? 13 : 8, reading);
    } else if (p >= end) {
      reading.errors.push(problem('EMPTY', `The ${sd.symbology} symbol holds no data`, undefined, start));
    } else {
      readPlain(text, p, end, reading, forced);
    }
  } else if (c === 40 /* ( */) {
    readBracketed(text, start, end, reading);
  } else if (c === 29 || c === 94 /* ^ */ || (c >= 48 && c <= 57)) {
    readRaw(text, start, end, reading, forced);
  } else if (isHttp(text, start)) {
    readDigitalLink(text, start, end, reading);
  } else {
    readPlain(text, start, end, reading, forced);
  }
  return result(reading, forced);
}

/**
 * Reads GS1 or BPOM barcode content: bracketed element strings, raw data with
 * or without a symbology identifier, '^' FNC1 notation, GS1 Digital Link URIs.
 * Never throws: every problem is returned in errors.
 */
export function parse(text: string, options?: ParseOptions): ParseResult {
  try {
    return parseText(text, options);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return result(null, undefined, [problem('INTERNAL_ERROR', `Unexpected failure while reading: ${detail}`)]);
  }
}
