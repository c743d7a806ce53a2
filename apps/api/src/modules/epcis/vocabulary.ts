/**
 * The words of the CBV 2.0 that Jejak reads, and the headers of the EPCIS 2.0 REST binding.
 */
export const EPCIS_VERSION = '2.0.0';
export const CBV_VERSION = '2.0.0';
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';

export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;
export type EpcisEventType = (typeof EVENT_TYPES)[number];

/** How many events one capture or one page may hold, and how large a capture body may be. */
export const EPCIS_LIMITS = {
  captureEvents: 10_000,
  captureBytes: 64 * 1024 * 1024,
  perPage: 1_000,
  defaultPerPage: 100,
  /** EPCs named by one query parameter (MATCH_epc=a,b,…). */
  queryValues: 100,
} as const;

const CBV = 'https://ref.gs1.org/cbv/';
const URN_PREFIX = { bizStep: 'urn:epcglobal:cbv:bizstep:', disposition: 'urn:epcglobal:cbv:disp:' } as const;
const WEB_PREFIX = { bizStep: `${CBV}BizStep-`, disposition: `${CBV}Disp-` } as const;

/**
 * A bizStep or disposition as the bare CBV word when it is one (`shipping`,
 * `https://ref.gs1.org/cbv/BizStep-shipping` and `urn:epcglobal:cbv:bizstep:shipping` all give
 * `shipping`); any other URI as it is. Queries compare and index these forms.
 */
export function cbvWord(field: 'bizStep' | 'disposition', value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (value.startsWith(WEB_PREFIX[field])) return value.slice(WEB_PREFIX[field].length);
  if (value.startsWith(URN_PREFIX[field])) return value.slice(URN_PREFIX[field].length);
  return value;
}

/**
 * The URI form of the BPOM NIE codes of Jejak's units (AI 90 is not a GS1 key, so they have no EPC
 * URN or Digital Link): `urn:jejak:nie:<NIE>:<serial>`, the serial percent-encoded as in an EPC
 * URI. A URN, so that it is never taken for a GS1 Digital Link.
 */
export const NIE_URI_PREFIX = 'urn:jejak:nie:';
const NIE_URI = /^urn:jejak:nie:([A-Z0-9]{1,16}):(.+)$/;

export function nieUri(nie: string, serial: string): string {
  return `${NIE_URI_PREFIX}${nie}:${encodeURIComponent(serial)}`;
}

export function readNieUri(uri: string): { nie: string; serial: string } | null {
  const match = NIE_URI.exec(uri);
  if (!match) return null;
  try {
    return { nie: match[1]!, serial: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** Jejak's own events served as EPCIS events: `urn:jejak:event:<id>`. */
export const LIFECYCLE_EVENT_PREFIX = 'urn:jejak:event:';
/** A facility with no GLN is named by `urn:jejak:facility:<uuid>`. */
export const FACILITY_URI_PREFIX = 'urn:jejak:facility:';
