#!/usr/bin/env node
// Checks a Jejak ledger proof on its own: no Jejak code, only Node's crypto. Usage:
//   node scripts/verify-ledger-proof.mjs <proof> [<day>] [--key <public-key.pem>]
// <proof> is the answer of GET /api/ledger/events/{id}/proof, <day> that of
// GET /api/ledger/days/{YYYY-MM-DD} as you obtained it yourself (else the copy inside the proof is
// used), each a file or an http(s) address (JEJAK_TOKEN, if set, is sent as the bearer token).
// --key names the public key you trust (else the day's own). Exit 0: the event is in that signed
// root; exit 1: it is not, and the step that failed is said. The hashing is in docs/ledger.md.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const hex = (text, what) => {
  if (typeof text !== 'string' || !/^([0-9a-f]{2})+$/.test(text)) throw new Failure(`${what} is not hexadecimal`);
  return Buffer.from(text, 'hex');
};

class Failure extends Error {}

async function load(where) {
  if (/^https?:\/\//.test(where)) {
    const headers = process.env.JEJAK_TOKEN ? { authorization: `Bearer ${process.env.JEJAK_TOKEN}` } : {};
    const response = await fetch(where, { headers });
    if (!response.ok) throw new Failure(`${where} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
  return JSON.parse(await readFile(where, 'utf8'));
}

function dayText(day) {
  const heads = day.heads.map((head) => `${head.chain}:${head.seq}:${head.digest}`).join(',');
  return ['jejak-ledger-day/1', day.day, String(day.events), day.root, day.previousRoot ?? '', heads].join('\n');
}

function check(proof, day, keyPem) {
  let content;
  try {
    content = JSON.parse(proof.content);
  } catch {
    throw new Failure('the event content is not JSON');
  }
  if (content[0] !== 'jejak-event/1') throw new Failure(`the event content is of an unknown form (${content[0]})`);
  if (content[1] !== proof.eventId) throw new Failure(`the content is of event ${content[1]}, not of event ${proof.eventId}`);
  const digest = sha256(hex(proof.previousDigest, 'previousDigest'), sha256(proof.content));
  if (!digest.equals(hex(proof.digest, 'digest'))) throw new Failure('the event content does not give the digest sealed in its chain');
  // The path must be the one of its leaf's position in a tree of the day's size (RFC 6962's shape).
  if (day.day !== proof.day) throw new Failure(`the proof is for ${proof.day}, the root given is of ${day.day}`);
  const sides = [];
  for (let i = proof.leafIndex, n = day.events; n > 1; i = Math.floor(i / 2), n = Math.ceil(n / 2)) {
    if (i % 2 === 1) sides.push('left');
    else if (i + 1 < n) sides.push('right');
  }
  if (!Number.isInteger(proof.leafIndex) || proof.leafIndex < 0 || proof.leafIndex >= day.events || sides.join() !== proof.path.map((step) => step.side).join()) {
    throw new Failure(`the path does not fit leaf ${proof.leafIndex} of a day of ${day.events} events`);
  }
  let node = sha256(Buffer.from([0]), digest);
  for (const [i, step] of proof.path.entries()) {
    const sibling = hex(step.hash, `path step ${i + 1}`);
    if (step.side === 'left') node = sha256(Buffer.from([1]), sibling, node);
    else if (step.side === 'right') node = sha256(Buffer.from([1]), node, sibling);
    else throw new Failure(`path step ${i + 1} has no side`);
  }
  if (!node.equals(hex(day.root, 'the day root'))) throw new Failure(`the path leads to root ${node.toString('hex')}, not to the day's root ${day.root}`);
  const pem = keyPem ?? day.publicKey;
  if (!pem) throw new Failure('no public key to check the signature with: give one with --key');
  const key = createPublicKey(pem);
  if (!verify(null, Buffer.from(dayText(day)), key, Buffer.from(day.signature, 'base64'))) {
    throw new Failure("the day's signature does not match its contents under this key");
  }
  const keyId = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  return `OK: event ${proof.eventId} is leaf ${proof.leafIndex} of ${day.day} (${day.events} events), root ${day.root}, signed by key ${keyId}`;
}

async function main(args) {
  const keyAt = args.indexOf('--key');
  const keyFile = keyAt >= 0 ? args.splice(keyAt, 2)[1] : null;
  const [proofAt, dayAt] = args;
  if (!proofAt) {
    process.stderr.write('usage: node scripts/verify-ledger-proof.mjs <proof.json|URL> [<day.json|URL>] [--key <public-key.pem>]\n');
    return 2;
  }
  try {
    const proof = await load(proofAt);
    const day = dayAt ? await load(dayAt) : proof.published;
    const keyPem = keyFile ? await readFile(keyFile, 'utf8') : null;
    process.stdout.write(`${check(proof, day, keyPem)}\n`);
    return 0;
  } catch (error) {
    process.stdout.write(`NOT VERIFIED: ${error instanceof Failure ? error.message : error}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
