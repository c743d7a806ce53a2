import { inflateSync } from 'node:zlib';
import { BinaryBitmap, Code128Reader, DataMatrixReader, DecodeHintType, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';

/** A greyscale image: one byte of luminance per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  luma: Uint8ClampedArray;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads the PNG a browser screenshot gives (8 bits per sample, greyscale, RGB or RGBA, not
 * interlaced) into luminance.
 */
export function readPng(png: Buffer): GreyImage {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour!] ?? 0;
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predicted =
        filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
      pixels[y * stride + x] = (line[x]! + predicted) & 0xff;
    }
  }
  const luma = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    luma[i] = channels < 3 ? pixels[p]! : Math.round(0.299 * pixels[p]! + 0.587 * pixels[p + 1]! + 0.114 * pixels[p + 2]!);
  }
  return { width, height, luma };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes the one barcode in a screenshot with ZXing, as a receiver's scanner would read the
 * printed note: its text with GS (ASCII 29) for FNC1, without the leading FNC1 of GS1 data.
 */
export function decodeBarcode(png: Buffer, format: 'DATA_MATRIX' | 'CODE_128'): string {
  const image = readPng(png);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.luma, image.width, image.height)));
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  const reader = format === 'DATA_MATRIX' ? new DataMatrixReader() : new Code128Reader();
  return reader.decode(bitmap, hints).getText().replace(/^\u001d/, '');
}
