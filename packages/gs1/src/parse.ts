import { checkValue, lookupAi } from './ai.js';
import { DEFAULT_DIGITAL_LINK_BASE, digitalLinkOf, readDigitalLink } from './digital-link.js';
import { bracketedOf, newReading, rawOf, readBracketed, readRaw, type Reading } from './element-string.js';
import { problem, type Gs1Error } from './errors.js';
import { daysInMonth, twoDigits } from './linters/common.js';
import { compositeProblem, identifyScanData } from './scan-data.js';
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
  if (yymmdd.length !== 6) return null;
  const yy = twoDigits(yymmdd, 0);
  const mm = twoDigits(yymmdd, 2);
  const dd = twoDigits(yymmdd, 4);
  if (yy < 0 || mm < 1 || mm > 12 || dd < 0) return null;
  const year = fullYear(yy);
  const last = daysInMonth(year, mm);
  // Day 29 February of a two-digit year is checked as GS1's linters do (YY % 4).
  if (dd > (mm === 2 && dd === 29 && yy % 4 === 0 ? 29 : last)) return null;
  const century = (year - yy) / 100;
  const day = dd === 0 ? last : dd;
  return String.fromCharCode(
    48 + ((century / 10) | 0),
    48 + (century % 10),
    yymmdd.charCodeAt(0),
    yymmdd.charCodeAt(1),
    45,
    yymmdd.charCodeAt(2),
    yymmdd.charCodeAt(3),
    45,
    48 + ((day / 10) | 0),
    48 + (day % 10),
  );
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
  let errors = reading.errors;
  const warnings = reading.warnings;
  const profile = checkAssociations(elements, specs, positions, forced, errors, warnings);
  if (extra.length) errors = errors.concat(extra);

  let gtin: string | null = null;
  let nie: string | null = null;
  let batch: string | null = null;
  let expiry: string | null = null;
  let expirySeen = false;
  let serial: string | null = null;
  let sscc: string | null = null;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as Element;
    const ai = e.ai;
    if (ai === '01') {
      if (gtin === null) gtin = e.value;
    } else if (ai === '17') {
      if (!expirySeen) expiry = expiryDate(e.value);
      expirySeen = true;
    } else if (ai === '10') {
      if (batch === null) batch = e.value;
    } else if (ai === '21') {
      if (serial === null) serial = e.value;
    } else if (ai === '90') {
      if (nie === null) nie = e.value;
    } else if (ai === '00') {
      if (sscc === null) sscc = e.value;
    }
  }
  return {
    valid: errors.length === 0,
    profile,
    elements,
    gtin,
    nie,
    batch,
    expiry,
    serial,
    sscc,
    bracketed: reading.bracketed ?? bracketedOf(elements, specs, reading.parens),
    raw: reading.raw ?? rawOf(elements, specs),
    digitalLink: gtin !== null || sscc !== null ? digitalLinkOf(elements, specs, DEFAULT_DIGITAL_LINK_BASE, errors.length === 0, reading.plain) : null,
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
  const err = spec ? checkValue(spec, gtin, 0, 14, start - (14 - digits)) : null;
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
    const sd = identifyScanData(text, start, end);
    if ('code' in sd) return result(null, forced, [sd]);
    const p = sd.payloadStart;
    if (sd.kind === 'plain') {
      if (p >= end) reading.errors.push(problem('EMPTY', `The ${sd.symbology} symbol holds no data`, undefined, start));
      else readPlain(text, p, end, reading, forced);
    } else {
      if (sd.kind === 'ean13' || sd.kind === 'ean8') readEan(text, p, end, sd.kind === 'ean13' ? 13 : 8, reading);
      else if (text.charCodeAt(p) === 40) readBracketed(text, p, end, reading);
      else readRaw(text, p, end, reading, forced);
      if (reading.errors.length) {
        // '|' is never valid data: look for a composite component only once reading failed.
        const composite = compositeProblem(text, sd, end);
        if (composite) return result(null, forced, [composite]);
      }
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
