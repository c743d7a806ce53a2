import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIdentifier, eventHashId, namespacesOf, preHashString, type EventHashContext } from './event-hash.js';

type JsonObject = { [key: string]: unknown };

const FIXTURES = new URL('./fixtures/event-hash/', import.meta.url);
const NI = /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/;

/** Pre-hash lines older than the hash beside them (fixtures/event-hash/README.md): checked by hash only. */
const STALE_PREHASHES = new Set(['epcisDocWithCustomSchemaInContext #2', 'epcisDocWithDefaultSchemaInContext #2']);

interface Reference {
  readonly name: string;
  readonly event: JsonObject;
  readonly context: EventHashContext;
  readonly hash: string;
  readonly prehash: string | undefined;
}

function fixture(name: string): string | undefined {
  try {
    return readFileSync(new URL(name, FIXTURES), 'utf8');
  } catch {
    return undefined;
  }
}

const linesOf = (text: string | undefined): string[] => (text === undefined || text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * The namespaces of the document, and the fields the reference implementation leaves out on a
 * document's word: its own (non-standard) `ignoreFields` list in the namespace
 * https://repository-x.example.com/, which a repository uses for fields it adds itself.
 */
function contextOf(document: JsonObject): EventHashContext {
  const namespaces = namespacesOf(document['@context']);
  const ignoreFields = Object.entries(document).find(([key]) => {
    const [prefix = '', local] = key.split(':');
    return local === 'ignoreFields' && namespaces[prefix] === 'https://repository-x.example.com/';
  });
  return { namespaces, ignoredFields: ignoreFields?.[1] as string[] | undefined };
}

function eventsOf(document: JsonObject): JsonObject[] {
  const body = document.epcisBody as { eventList?: JsonObject[]; event?: JsonObject };
  return body.eventList ?? (body.event ? [body.event] : []);
}

const DOCUMENTS = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.jsonld'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.jsonld$/, '');
    const document = JSON.parse(fixture(file)!) as JsonObject;
    return { name, document, hashes: linesOf(fixture(`${name}.hashes`)), prehashes: linesOf(fixture(`${name}.prehashes`)) };
  });

const REFERENCES: Reference[] = DOCUMENTS.flatMap(({ name, document, hashes, prehashes }) =>
  eventsOf(document).map((event, i) => ({
    name: `${name} #${i + 1}`,
    event,
    context: contextOf(document),
    hash: hashes[i]!,
    prehash: prehashes[i],
  })),
);

const sha256 = (text: string): string => `ni:///sha-256;${createHash('sha256').update(text, 'utf8').digest('hex')}?ver=CBV2.0`;
const reference = (name: string): Reference => REFERENCES.find((r) => r.name === name)!;

/** A copy of `value` with `change` applied to every string or number found at any depth. */
function mapLeaves(value: unknown, change: (leaf: string | number, path: string[]) => unknown, path: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((entry, i) => mapLeaves(entry, change, [...path, String(i)]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mapLeaves(entry, change, [...path, key])]));
  }
  return typeof value === 'string' || typeof value === 'number' ? change(value, path) : value;
}

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((entry, i) => leafPaths(entry, [...path, String(i)]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, entry]) => leafPaths(entry, [...path, key]));
  return [path];
}

/** A copy of `value` with the keys of every object and the entries of every list in another order. */
function shuffled(value: unknown, random: () => number): unknown {
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  if (Array.isArray(value)) return shuffle(value.map((entry) => shuffled(entry, random)));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(shuffle(Object.entries(value)).map(([key, entry]) => [key, shuffled(entry, random)]));
  }
  return value;
}

/** mulberry32: a small seeded generator, so that fast-check can shrink and replay a failing order. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reference examples', () => {
  it('has one hash for every event of every reference document', () => {
    for (const { name, document, hashes } of DOCUMENTS) expect(eventsOf(document).length, name).toBe(hashes.length);
    expect(REFERENCES).toHaveLength(14);
  });

  it('has pre-hash lines that hash to the hashes beside them, but for the stale ones', () => {
    for (const { name, prehash, hash } of REFERENCES.filter((r) => r.prehash !== undefined)) {
      expect(sha256(prehash!) === hash, name).toBe(!STALE_PREHASHES.has(name));
    }
  });

  it.each(REFERENCES.map((r) => [r.name, r] as const))('%s', (_name, { name, event, context, hash, prehash }) => {
    if (prehash !== undefined && !STALE_PREHASHES.has(name)) expect(preHashString(event, context)).toBe(prehash);
    expect(eventHashId(event, context)).toBe(hash);
  });
});

describe('the same event written differently', () => {
  it('gives the same hash with its fields and lists in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REFERENCES), fc.integer(), ({ event, context, hash }, seed) => {
        expect(eventHashId(shuffled(event, seeded(seed)), context)).toBe(hash);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same hash with GS1 Digital Links instead of EPC URIs', () => {
    const { event, context, hash } = reference('ReferenceEventHashAlgorithm3 #1');
    const digitalLinks: Record<string, string> = {
      'urn:epc:id:sgtin:0614141.011111.987': 'https://brand.example.com/gtin/0614141111114/10/LOT9/21/987?17=261231',
      'urn:epc:id:sgln:4012345.00011.0': 'https://id.gs1.org/414/4012345000115',
      'urn:epc:id:gdti:4012345.11111.123': 'http://example.org/253/4012345111118123',
      'urn:epc:id:pgln:4012345.00000': 'https://id.gs1.org/party/4012345000009',
      'urn:epc:id:pgln:0614141.00000': 'https://id.gs1.de/417/0614141000005/',
    };
    const rewritten = mapLeaves(event, (leaf) => (typeof leaf === 'string' ? (digitalLinks[leaf] ?? leaf) : leaf));
    expect(JSON.stringify(rewritten)).not.toContain('urn:epc:');
    expect(eventHashId(rewritten, context)).toBe(hash);
  });

  it('gives the same hash with every identifier already in its canonical form', () => {
    for (const { name, event, context, hash } of REFERENCES) {
      const canonical = mapLeaves(event, (leaf) => (typeof leaf === 'string' ? (canonicalIdentifier(leaf) ?? leaf) : leaf));
      expect(eventHashId(canonical, context), name).toBe(hash);
    }
  });

  it('gives the same hash for the same instant written in another offset or precision', () => {
    const { event, context } = reference('ReferenceEventHashAlgorithm #1');
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
        fc.constantFrom('none', '', '0', '000', '0000000'),
        (instant, offsetMinutes, padding) => {
          // 'none': whole seconds written without a fraction; otherwise milliseconds, then more zeros.
          const at = new Date(padding === 'none' ? instant - (instant % 1000) : instant);
          const local = new Date(at.getTime() + offsetMinutes * minute).toISOString().slice(0, padding === 'none' ? 19 : 23);
          const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
          const inOffset = { ...event, eventTime: `${local}${padding === 'none' ? '' : padding}${offset}` };
          const inUtc = { ...event, eventTime: at.toISOString() };
          expect(eventHashId(inOffset, context)).toBe(eventHashId(inUtc, context));
        },
      ),
    );
    expect(eventHashId({ ...event, eventTime: '2020-03-04T05:00:30-05:00' }, context)).toBe(reference('ReferenceEventHashAlgorithm #1').hash);
  });

  it('gives the same hash whatever the document calls the namespace of its user extensions', () => {
    const { event, hash } = reference('ReferenceEventHashAlgorithm #1');
    const renamed = JSON.parse(JSON.stringify(event).replaceAll('"example:', '"ex:')) as JsonObject;
    expect(eventHashId(renamed, { namespaces: { ex: 'https://ns.example.com/epcis/' } })).toBe(hash);
    expect(eventHashId({ ...renamed, '@context': { ex: 'https://ns.example.com/epcis/' } })).toBe(hash);
  });
});

describe('a changed event', () => {
  /** Fields whose values the Event Hash ID leaves out. */
  const outside = (path: string[], context: EventHashContext): boolean =>
    ['eventID', 'recordTime', 'errorDeclaration', 'rdfs:comment', ...(context.ignoredFields ?? [])].includes(path[0]!);

  it('gets another hash when any value the Event Hash ID covers changes, and the same hash otherwise', () => {
    let changed = 0;
    for (const { name, event, context, hash } of REFERENCES) {
      for (const path of leafPaths(event)) {
        const target = path.join('/');
        const edited = mapLeaves(event, (leaf, at) => (at.join('/') !== target ? leaf : typeof leaf === 'number' ? leaf + 1 : `${leaf}1`));
        const expectation = expect(eventHashId(edited, context), `${name}: ${target}`);
        if (outside(path, context)) expectation.toBe(hash);
        else {
          expectation.not.toBe(hash);
          changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan(150);
  });

  it('gets another hash when a field is added or removed', () => {
    const { event, context, hash } = reference('ReferenceEventHashAlgorithm3 #1');
    expect(eventHashId({ ...event, bizLocation: { id: 'urn:epc:id:sgln:4012345.00011.0' } }, context)).not.toBe(hash);
    expect(eventHashId({ ...event, 'example:another': 'x' }, context)).not.toBe(hash);
    const { disposition: _gone, ...withoutDisposition } = event;
    expect(eventHashId(withoutDisposition, context)).not.toBe(hash);
  });
});

describe('odd input', () => {
  const KEYS = [
    'type', 'eventTime', 'eventTimeZoneOffset', 'certificationInfo', 'parentID', 'epcList', 'childEPCs', 'quantityList', 'action',
    'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation', 'bizTransactionList', 'sourceList',
    'destinationList', 'sensorElementList', 'ilmd', 'example:field', '@context', 'constructor', '__proto__',
  ];

  it('never throws and always answers an ni URI', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue(), { maxKeys: 12 })),
        fc.option(fc.record({ namespaces: fc.dictionary(fc.string(), fc.string()), ignoredFields: fc.array(fc.string()) })),
        (event, context) => {
          expect(eventHashId(event, context ?? undefined)).toMatch(NI);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hashes an event with nothing in it', () => {
    expect(preHashString({})).toBe('');
    expect(preHashString(null)).toBe('');
    expect(eventHashId({})).toBe(sha256(''));
  });
});
