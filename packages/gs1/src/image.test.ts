import bwipjs from 'bwip-js';
import { describe, expect, test } from 'vitest';
import { Gs1ImageError, bwipOptions, toPng, toSvg } from './image.js';

/** bwip-js options beyond its typings (dontlint is a BWIPP option). */
const gs1Raw = (bcid: string, text: string) => JSON.stringify(bwipjs.raw({ bcid, text, dontlint: true } as Parameters<typeof bwipjs.raw>[0]));

const BPOM = '(90)DBL0204127763A1(10)try019(17)250810(21)P000000000002713';

describe('images', () => {
  test('renders an SVG GS1 DataMatrix for a BPOM code', () => {
    const svg = toSvg(BPOM);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
  });

  test('renders an SVG GS1 QR Code from elements', () => {
    const svg = toSvg([{ ai: '01', value: '09520123456788' }, { ai: '21', value: 'A(1)' }], { symbology: 'qrcode' });
    expect(svg.startsWith('<svg')).toBe(true);
  });

  test('renders a PNG in Node', async () => {
    const png = await toPng(BPOM, { symbology: 'qrcode', scale: 3 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  test('encodes the same symbol as bwip-js gs1datamatrix / gs1qrcode', () => {
    const gs1 = '(01)09520123456788(10)AB(21)X';
    for (const [ours, theirs] of [
      ['datamatrix', 'gs1datamatrix'],
      ['qrcode', 'gs1qrcode'],
    ] as const) {
      const o = bwipOptions(gs1, { symbology: ours });
      expect(JSON.stringify(bwipjs.raw(o))).toBe(gs1Raw(theirs, gs1));
    }
    // BPOM code: same symbol as gs1datamatrix with its linter off.
    expect(JSON.stringify(bwipjs.raw(bwipOptions(BPOM)))).toBe(gs1Raw('gs1datamatrix', BPOM));
  });

  test('refuses invalid data with our errors', () => {
    expect(() => toSvg('(90)DBL0204127763A1(17)251300')).toThrow(Gs1ImageError);
    try {
      toSvg('(21)X');
    } catch (err) {
      expect((err as Gs1ImageError).errors.map((e) => e.code)).toEqual(['MISSING_REQUIRED_AI']);
    }
  });
});
