// Draws the icons of the installable verification page (public/icons/*.png): a white tick in a
// white ring on Jejak's teal. Run once after changing the drawing: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from p to the segment a–b. */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * The drawing in unit coordinates (0–1): background, ring, tick. `inset` shrinks the drawing
 * (a maskable icon keeps its content inside the middle 80 %); `rounded` cuts the corners.
 */
function shade(u, v, { inset, rounded }) {
  if (rounded) {
    const r = 0.18;
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    if (Math.hypot(u - cx, v - cy) > r) return null;
  }
  const x = (u - 0.5) / inset + 0.5;
  const y = (v - 0.5) / inset + 0.5;
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.34) < 0.045;
  const tick = segment(x, y, 0.33, 0.51, 0.45, 0.63) < 0.05 || segment(x, y, 0.45, 0.63, 0.68, 0.38) < 0.05;
  return ring || tick ? WHITE : TEAL;
}

function icon(size, options) {
  const samples = 4;
  return png(size, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const colour = shade((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size, options);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    const n = samples * samples;
    return a ? [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / n) * 255)] : [0, 0, 0, 0];
  });
}

for (const size of [192, 512]) writeFileSync(path.join(OUT, `verify-${size}.png`), icon(size, { inset: 1, rounded: true }));
writeFileSync(path.join(OUT, 'verify-maskable-512.png'), icon(512, { inset: 0.75, rounded: false }));
writeFileSync(path.join(OUT, 'verify-apple-180.png'), icon(180, { inset: 0.9, rounded: false }));
