// GS1 DataMatrix and GS1 QR Code images through bwip-js. A separate entry
// point (@jejak/gs1/image) so that the core package has no dependencies.
import bwipjs from 'bwip-js';
import type { Gs1Error } from './errors.js';
import { parse } from './parse.js';
import { toBracketed, toRaw } from './element-string.js';
import type { Element, Profile } from './types.js';

export type ImageSymbology = 'datamatrix' | 'qrcode';

export interface ImageOptions {
  /** GS1 DataMatrix (default) or GS1 QR Code. */
  symbology?: ImageSymbology;
  /** bwip-js scale: each module is 2 x scale pixels (SVG user units). Default 2. */
  scale?: number;
  /** Quiet zone in modules on every side. Default 1 for DataMatrix, 4 for QR Code. */
  quietZone?: number;
  /** Profile to check the content against; auto by default, as in parse(). */
  profile?: Profile;
}

/** Thrown when the content does not pass parse()'s checks. */
export class Gs1ImageError extends Error {
  readonly errors: Gs1Error[];
  constructor(errors: Gs1Error[]) {
    super(`Cannot encode invalid GS1 data: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
    this.name = 'Gs1ImageError';
    this.errors = errors;
  }
}

/**
 * Checks the content with parse() and returns the bwip-js options. The data
 * goes to bwip-js's datamatrix/qrcode encoders with FNC1 in first position
 * ("^FNC1" with parsefnc), which is what gs1datamatrix/gs1qrcode produce after
 * their own AI parsing, without bwip-js's GS1 linter (it refuses BPOM codes
 * keyed by (90)) and without its bracket syntax (exact for values holding
 * parentheses). Our own checks have already run.
 */
export function bwipOptions(input: string | readonly Element[], options: ImageOptions = {}) {
  const text = typeof input === 'string' ? input : toBracketed(input);
  const result = parse(text, options.profile ? { profile: options.profile } : undefined);
  if (!result.valid) throw new Gs1ImageError(result.errors);
  const symbology = options.symbology ?? 'datamatrix';
  if (symbology !== 'datamatrix' && symbology !== 'qrcode') throw new RangeError(`Unknown symbology ${String(symbology)}`);
  const quietZone = options.quietZone ?? (symbology === 'qrcode' ? 4 : 1);
  const data = `^FNC1${toRaw(result.elements).replace(/\u001d/g, '^FNC1')}`;
  return {
    bcid: symbology,
    text: data,
    parsefnc: true,
    dontlint: true,
    scale: options.scale ?? 2,
    padding: quietZone * 2,
  };
}

/** SVG image of a GS1 DataMatrix or GS1 QR Code (works in Node and browsers). */
export function toSvg(input: string | readonly Element[], options?: ImageOptions): string {
  return bwipjs.toSVG(bwipOptions(input, options));
}

/**
 * PNG image. In Node through bwip-js's toBuffer; in a browser through a canvas.
 */
export async function toPng(input: string | readonly Element[], options?: ImageOptions): Promise<Uint8Array> {
  const opts = bwipOptions(input, options);
  const lib = bwipjs as unknown as {
    toBuffer?: (o: typeof opts) => Promise<Uint8Array>;
    toCanvas?: (canvas: HTMLCanvasElement, o: typeof opts) => HTMLCanvasElement;
  };
  if (typeof lib.toBuffer === 'function') {
    const buf = await lib.toBuffer(opts);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  if (typeof lib.toCanvas === 'function' && typeof document !== 'undefined') {
    const canvas = lib.toCanvas(document.createElement('canvas'), opts);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The canvas could not produce a PNG');
    return new Uint8Array(await blob.arrayBuffer());
  }
  throw new Error('PNG rendering needs Node (bwip-js toBuffer) or a browser canvas; use toSvg elsewhere');
}
