import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, canonicalEvent, chainDigest, contentHash, genesisDigest, leafHash, nodeHash } from './canonical.js';
import { blockedPath, MerkleRoot, MerkleTree, rootOf, type ProofStep } from './merkle.js';

const digest = (i: number) => createHash('sha256').update(`entry ${i}`).digest();
/** A path as text, side and hash of each step: compared as one string, thousands of paths stay quick. */
const pathText = (steps: ProofStep[]) => steps.map((step) => `${step.side}:${step.hash.toString('hex')}`).join(' ');

/** RFC 6962's definition, recursively: the left subtree holds the largest power of two below n. */
function rfcRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leafHash(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(rfcRoot(leaves.slice(0, k)), rfcRoot(leaves.slice(k)));
}

describe('the Merkle tree of a day', () => {
  it('has the root RFC 6962 defines, for every size up to 70', () => {
    for (let n = 0; n <= 70; n++) {
      const leaves = Array.from({ length: n }, (_, i) => digest(i));
      expect(new MerkleTree(leaves).root.equals(rfcRoot(leaves)), `${n} leaves`).toBe(true);
    }
    expect(new MerkleTree([]).root.equals(EMPTY_ROOT)).toBe(true);
  });

  it('has the same root taken one leaf at a time, at every size up to 300 and read at any point', () => {
    const running = new MerkleRoot();
    expect(running.root.equals(EMPTY_ROOT)).toBe(true);
    const leaves: Buffer[] = [];
    for (let n = 1; n <= 300; n++) {
      leaves.push(digest(n));
      running.add(digest(n));
      expect(running.root.equals(rfcRoot(leaves)), `${n} leaves`).toBe(true);
    }
    expect(running.size).toBe(300);
  });

  it('keeps the root of each block of leaves, from which every leaf has the path of the whole tree', () => {
    const sizes = new Set([...Array.from({ length: 34 }, (_, n) => n), 63, 64, 65, 127, 150]);
    for (const size of [1, 2, 4, 8, 16]) {
      const running = new MerkleRoot(size);
      const leaves: Buffer[] = [];
      for (let n = 1; n <= 150; n++) {
        leaves.push(digest(n));
        running.add(digest(n));
        if (!sizes.has(n)) continue;
        const blocks = running.blocks;
        expect(blocks).toHaveLength(Math.ceil(n / size));
        const tree = new MerkleTree(leaves);
        expect(MerkleTree.ofNodes(blocks).root.equals(tree.root), `${n} leaves in blocks of ${size}`).toBe(true);
        for (let i = 0; i < n; i++) {
          const start = i - (i % size);
          expect(pathText(blockedPath(i, size, leaves.slice(start, start + size), blocks)), `leaf ${i} of ${n} in blocks of ${size}`).toBe(pathText(tree.path(i)));
        }
      }
    }
    expect(new MerkleRoot(4).blocks).toEqual([]);
  });

  it('proves every leaf, and no other digest, into its root', () => {
    for (const n of [1, 2, 3, 5, 8, 13, 33]) {
      const leaves = Array.from({ length: n }, (_, i) => digest(i));
      const tree = new MerkleTree(leaves);
      for (let i = 0; i < n; i++) {
        expect(rootOf(leaves[i]!, tree.path(i)).equals(tree.root), `leaf ${i} of ${n}`).toBe(true);
        expect(rootOf(digest(n + i), tree.path(i)).equals(tree.root)).toBe(false);
      }
      expect(() => tree.path(n)).toThrow(RangeError);
    }
  });
});

describe('the canonical content of an event', () => {
  const event = {
    id: '42',
    type: 'SHIPPED',
    at: new Date('2026-11-29T03:04:05.678Z'),
    recordedAt: new Date('2026-11-29T03:04:06Z'),
    facilityId: '0F0E6C7A-1111-4222-8333-444455556666',
    counterpartyId: null,
    reason: null,
    parentId: null,
    latitude: -6.2,
    longitude: 106.816666,
    units: 2,
    shipmentId: null,
    userId: null,
    apiKeyId: null,
    source: 'API',
    packIds: ['100', '9', '11'],
  };

  it('is one JSON array in a fixed order, packs by number, UUIDs in lower case', () => {
    expect(canonicalEvent(event)).toBe(
      '["jejak-event/1","42","SHIPPED","2026-11-29T03:04:05.678Z","2026-11-29T03:04:06.000Z","0f0e6c7a-1111-4222-8333-444455556666",' +
        'null,null,null,-6.2,106.816666,2,null,null,null,"API",["9","11","100"]]',
    );
  });

  it('chains: each digest covers the one before and the content', () => {
    const first = chainDigest(genesisDigest(3), contentHash(event));
    expect(first.equals(createHash('sha256').update(genesisDigest(3)).update(contentHash(event)).digest())).toBe(true);
    expect(chainDigest(genesisDigest(4), contentHash(event)).equals(first)).toBe(false);
    expect(chainDigest(genesisDigest(3), contentHash({ ...event, packIds: ['9', '11'] })).equals(first)).toBe(false);
  });
});
