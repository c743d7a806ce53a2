import bwipjs from 'bwip-js';

/** The modules of a GS1 DataMatrix, row by row from the top; true is dark. */
export function gs1DataMatrix(bracketed: string): boolean[][] {
  // dontlint: bwip-js's GS1 linter refuses BPOM codes keyed by (90) without (01). (Its typings
  // do not list the option, hence the options string.)
  const [symbol] = bwipjs.raw('gs1datamatrix', bracketed, 'dontlint');
  if (!symbol || !('pixs' in symbol)) throw new Error('bwip-js drew no two-dimensional symbol');
  const rows: boolean[][] = [];
  for (let y = 0; y < symbol.pixy; y++) {
    rows.push(Array.from({ length: symbol.pixx }, (_, x) => symbol.pixs[y * symbol.pixx + x] === 1));
  }
  return rows;
}

export interface Y4mOptions {
  width?: number;
  height?: number;
  frames?: number;
  /** Share of the frame's height the symbol (with its quiet zone) takes. Default 0.7. */
  fill?: number;
}

/**
 * A Y4M video (what Chromium's `--use-file-for-fake-video-capture` plays as the webcam) showing
 * the symbol centred on white paper: 4:2:0, the symbol drawn into the luma plane with a quiet
 * zone of two modules, both chroma planes at 128 (grey).
 */
export function y4mOf(modules: boolean[][], options: Y4mOptions = {}): Buffer {
  const { width = 640, height = 480, frames = 5, fill = 0.7 } = options;
  const size = modules.length;
  const quiet = 2;
  const scale = Math.max(2, Math.floor((height * fill) / (size + 2 * quiet)));
  const symbolPixels = size * scale;
  const left = Math.floor((width - symbolPixels) / 2);
  const top = Math.floor((height - symbolPixels) / 2);

  const luma = Buffer.alloc(width * height, 235); // paper, a little below full white
  for (let y = 0; y < symbolPixels; y++) {
    const row = modules[Math.floor(y / scale)]!;
    for (let x = 0; x < symbolPixels; x++) {
      if (row[Math.floor(x / scale)]) luma[(top + y) * width + left + x] = 20; // ink
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'latin1');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'latin1'), luma, chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}
