/**
 * GS1 DataMatrix (ECC 200, ISO/IEC 16022) without dependencies, for printing many codes fast:
 * FNC1 first, ASCII encodation (digit pairs packed), the smallest square symbol that holds the
 * data, Reed-Solomon error correction over GF(256), and the standard module placement. Images
 * for screens go through bwip-js (./image.ts); this draws label sheets by the hundred thousand.
 */

/** A square symbol: `size` × `size` modules, row by row from the top; 1 is dark. */
export interface DataMatrixSymbol {
  size: number;
  modules: Uint8Array;
}

interface SymbolSize {
  size: number;
  dataCodewords: number;
  eccCodewords: number;
  /** Data regions per side. */
  regions: number;
  /** Interleaved Reed-Solomon blocks. */
  blocks: number;
}

// The square sizes up to 52 × 52 (ISO/IEC 16022 table 7): ample for a GS1 element string.
const SIZES: readonly SymbolSize[] = [
  { size: 10, dataCodewords: 3, eccCodewords: 5, regions: 1, blocks: 1 },
  { size: 12, dataCodewords: 5, eccCodewords: 7, regions: 1, blocks: 1 },
  { size: 14, dataCodewords: 8, eccCodewords: 10, regions: 1, blocks: 1 },
  { size: 16, dataCodewords: 12, eccCodewords: 12, regions: 1, blocks: 1 },
  { size: 18, dataCodewords: 18, eccCodewords: 14, regions: 1, blocks: 1 },
  { size: 20, dataCodewords: 22, eccCodewords: 18, regions: 1, blocks: 1 },
  { size: 22, dataCodewords: 30, eccCodewords: 20, regions: 1, blocks: 1 },
  { size: 24, dataCodewords: 36, eccCodewords: 24, regions: 1, blocks: 1 },
  { size: 26, dataCodewords: 44, eccCodewords: 28, regions: 1, blocks: 1 },
  { size: 32, dataCodewords: 62, eccCodewords: 36, regions: 2, blocks: 1 },
  { size: 36, dataCodewords: 86, eccCodewords: 42, regions: 2, blocks: 1 },
  { size: 40, dataCodewords: 114, eccCodewords: 48, regions: 2, blocks: 1 },
  { size: 44, dataCodewords: 144, eccCodewords: 56, regions: 2, blocks: 1 },
  { size: 48, dataCodewords: 174, eccCodewords: 68, regions: 2, blocks: 1 },
  { size: 52, dataCodewords: 204, eccCodewords: 84, regions: 2, blocks: 2 },
];

const FNC1 = 232;
const PAD = 129;
const GS = 0x1d;

/** ASCII encodation of GS1 data: FNC1 first, a GS separator as FNC1, two digits in one codeword. */
export function encodeAscii(raw: string): number[] {
  const codewords = [FNC1];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const next = raw.charCodeAt(i + 1);
    if (isDigit(c) && isDigit(next)) {
      codewords.push(130 + (c - 48) * 10 + (next - 48));
      i++;
    } else if (c === GS) codewords.push(FNC1);
    else if (c < 128) codewords.push(c + 1);
    else throw new RangeError(`character ${c} cannot be carried in GS1 data`);
  }
  return codewords;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

// GF(256) with the prime polynomial x^8 + x^5 + x^3 + x^2 + 1 (0x12D).
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x12d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
const multiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

const generators = new Map<number, Uint8Array>();
/** The coefficients of (x − α¹)(x − α²)…(x − αⁿ), highest power first (its leading 1 left out). */
function generator(n: number): Uint8Array {
  let g = generators.get(n);
  if (!g) {
    let poly = [1];
    for (let i = 1; i <= n; i++) {
      const next = new Array<number>(poly.length + 1).fill(0);
      poly.forEach((coefficient, j) => {
        next[j]! ^= coefficient;
        next[j + 1]! ^= multiply(coefficient, EXP[i]!);
      });
      poly = next;
    }
    g = Uint8Array.from(poly.slice(1));
    generators.set(n, g);
  }
  return g;
}

/** The error correction codewords of one block: the remainder of data·xⁿ divided by the generator. */
function reedSolomon(data: readonly number[], n: number): number[] {
  const g = generator(n);
  const remainder = new Array<number>(n).fill(0);
  for (const codeword of data) {
    const factor = codeword ^ remainder[0]!;
    for (let i = 0; i < n - 1; i++) remainder[i] = remainder[i + 1]! ^ multiply(g[i]!, factor);
    remainder[n - 1] = multiply(g[n - 1]!, factor);
  }
  return remainder;
}

/** Data padded to the symbol's capacity, then error correction, blocks interleaved. */
function codewordsFor(data: number[], size: SymbolSize): number[] {
  const padded = [...data];
  if (padded.length < size.dataCodewords) padded.push(PAD);
  while (padded.length < size.dataCodewords) {
    // The 253-state randomising of pads (position counted from 1).
    const value = PAD + ((149 * (padded.length + 1)) % 253) + 1;
    padded.push(value > 254 ? value - 254 : value);
  }
  const eccPerBlock = size.eccCodewords / size.blocks;
  const all = [...padded, ...new Array<number>(size.eccCodewords).fill(0)];
  for (let block = 0; block < size.blocks; block++) {
    const blockData = padded.filter((_, i) => i % size.blocks === block);
    reedSolomon(blockData, eccPerBlock).forEach((codeword, i) => (all[size.dataCodewords + block + i * size.blocks] = codeword));
  }
  return all;
}

/** Places codewords in the mapping matrix (ISO/IEC 16022 annex F): 1 dark, 0 light. */
function place(codewords: readonly number[], nrow: number, ncol: number): Uint8Array {
  const bits = new Int8Array(nrow * ncol).fill(-1);
  const module = (row: number, col: number, codeword: number, bit: number) => {
    if (row < 0) {
      row += nrow;
      col += 4 - ((nrow + 4) % 8);
    }
    if (col < 0) {
      col += ncol;
      row += 4 - ((ncol + 4) % 8);
    }
    bits[row * ncol + col] = ((codewords[codeword] ?? 0) >> (8 - bit)) & 1;
  };
  const utah = (row: number, col: number, k: number) => {
    module(row - 2, col - 2, k, 1);
    module(row - 2, col - 1, k, 2);
    module(row - 1, col - 2, k, 3);
    module(row - 1, col - 1, k, 4);
    module(row - 1, col, k, 5);
    module(row, col - 2, k, 6);
    module(row, col - 1, k, 7);
    module(row, col, k, 8);
  };
  const corner = (k: number, cells: ReadonlyArray<readonly [number, number]>) => cells.forEach(([row, col], i) => module(row, col, k, i + 1));
  const corners = [
    (k: number) => corner(k, [[nrow - 1, 0], [nrow - 1, 1], [nrow - 1, 2], [0, ncol - 2], [0, ncol - 1], [1, ncol - 1], [2, ncol - 1], [3, ncol - 1]]),
    (k: number) => corner(k, [[nrow - 3, 0], [nrow - 2, 0], [nrow - 1, 0], [0, ncol - 4], [0, ncol - 3], [0, ncol - 2], [0, ncol - 1], [1, ncol - 1]]),
    (k: number) => corner(k, [[nrow - 3, 0], [nrow - 2, 0], [nrow - 1, 0], [0, ncol - 2], [0, ncol - 1], [1, ncol - 1], [2, ncol - 1], [3, ncol - 1]]),
    (k: number) => corner(k, [[nrow - 1, 0], [nrow - 1, ncol - 1], [0, ncol - 3], [0, ncol - 2], [0, ncol - 1], [1, ncol - 3], [1, ncol - 2], [1, ncol - 1]]),
  ];
  const unset = (row: number, col: number) => bits[row * ncol + col] === -1;
  let k = 0;
  let row = 4;
  let col = 0;
  do {
    if (row === nrow && col === 0) corners[0]!(k++);
    if (row === nrow - 2 && col === 0 && ncol % 4 !== 0) corners[1]!(k++);
    if (row === nrow - 2 && col === 0 && ncol % 8 === 4) corners[2]!(k++);
    if (row === nrow + 4 && col === 2 && ncol % 8 === 0) corners[3]!(k++);
    do {
      if (row < nrow && col >= 0 && unset(row, col)) utah(row, col, k++);
      row -= 2;
      col += 2;
    } while (row >= 0 && col < ncol);
    row += 1;
    col += 3;
    do {
      if (row >= 0 && col < ncol && unset(row, col)) utah(row, col, k++);
      row += 2;
      col -= 2;
    } while (row < nrow && col >= 0);
    row += 3;
    col += 1;
  } while (row < nrow || col < ncol);
  if (unset(nrow - 1, ncol - 1)) {
    bits[(nrow - 1) * ncol + ncol - 1] = 1;
    bits[(nrow - 2) * ncol + ncol - 2] = 1;
  }
  return Uint8Array.from(bits, (bit) => (bit === 1 ? 1 : 0));
}

/**
 * The GS1 DataMatrix of GS1 data in its raw form: element strings run together, a GS (ASCII 29)
 * after each variable-length value that is not last (parse().raw). Throws RangeError when the
 * data is too long for a 52 × 52 symbol.
 */
export function encodeGs1DataMatrix(raw: string): DataMatrixSymbol {
  const data = encodeAscii(raw);
  const size = SIZES.find((s) => s.dataCodewords >= data.length);
  if (!size) throw new RangeError(`${data.length} codewords do not fit in a 52 × 52 DataMatrix`);
  const region = (size.size - 2 * size.regions) / size.regions;
  const mapping = place(codewordsFor(data, size), region * size.regions, region * size.regions);
  const mappingSize = region * size.regions;
  const modules = new Uint8Array(size.size * size.size);
  for (let y = 0; y < size.size; y++) {
    const ry = y % (region + 2);
    for (let x = 0; x < size.size; x++) {
      const rx = x % (region + 2);
      let dark: number;
      if (rx === 0 || ry === region + 1) dark = 1; // the L-shaped finder
      else if (ry === 0) dark = rx % 2 === 0 ? 1 : 0; // the clock track along the top
      else if (rx === region + 1) dark = ry % 2 === 1 ? 1 : 0; // and down the right
      else {
        const my = Math.floor(y / (region + 2)) * region + ry - 1;
        const mx = Math.floor(x / (region + 2)) * region + rx - 1;
        dark = mapping[my * mappingSize + mx]!;
      }
      modules[y * size.size + x] = dark;
    }
  }
  return { size: size.size, modules };
}
