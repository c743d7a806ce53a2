/**
 * Identifiers as the repository indexes and compares them: EPC URNs and GS1 Digital Links in
 * their canonical Digital Link form (canonical-epc.ts), BPOM NIE codes in their URI form
 * (vocabulary.ts); anything else as it is. A query by `urn:epc:id:sgtin:…` so finds the events
 * that named the same pack by Digital Link.
 */
import { canonicalIdentifier } from './canonical-epc.js';
import { nieUri, readNieUri } from './vocabulary.js';

export function identifierKey(value: string): string {
  const canonical = canonicalIdentifier(value);
  if (canonical) return canonical;
  const nie = readNieUri(value);
  return nie ? nieUri(nie.nie, nie.serial) : value;
}

const DL = 'https://id.gs1.org/';

/** The keys a canonical identifier names that Jejak registers: a GLN, a GTIN, an SSCC, a NIE. */
export function registryKeys(key: string): { gln?: string; gtin?: string; sscc?: string; nie?: string } {
  if (key.startsWith(DL)) {
    const [ai, value] = key.slice(DL.length).split('/');
    if (ai === '414' || ai === '417') return { gln: value };
    if (ai === '01') return { gtin: value };
    if (ai === '00') return { sscc: value };
    return {};
  }
  const nie = readNieUri(key);
  return nie ? { nie: nie.nie } : {};
}

/**
 * A code Jejak's readers take for an EPC that may name one of its packs: the canonical Digital
 * Link of an SGTIN or SSCC, the bracketed element string of a NIE code; null for anything else.
 */
export function packCodeOf(value: string): string | null {
  const key = identifierKey(value);
  if (key.startsWith(DL)) {
    const path = key.slice(DL.length);
    return /^(01\/\d{14}\/21\/[^/]+|00\/\d{18})$/.test(path) ? key : null;
  }
  const nie = readNieUri(key);
  return nie ? `(90)${nie.nie}(21)${nie.serial}` : null;
}

const EPC_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'] as const;
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'] as const;

/**
 * An event with its EPC URNs written as GS1 Digital Links (`GS1-EPC-Format:
 * Always_GS1_Digital_Link`): EPC lists, parentID, quantity classes, readPoint, bizLocation,
 * sources and destinations. Other values are left as they are.
 */
export function withDigitalLinks(event: Record<string, unknown>): Record<string, unknown> {
  const link = (value: unknown) => (typeof value === 'string' ? (canonicalIdentifier(value) ?? value) : value);
  const out: Record<string, unknown> = { ...event };
  for (const name of EPC_LISTS) if (Array.isArray(out[name])) out[name] = (out[name] as unknown[]).map(link);
  if (out.parentID !== undefined) out.parentID = link(out.parentID);
  for (const name of QUANTITY_LISTS) {
    if (Array.isArray(out[name])) out[name] = (out[name] as unknown[]).map((q) => (q && typeof q === 'object' ? { ...q, epcClass: link((q as Record<string, unknown>).epcClass) } : q));
  }
  for (const name of ['readPoint', 'bizLocation']) {
    const place = out[name];
    if (place && typeof place === 'object' && !Array.isArray(place)) out[name] = { ...place, id: link((place as Record<string, unknown>).id) };
  }
  for (const [name, key] of [['sourceList', 'source'], ['destinationList', 'destination']] as const) {
    if (Array.isArray(out[name])) out[name] = (out[name] as unknown[]).map((e) => (e && typeof e === 'object' ? { ...e, [key]: link((e as Record<string, unknown>)[key]) } : e));
  }
  return out;
}
