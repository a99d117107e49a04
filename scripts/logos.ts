/**
 * Draws the app's logos (assets/logo.png 128x128, assets/logo-small.png 32x32): an upward arrow, white on
 * Zendesk blue, in a rounded square. PNG written by hand with node:zlib, so no image dependency.
 * Run: `npx tsx scripts/logos.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const BLUE: Rgba = [0x1f, 0x73, 0xb7, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The colour at a point of the unit square (0..1 both ways, y down). */
function paint(x: number, y: number): Rgba {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const shaft = x >= 0.42 && x <= 0.58 && y >= 0.45 && y <= 0.8;
  const head = y >= 0.18 && y <= 0.5 && Math.abs(x - 0.5) <= ((y - 0.18) / 0.32) * 0.27;
  return shaft || head ? WHITE : BLUE;
}

/** Renders `size` x `size` pixels, each the average of 4x4 samples so edges are smooth. */
function render(size: number): Buffer {
  const n = 4;
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          // Premultiply so transparent samples do not darken the edge.
          for (let i = 0; i < 3; i++) sum[i] = (sum[i] ?? 0) + (c[i] ?? 0) * (c[3] / 255);
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      const alpha = (sum[3] ?? 0) / (n * n);
      const at = py * rowBytes + 1 + px * 4;
      for (let i = 0; i < 3; i++) {
        raw[at + i] = alpha ? Math.round(((sum[i] ?? 0) / (n * n)) * (255 / alpha)) : 0;
      }
      raw[at + 3] = Math.round(alpha);
    }
  }
  return raw;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A PNG file: 8-bit RGBA, one IDAT. */
export function png(size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = join(import.meta.dirname, '../assets');
writeFileSync(join(dir, 'logo.png'), png(128));
writeFileSync(join(dir, 'logo-small.png'), png(32));
console.log('wrote assets/logo.png (128x128) and assets/logo-small.png (32x32)');
