import { EMPTY_ROOT, leafHash, nodeHash } from './canonical.js';

/**
 * A Merkle tree over leaves in order, shaped as RFC 6962's: the left subtree holds the largest
 * power of two below the count. Each level is kept, so that proofs are read off it.
 */
export class MerkleTree {
  private readonly levels: Buffer[][];

  /** A tree over leaf digests; `nodes` says they are hashed nodes already (see `ofNodes`). */
  constructor(digests: readonly Buffer[], nodes = false) {
    this.levels = [nodes ? [...digests] : digests.map(leafHash)];
    // Pairing level by level and carrying an odd last node up unchanged gives the same tree.
    for (let level = this.levels[0]!; level.length > 1; ) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i]!, level[i + 1]!) : level[i]!);
      this.levels.push(next);
      level = next;
    }
  }

  /** The tree above `nodes`, the roots of consecutive blocks of a larger tree (see `MerkleRoot.blocks`). */
  static ofNodes(nodes: readonly Buffer[]): MerkleTree {
    return new MerkleTree(nodes, true);
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  get root(): Buffer {
    return this.size === 0 ? EMPTY_ROOT : this.levels.at(-1)![0]!;
  }

  /** The sibling hashes from leaf `index` up to the root, each with the side it joins on. */
  path(index: number): ProofStep[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`no leaf ${index} in a tree of ${this.size}`);
    const steps: ProofStep[] = [];
    for (let level = 0, i = index; level < this.levels.length - 1; level++, i = Math.floor(i / 2)) {
      const nodes = this.levels[level]!;
      const sibling = i % 2 === 0 ? i + 1 : i - 1;
      if (sibling < nodes.length) steps.push({ side: i % 2 === 0 ? 'right' : 'left', hash: nodes[sibling]! });
    }
    return steps;
  }
}

/** Leaves in a block of a published day: its tree keeps each block's root, so that a proof reads one block of entries. */
export const BLOCK_LEAVES = 4096;

/**
 * The root of the same tree, taken one leaf at a time in memory that grows with the logarithm of
 * the count: a stack of the roots of the perfect subtrees so far, as many leaves each as the
 * powers of two of the count, two of a size joined as soon as they meet. A day of millions of
 * events is published and checked without holding its leaves. On the way it keeps the root of
 * each block of `blockLeaves` (a power of two) leaves: the tree's nodes at that height.
 */
export class MerkleRoot {
  private readonly stack: Array<{ hash: Buffer; leaves: number }> = [];
  private readonly full: Buffer[] = [];
  private count = 0;

  constructor(private readonly blockLeaves = BLOCK_LEAVES) {}

  add(digest: Buffer): void {
    let top = { hash: leafHash(digest), leaves: 1 };
    for (;;) {
      if (top.leaves === this.blockLeaves) this.full.push(top.hash);
      if (this.stack.at(-1)?.leaves !== top.leaves) break;
      const left = this.stack.pop()!;
      top = { hash: nodeHash(left.hash, top.hash), leaves: left.leaves * 2 };
    }
    this.stack.push(top);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  get root(): Buffer {
    return this.stack.length === 0 ? EMPTY_ROOT : joined(this.stack);
  }

  /** The root of each block, the last one of the leaves past the last full block. */
  get blocks(): Buffer[] {
    const rest = this.stack.filter((subtree) => subtree.leaves < this.blockLeaves);
    return rest.length ? [...this.full, joined(rest)] : [...this.full];
  }
}

/** Subtrees joined from the right: the left one of each join is the largest power of two, as RFC 6962 has it. */
function joined(subtrees: ReadonlyArray<{ hash: Buffer }>): Buffer {
  let hash = subtrees.at(-1)!.hash;
  for (let i = subtrees.length - 2; i >= 0; i--) hash = nodeHash(subtrees[i]!.hash, hash);
  return hash;
}

/**
 * The path of leaf `index` in a tree kept as its block roots: up through its block, from the
 * block's leaves (`blockDigests`), then from the block to the root. Blocks start at multiples of
 * their size, so each is a subtree of the whole, the last one too.
 */
export function blockedPath(index: number, blockLeaves: number, blockDigests: readonly Buffer[], blockRoots: readonly Buffer[]): ProofStep[] {
  return [...new MerkleTree(blockDigests).path(index % blockLeaves), ...MerkleTree.ofNodes(blockRoots).path(Math.floor(index / blockLeaves))];
}

export interface ProofStep {
  /** Which side the sibling is on. */
  side: 'left' | 'right';
  hash: Buffer;
}

/** The root a leaf's path leads to. */
export function rootOf(digest: Buffer, steps: readonly ProofStep[]): Buffer {
  return steps.reduce((hash, step) => (step.side === 'left' ? nodeHash(step.hash, hash) : nodeHash(hash, step.hash)), leafHash(digest));
}
