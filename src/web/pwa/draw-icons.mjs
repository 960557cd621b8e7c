// Draws the PWA icons into src/web/public/icons as real PNG files, with no dependencies
// and no network: a white «К» on the portal's blue. Run after changing the design:
//   node src/web/pwa/draw-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x19, 0x71, 0xc2];
const WHITE = [0xff, 0xff, 0xff];
const outDir = path.resolve(import.meta.dirname, '../public/icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The «К» as three strokes in a unit box (x, y in 0..1). */
const STROKES = [
  [
    [0.3, 0.24],
    [0.3, 0.76],
  ],
  [
    [0.34, 0.53],
    [0.68, 0.24],
  ],
  [
    [0.45, 0.45],
    [0.7, 0.76],
  ],
];
const STROKE_WIDTH = 0.115;

function insideGlyph(x, y) {
  return STROKES.some(([a, b]) => distanceToSegment(x, y, a, b) <= STROKE_WIDTH / 2);
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * Renders one icon with 4×4 supersampling.
 * @param {number} size pixels
 * @param {{ fullBleed: boolean, glyphScale: number }} options fullBleed for maskable and
 *   Apple icons (the platform applies its own mask); glyphScale shrinks the letter toward
 *   the centre so it stays inside a maskable icon's safe zone.
 */
function renderIcon(size, { fullBleed, glyphScale }) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (fullBleed || insideRoundedSquare(x, y, 0.22)) {
            background++;
            const gx = (x - 0.5) / glyphScale + 0.5;
            const gy = (y - 0.5) / glyphScale + 0.5;
            if (insideGlyph(gx, gy)) glyph++;
          }
        }
      }
      const total = samples * samples;
      const mix = background ? glyph / background : 0;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(BLUE[c] * (1 - mix) + WHITE[c] * mix);
      }
      pixels[offset + 3] = Math.round((background / total) * 255);
    }
  }
  return encodePng(size, size, pixels);
}

mkdirSync(outDir, { recursive: true });
const icons = [
  ['icon-192.png', 192, { fullBleed: false, glyphScale: 1 }],
  ['icon-512.png', 512, { fullBleed: false, glyphScale: 1 }],
  // Maskable: the safe zone is a centred circle of 80% diameter; the glyph fits in it.
  ['icon-maskable-512.png', 512, { fullBleed: true, glyphScale: 0.72 }],
  ['apple-touch-icon.png', 180, { fullBleed: true, glyphScale: 0.85 }],
];
for (const [name, size, options] of icons) {
  writeFileSync(path.join(outDir, name), renderIcon(size, options));
  console.log(`wrote ${path.join(outDir, name)}`);
}
