import { restFetch } from '../../shared/rest';

/** A published day as `GET /api/ledger/days/{day}` serves it. */
export interface PublishedDay {
  day: string;
  events: number;
  root: string;
  previousRoot: string | null;
  heads: Array<{ chain: number; seq: string; digest: string }>;
  keyId: string;
  signature: string;
  publicKey: string | null;
  publishedAt: string;
}

/** `GET /api/ledger/events/{id}/proof`: one event's place in its day's tree. */
export interface EventProof {
  eventId: string;
  content: string;
  chain: number;
  seq: string;
  previousDigest: string;
  digest: string;
  day: string;
  leafIndex: number;
  path: Array<{ side: 'left' | 'right'; hash: string }>;
  published: PublishedDay;
}

/** Why a proof does not hold, step by step as the standalone verifier checks it. */
export type ProofFailure = 'EVENT' | 'CONTENT' | 'DIGEST' | 'POSITION' | 'PATH' | 'DAY' | 'SIGNATURE' | 'KEY' | 'NO_KEY' | 'UNSUPPORTED';

export type ProofCheck = { ok: true } | { ok: false; failure: ProofFailure };

const encoder = new TextEncoder();

function fromHex(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/.test(text)) return null;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const sha256 = async (...parts: Uint8Array[]) => new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts)));
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The text a day's signature covers (docs/ledger.md). */
export function dayText(day: PublishedDay): string {
  const heads = day.heads.map((head) => `${head.chain}:${head.seq}:${head.digest}`).join(',');
  return ['jejak-ledger-day/1', day.day, String(day.events), day.root, day.previousRoot ?? '', heads].join('\n');
}

/**
 * The sides of the path from leaf `index` in a tree of `size` leaves (RFC 6962's shape, as the
 * ledger builds it level by level): a path that fits another position or size is refused.
 */
export function pathSides(index: number, size: number): Array<'left' | 'right'> {
  const sides: Array<'left' | 'right'> = [];
  for (let i = index, n = size; n > 1; i = Math.floor(i / 2), n = Math.ceil(n / 2)) {
    if (i % 2 === 1) sides.push('left');
    else if (i + 1 < n) sides.push('right');
  }
  return sides;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Whether the day's signature holds under `keyPem`, and the key's id (the first 16 hex digits of its SHA-256). */
async function signatureHolds(day: PublishedDay, keyPem: string): Promise<{ valid: boolean; keyId: string }> {
  const der = fromBase64(keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  const keyId = hex(await sha256(der)).slice(0, 16);
  const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
  return { valid: await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(day.signature), encoder.encode(dayText(day))), keyId };
}

/**
 * Checks a proof against a day's published root in the browser, as
 * `scripts/verify-ledger-proof.mjs` does: the content gives the sealed digest, the path leads
 * from that leaf to the day's root, and the day's text carries a valid Ed25519 signature.
 */
export async function checkProof(proof: EventProof, day: PublishedDay, eventId: string): Promise<ProofCheck> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return { ok: false, failure: 'UNSUPPORTED' };
  const fail = (failure: ProofFailure): ProofCheck => ({ ok: false, failure });
  if (proof.eventId !== eventId) return fail('EVENT');
  let content: unknown;
  try {
    content = JSON.parse(proof.content);
  } catch {
    return fail('CONTENT');
  }
  if (!Array.isArray(content) || content[0] !== 'jejak-event/1' || content[1] !== proof.eventId) return fail('CONTENT');
  const previous = fromHex(proof.previousDigest);
  const sealed = fromHex(proof.digest);
  if (!previous || !sealed) return fail('DIGEST');
  const digest = await sha256(previous, await sha256(encoder.encode(proof.content)));
  if (!same(digest, sealed)) return fail('DIGEST');
  if (day.day !== proof.day) return fail('DAY');
  const sides = pathSides(proof.leafIndex, day.events);
  if (!Number.isInteger(proof.leafIndex) || proof.leafIndex < 0 || proof.leafIndex >= day.events || sides.join() !== proof.path.map((step) => step.side).join()) {
    return fail('POSITION');
  }
  let node = await sha256(Uint8Array.of(0), digest);
  for (const step of proof.path) {
    const sibling = fromHex(step.hash);
    if (!sibling) return fail('PATH');
    node = step.side === 'left' ? await sha256(Uint8Array.of(1), sibling, node) : await sha256(Uint8Array.of(1), node, sibling);
  }
  const root = fromHex(day.root);
  if (!root || !same(node, root)) return fail('PATH');
  if (!day.publicKey) return fail('NO_KEY');
  try {
    const { valid, keyId } = await signatureHolds(day, day.publicKey);
    if (!valid) return fail('SIGNATURE');
    if (keyId !== day.keyId) return fail('KEY');
  } catch (error) {
    // A browser without Ed25519 in WebCrypto cannot tell: that is not a forged signature.
    return fail((error as Error).name === 'NotSupportedError' ? 'UNSUPPORTED' : 'SIGNATURE');
  }
  return { ok: true };
}

/** An event's proof, and its day as published at the public address (not the copy inside the proof). */
export async function fetchProof(token: string | null, eventId: string): Promise<{ proof: EventProof; day: PublishedDay }> {
  const proof = (await (await restFetch(`/api/ledger/events/${encodeURIComponent(eventId)}/proof`, token)).json()) as EventProof;
  const day = (await (await restFetch(`/api/ledger/days/${proof.day}`, null)).json()) as PublishedDay;
  return { proof, day };
}
