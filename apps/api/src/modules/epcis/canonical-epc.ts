/**
 * Identifiers in the form the CBV 2.0 Event Hash ID hashes them: the constrained canonical GS1
 * Digital Link URI.
 *
 * Two rules of the Event Hash ID algorithm (CBV 2.0, "Event Hash ID") are implemented here:
 *
 * - rule 17: "EPC URIs (starting with 'urn:epc:id'), EPC Class URIs ('urn:epc:class') or EPC
 *   Pattern URIs ('urn:epc:idpat') SHALL be converted into the corresponding canonical GS1 Digital
 *   Link URI (starting with 'https://id.gs1.org')";
 * - rule 18: "If a GS1 Digital Link URI is present, it SHALL take the form of a constrained
 *   canonical GS1 Digital Link URI": (I) the domain becomes https://id.gs1.org, (II) the query string
 *   is stripped off, (III) only the most fine-granular level of identification is kept, i.e. one of
 *   00, 01, 01+21, 01+10, 01+235, 253, 255, 401, 402, 414, 414+254, 417, 8003, 8004, 8006,
 *   8006+21, 8006+10, 8010, 8010+8011, 8017, 8018.
 *
 * So `urn:epc:id:sgtin:4012345.011111.9876`, `https://id.gs1.org/01/04012345111118/21/9876` and
 * `https://example.com/gtin/4012345111118/10/L1/21/9876?17=270101` all come out as
 * `https://id.gs1.org/01/04012345111118/21/9876`.
 *
 * Pure functions, no I/O; anything that is not one of these identifiers is left to the caller
 * (`canonicalIdentifier` answers null).
 */

const CANONICAL_BASE = 'https://id.gs1.org';

/** GS1 mod-10 check digit of the digits given (GS1 General Specifications, 7.9.1). */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

// ---------------------------------------------------------------------------
// Percent-encoding of AI values
// ---------------------------------------------------------------------------

/**
 * Characters written as they are in an AI value of the canonical Digital Link; every other one is
 * percent-encoded with upper-case hex. These are the URI unreserved characters plus ' ; =, the
 * characters of the GS1 AI set that EPC URIs also carry unescaped and that the reference examples
 * keep as they are ("'" in urn:epc:id:upui:…), while ! ( ) * + , : and the EPC URI escapes
 * (" % & / < > ?) are encoded.
 */
const LITERAL = /^[A-Za-z0-9\-._~';=]$/;

const UTF8 = new TextEncoder();

function encodeAiValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (LITERAL.test(ch)) out += ch;
    else for (const byte of UTF8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decodes %XX escapes; null when an escape is malformed or does not decode to UTF-8 text. */
function decodePercent(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// EPC URIs (GS1 EPC Tag Data Standard) to Digital Link
// ---------------------------------------------------------------------------

const DIGITS = /^\d+$/;

/** Splits on the first `count - 1` dots; the last field keeps any further dots (serials may hold them). */
function fields(body: string, count: number): string[] | null {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < count; i++) {
    const dot = body.indexOf('.', start);
    if (dot < 0) return null;
    out.push(body.slice(start, dot));
    start = dot + 1;
  }
  out.push(body.slice(start));
  return out;
}

/** A GS1 Company Prefix: 6 to 12 digits. */
function isCompanyPrefix(prefix: string | undefined): prefix is string {
  return prefix !== undefined && prefix.length >= 6 && prefix.length <= 12 && DIGITS.test(prefix);
}

/** A GS1 Company Prefix and the digits after it, together `length` digits long. */
function keyParts(prefix: string | undefined, reference: string | undefined, length: number): boolean {
  return (
    isCompanyPrefix(prefix) &&
    reference !== undefined &&
    (reference === '' || DIGITS.test(reference)) &&
    prefix.length + reference.length === length
  );
}

/** GTIN-14 from company prefix and item reference (indicator digit first), with its check digit. */
function gtin(prefix: string, itemReference: string): string {
  const body = itemReference.charAt(0) + prefix + itemReference.slice(1);
  return body + gs1CheckDigit(body);
}

/** A key of `prefix` + `reference` digits followed by its check digit (GLN, GSRN, GDTI, …). */
function withCheckDigit(prefix: string, reference: string): string {
  return prefix + reference + gs1CheckDigit(prefix + reference);
}

/** Decoded serial-like component (EPC URIs escape " % & / < > ? as %XX); null when malformed or empty. */
function component(text: string | undefined, allowEmpty = false): string | null {
  if (text === undefined || (text === '' && !allowEmpty)) return null;
  return decodePercent(text);
}

type EpcConverter = (body: string) => string | null;

/** Pure-identity EPC URIs, urn:epc:id:<scheme>:<body>. */
const EPC_ID: Readonly<Record<string, EpcConverter>> = {
  sgtin(body) {
    const [prefix, item, serial] = fields(body, 3) ?? [];
    const s = component(serial);
    return keyParts(prefix, item, 13) && s !== null ? `01/${gtin(prefix!, item!)}/21/${encodeAiValue(s)}` : null;
  },
  sscc(body) {
    const [prefix, serialReference] = fields(body, 2) ?? [];
    if (!keyParts(prefix, serialReference, 17)) return null;
    const sscc = serialReference!.charAt(0) + prefix! + serialReference!.slice(1);
    return `00/${sscc}${gs1CheckDigit(sscc)}`;
  },
  sgln(body) {
    const [prefix, location, extension] = fields(body, 3) ?? [];
    const e = component(extension);
    if (!keyParts(prefix, location, 12) || e === null) return null;
    const gln = withCheckDigit(prefix!, location!);
    // Extension 0 means "no extension" (EPC Tag Data Standard, SGLN).
    return e === '0' ? `414/${gln}` : `414/${gln}/254/${encodeAiValue(e)}`;
  },
  grai(body) {
    const [prefix, assetType, serial] = fields(body, 3) ?? [];
    const s = component(serial, true);
    return keyParts(prefix, assetType, 12) && s !== null ? `8003/${withCheckDigit(`0${prefix}`, assetType!)}${encodeAiValue(s)}` : null;
  },
  giai(body) {
    const [prefix, asset] = fields(body, 2) ?? [];
    const a = component(asset);
    return isCompanyPrefix(prefix) && a !== null ? `8004/${encodeAiValue(prefix! + a)}` : null;
  },
  gsrn(body) {
    const [prefix, service] = fields(body, 2) ?? [];
    return keyParts(prefix, service, 17) ? `8018/${withCheckDigit(prefix!, service!)}` : null;
  },
  gsrnp(body) {
    const [prefix, service] = fields(body, 2) ?? [];
    return keyParts(prefix, service, 17) ? `8017/${withCheckDigit(prefix!, service!)}` : null;
  },
  gdti(body) {
    const [prefix, documentType, serial] = fields(body, 3) ?? [];
    const s = component(serial, true);
    return keyParts(prefix, documentType, 12) && s !== null ? `253/${withCheckDigit(prefix!, documentType!)}${encodeAiValue(s)}` : null;
  },
  cpi(body) {
    const dot = body.lastIndexOf('.');
    const [prefix, part] = dot < 0 ? [] : (fields(body.slice(0, dot), 2) ?? []);
    const p = component(part);
    const serial = body.slice(dot + 1);
    if (!isCompanyPrefix(prefix) || p === null || !DIGITS.test(serial)) return null;
    return `8010/${encodeAiValue(prefix! + p)}/8011/${serial}`;
  },
  sgcn(body) {
    const [prefix, couponReference, serial] = fields(body, 3) ?? [];
    if (!keyParts(prefix, couponReference, 12) || serial === undefined || (serial !== '' && !DIGITS.test(serial))) return null;
    return `255/${withCheckDigit(prefix!, couponReference!)}${serial}`;
  },
  ginc(body) {
    const [prefix, consignment] = fields(body, 2) ?? [];
    const c = component(consignment);
    return isCompanyPrefix(prefix) && c !== null ? `401/${encodeAiValue(prefix! + c)}` : null;
  },
  gsin(body) {
    const [prefix, shipper] = fields(body, 2) ?? [];
    return keyParts(prefix, shipper, 16) ? `402/${withCheckDigit(prefix!, shipper!)}` : null;
  },
  itip(body) {
    const [prefix, item, piece, total, serial] = fields(body, 5) ?? [];
    const s = component(serial);
    if (!keyParts(prefix, item, 13) || !/^\d{2}$/.test(piece ?? '') || !/^\d{2}$/.test(total ?? '') || s === null) return null;
    return `8006/${gtin(prefix!, item!)}${piece}${total}/21/${encodeAiValue(s)}`;
  },
  upui(body) {
    const [prefix, item, tpx] = fields(body, 3) ?? [];
    const t = component(tpx);
    return keyParts(prefix, item, 13) && t !== null ? `01/${gtin(prefix!, item!)}/235/${encodeAiValue(t)}` : null;
  },
  pgln(body) {
    const [prefix, party] = fields(body, 2) ?? [];
    return keyParts(prefix, party, 12) ? `417/${withCheckDigit(prefix!, party!)}` : null;
  },
};

/** EPC Class URIs, urn:epc:class:<scheme>:<body>. */
const EPC_CLASS: Readonly<Record<string, EpcConverter>> = {
  lgtin(body) {
    const [prefix, item, lot] = fields(body, 3) ?? [];
    const l = component(lot);
    return keyParts(prefix, item, 13) && l !== null ? `01/${gtin(prefix!, item!)}/10/${encodeAiValue(l)}` : null;
  },
};

/** EPC Pattern URIs that name a whole class, urn:epc:idpat:<scheme>:<class>.* (partial patterns have no Digital Link). */
const EPC_PATTERN: Readonly<Record<string, EpcConverter>> = {
  sgtin(body) {
    const [prefix, item, star] = fields(body, 3) ?? [];
    return keyParts(prefix, item, 13) && star === '*' ? `01/${gtin(prefix!, item!)}` : null;
  },
  grai(body) {
    const [prefix, assetType, star] = fields(body, 3) ?? [];
    return keyParts(prefix, assetType, 12) && star === '*' ? `8003/${withCheckDigit(`0${prefix}`, assetType!)}` : null;
  },
  gdti(body) {
    const [prefix, documentType, star] = fields(body, 3) ?? [];
    return keyParts(prefix, documentType, 12) && star === '*' ? `253/${withCheckDigit(prefix!, documentType!)}` : null;
  },
  sgcn(body) {
    const [prefix, couponReference, star] = fields(body, 3) ?? [];
    return keyParts(prefix, couponReference, 12) && star === '*' ? `255/${withCheckDigit(prefix!, couponReference!)}` : null;
  },
  cpi(body) {
    const [prefix, part, star] = fields(body, 3) ?? [];
    const p = component(part);
    return isCompanyPrefix(prefix) && p !== null && star === '*' ? `8010/${encodeAiValue(prefix! + p)}` : null;
  },
  itip(body) {
    const [prefix, item, piece, total, star] = fields(body, 5) ?? [];
    const ok = keyParts(prefix, item, 13) && /^\d{2}$/.test(piece ?? '') && /^\d{2}$/.test(total ?? '') && star === '*';
    return ok ? `8006/${gtin(prefix!, item!)}${piece}${total}` : null;
  },
  upui(body) {
    const [prefix, item, star] = fields(body, 3) ?? [];
    return keyParts(prefix, item, 13) && star === '*' ? `01/${gtin(prefix!, item!)}` : null;
  },
};

const EPC_FAMILIES: ReadonlyArray<readonly [string, Readonly<Record<string, EpcConverter>>]> = [
  ['urn:epc:id:', EPC_ID],
  ['urn:epc:class:', EPC_CLASS],
  ['urn:epc:idpat:', EPC_PATTERN],
];

/**
 * The canonical Digital Link of an EPC URI, EPC Class URI or EPC Pattern URI of a GS1 key (rule
 * 17), or null for anything else (other schemes such as urn:epc:id:gid, malformed URIs).
 */
export function epcUriToDigitalLink(uri: string): string | null {
  for (const [start, schemes] of EPC_FAMILIES) {
    if (!uri.startsWith(start)) continue;
    const rest = uri.slice(start.length);
    const colon = rest.indexOf(':');
    const scheme = colon < 0 ? '' : rest.slice(0, colon);
    const convert = Object.hasOwn(schemes, scheme) ? schemes[scheme] : undefined;
    const path = convert?.(rest.slice(colon + 1));
    return path ? `${CANONICAL_BASE}/${path}` : null;
  }
  return null;
}

// ---------------------------------------------------------------------------
// GS1 Digital Link URIs to the constrained canonical form
// ---------------------------------------------------------------------------

/** Convenience alphas of GS1 Digital Link 1.2 and the AIs they stand for. */
const ALPHAS: Readonly<Record<string, string>> = {
  gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255',
  sscc: '00', gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10', ser: '21',
};

/** Shape of each primary key's value (GS1 General Specifications); anything else is not read as a Digital Link. */
const PRIMARY_KEYS: Readonly<Record<string, RegExp>> = {
  '00': /^\d{18}$/,
  '01': /^\d{14}$/,
  '253': /^\d{13}.{0,17}$/,
  '255': /^\d{13}\d{0,12}$/,
  '401': /^\d{4}.{0,26}$/,
  '402': /^\d{17}$/,
  '414': /^\d{13}$/,
  '417': /^\d{13}$/,
  '8003': /^\d{14}.{0,16}$/,
  '8004': /^\d{4}.{0,26}$/,
  '8006': /^\d{18}$/,
  '8010': /^\d{4}.{0,26}$/,
  '8017': /^\d{18}$/,
  '8018': /^\d{18}$/,
};

/** Rule 18 (III): the key qualifier of the most fine-granular identification, finest first; others are dropped. */
const FINEST_QUALIFIERS: Readonly<Record<string, readonly string[]>> = {
  '01': ['21', '235', '10'],
  '8006': ['21', '10'],
  '414': ['254'],
  '8010': ['8011'],
};

const aiOf = (segment: string): string => (Object.hasOwn(ALPHAS, segment) ? ALPHAS[segment]! : segment);

/**
 * The constrained canonical form of a GS1 Digital Link URI (rule 18), or null when the URI does not
 * hold a GS1 primary key in its path. The key is the first path segment naming a primary key (AI or
 * convenience alpha) whose value starts with four digits, as GS1 keys do; the segments after it
 * are its qualifiers in pairs.
 */
export function canonicalDigitalLink(uri: string): string | null {
  const match = /^https?:\/\/[^/?#]*(\/[^?#]*)/i.exec(uri);
  if (!match) return null;
  const segments = match[1]!.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const at = segments.findIndex((segment, i) => Object.hasOwn(PRIMARY_KEYS, aiOf(segment)) && /^\d{4}/.test(segments[i + 1] ?? ''));
  if (at < 0 || (segments.length - at) % 2 !== 0) return null;

  const key = aiOf(segments[at]!);
  let value = decodePercent(segments[at + 1]!);
  const qualifiers = new Map<string, string>();
  for (let i = at + 2; i < segments.length; i += 2) {
    const qualifierValue = decodePercent(segments[i + 1]!);
    if (qualifierValue === null || qualifierValue === '') return null;
    qualifiers.set(aiOf(segments[i]!), qualifierValue);
  }
  // GTIN-8, -12 and -13 are written as GTIN-14 in the canonical form (GS1 Digital Link 1.2, 4.11).
  if (key === '01' && value !== null && /^(\d{8}|\d{12}|\d{13})$/.test(value)) value = value.padStart(14, '0');
  if (value === null || !PRIMARY_KEYS[key]!.test(value)) return null;

  const qualifier = (FINEST_QUALIFIERS[key] ?? []).find((ai) => qualifiers.has(ai));
  const path = `${key}/${encodeAiValue(value)}`;
  return qualifier === undefined ? `${CANONICAL_BASE}/${path}` : `${CANONICAL_BASE}/${path}/${qualifier}/${encodeAiValue(qualifiers.get(qualifier)!)}`;
}

/**
 * The constrained canonical GS1 Digital Link URI of an EPC URI, EPC Class URI, EPC Pattern URI or
 * GS1 Digital Link URI (rules 17 and 18), or null when the text is none of these.
 */
export function canonicalIdentifier(text: string): string | null {
  let found = recent.get(text);
  if (found === undefined) {
    found = text.startsWith('urn:epc:') ? epcUriToDigitalLink(text) : canonicalDigitalLink(text);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(text, found);
  }
  return found;
}

/**
 * Identifiers made canonical lately: a captured event's EPCs are made canonical for its query
 * columns and again for its Event Hash ID, and a document repeats its locations.
 */
const recent = new Map<string, string | null>();
const RECENT_MAX = 50_000;
