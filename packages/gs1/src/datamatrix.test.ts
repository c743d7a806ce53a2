import z from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { encodeAscii, encodeGs1DataMatrix, type DataMatrixSymbol } from './datamatrix.js';
import { parse } from './parse.js';

const { BinaryBitmap, DataMatrixReader, DecodeHintType, HybridBinarizer, RGBLuminanceSource } = z;

/** Reads a symbol back as a scanner would: drawn 4 pixels a module with a quiet zone, decoded by ZXing. */
function read(symbol: DataMatrixSymbol): string {
  const scale = 4;
  const quiet = 2;
  const width = (symbol.size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(width * width).fill(255);
  for (let y = 0; y < symbol.size; y++) {
    for (let x = 0; x < symbol.size; x++) {
      if (!symbol.modules[y * symbol.size + x]) continue;
      for (let dy = 0; dy < scale; dy++) pixels.fill(0, ((y + quiet) * scale + dy) * width + (x + quiet) * scale, ((y + quiet) * scale + dy) * width + (x + quiet + 1) * scale);
    }
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, width)));
  return new DataMatrixReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
}

/** ZXing answers GS1 data with FNC1 in first position as a leading GS. */
const expectReads = (symbol: DataMatrixSymbol, raw: string) => expect(read(symbol).replace(/^\u001d/, '')).toBe(raw);

// A deterministic stream of pseudo-random characters, so a failure names the same case again.
function* characters(seed: number) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./';
  for (let x = seed; ; ) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield alphabet[x % alphabet.length]!;
  }
}
const text = (seed: number, length: number) => {
  const stream = characters(seed);
  return Array.from({ length }, () => stream.next().value as string).join('');
};

describe('GS1 DataMatrix', () => {
  it('packs digit pairs and writes FNC1 first and for each GS', () => {
    expect(encodeAscii('0108992761111113\u001d10A')).toEqual([232, 131, 138, 229, 157, 191, 141, 141, 143, 232, 140, 66]);
  });

  it('is read back by ZXing, BPOM and GS1 codes alike', () => {
    for (const bracketed of [
      '(01)08992761111113(17)290831(10)B12345(21)ABCDEFGHJK1234',
      '(00)389927610000000012',
      '(90)DKL1234567890A1(10)B1(17)290831(21)X1',
      '(01)08992761111113(21)1',
    ]) {
      const parsed = parse(bracketed);
      expect(parsed.valid, bracketed).toBe(true);
      expectReads(encodeGs1DataMatrix(parsed.raw!), parsed.raw!);
    }
  });

  it('is read back at every size from 10 × 10 to 52 × 52, one data region or four, one block or two', () => {
    const sizes = new Set<number>();
    for (let length = 1; length <= 199; length++) {
      const raw = length % 2 === 1 ? `91${text(length, length)}` : `91${text(length, length - 7)}\u001d10${text(length + 7, 5)}`;
      const symbol = encodeGs1DataMatrix(raw);
      sizes.add(symbol.size);
      expectReads(symbol, raw);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([10, 12, 14, 16, 18, 20, 22, 24, 26, 32, 36, 40, 44, 48, 52]);
  });

  it('draws the finder and clock track where a reader looks for them', () => {
    const { size, modules } = encodeGs1DataMatrix('0108992761111113');
    const at = (x: number, y: number) => modules[y * size + x];
    for (let i = 0; i < size; i++) {
      expect(at(0, i)).toBe(1);
      expect(at(i, size - 1)).toBe(1);
      expect(at(i, 0)).toBe(i % 2 === 0 ? 1 : 0);
      expect(at(size - 1, i)).toBe(i % 2 === 1 || i === size - 1 ? 1 : 0);
    }
  });

  it('refuses data too long for a 52 × 52 symbol, and characters GS1 cannot carry', () => {
    expect(() => encodeGs1DataMatrix(`91${'A'.repeat(300)}`)).toThrow(RangeError);
    expect(() => encodeGs1DataMatrix('91é')).toThrow(RangeError);
  });
});
