// Draws the Token Radar icon (a radar sweep over a rounded square) at the sizes the manifest
// uses and writes public/icon/<size>.png. Run once after changing the design; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function draw(size) {
  const ss = 4; // supersampling per axis
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size; // 0..1
          const v = (y + (sy + 0.5) / ss) / size;
          const c = shade(u, v);
          for (let i = 0; i < 3; i++) acc[i] += (c[i] * c[3]) / 255;
          acc[3] += c[3];
        }
      }
      const o = (y * size + x) * 4;
      const a = acc[3] / (ss * ss);
      for (let i = 0; i < 3; i++) out[o + i] = a ? Math.round((acc[i] / (ss * ss)) * (255 / a)) : 0;
      out[o + 3] = Math.round(a);
    }
  }
  return out;
}

// Colours: deep blue tile, light rings, amber sweep and blip.
function shade(u, v) {
  const r = 0.2; // corner radius of the tile
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const cx = u - 0.5;
  const cy = v - 0.5;
  const d = Math.hypot(cx, cy);
  const ang = Math.atan2(cy, cx); // -pi..pi, 0 = east
  let col = [17, 58, 130];
  const ring = (rad) => Math.abs(d - rad) < 0.022;
  if (ring(0.36) || ring(0.23) || d < 0.035) col = [205, 224, 255];
  // sweep: a wedge from north-east, fading
  const start = -Math.PI / 2;
  let rel = ang - start;
  while (rel < 0) rel += 2 * Math.PI;
  if (d < 0.36 && rel < 1.1) {
    const k = 1 - rel / 1.1;
    col = col.map((c, i) => Math.round(c * (1 - 0.75 * k) + [255, 184, 28][i] * 0.75 * k));
  }
  if (Math.hypot(u - 0.66, v - 0.3) < 0.06) col = [255, 184, 28];
  return [...col, 255];
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  writeFileSync(`public/icon/${size}.png`, png(size, draw(size)));
}
console.log('wrote public/icon/{16,32,48,96,128}.png');
