#!/usr/bin/env node
/**
 * Draws the AccountDesk icons into assets/: a rounded green tile with a white ascending bar chart
 * and, from 32 px up, a small upward arrow. Run `node scripts/makeIcons.js` after changing the
 * design; the PNGs are committed (the manifest and the build read them from assets/).
 *
 * Every size is drawn for its own pixel grid, not scaled from one master: bar edges are snapped to
 * whole pixels so the 16 px icon stays sharp, and everything else (tile corners, the arrow) is
 * anti-aliased by 16×16 supersampling. Padding follows the Office ribbon icon guidelines
 * (learn.microsoft.com/office/dev/add-ins/design/add-in-icons); colours are flat, as they ask.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

/** Ribbon sizes the manifest can use (16, 32, 80 required; 20, 24, 40, 48, 64 optional) plus 128 for listings. */
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
/** Canvas padding per size, from the Office icon guidelines (128 extrapolated: 1/16 of the canvas). */
const PADDING = { 16: 0, 20: 1, 24: 1, 32: 2, 40: 2, 48: 3, 64: 4, 80: 5, 128: 8 };
/** Smallest size that shows the arrow; below it three bars read better than four shapes. */
const ARROW_FROM = 32;

const TILE = [0x10, 0x7c, 0x41]; // Excel green (Fluent brand colour for Excel)
const MARK = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 16;

/**
 * The drawing for one size, in pixel coordinates of that canvas.
 * The design is laid out on a 16-unit grid (the 16 px icon is the grid itself) and scaled.
 */
function layout(size) {
  const pad = PADDING[size] ?? Math.round(size / 16);
  const tile = size - 2 * pad;
  const s = tile / 16;
  const barW = Math.max(2, Math.round(2 * s));
  const gapW = Math.max(1, Math.round(2 * s));
  const groupW = 3 * barW + 2 * gapW;
  const left = pad + Math.floor((tile - groupW) / 2);
  const base = pad + tile - Math.round(3 * s);
  const bars = [4, 7, 10].map((h, i) => {
    const x0 = left + i * (barW + gapW);
    return { x0, x1: x0 + barW, y0: base - Math.round(h * s), y1: base };
  });
  let arrow = null;
  if (size >= ARROW_FROM) {
    // From above the first bar up to the right, clear of the second and third bars.
    const u = (v) => pad + v * s;
    const width = size / 22;
    const tip = [u(8.4), u(2.3)];
    const tail = [u(3.1), u(7.6)];
    const arm = 2.6 * s;
    arrow = {
      width,
      segments: [
        [tail, tip],
        [tip, [tip[0] - arm, tip[1]]],
        [tip, [tip[0], tip[1] + arm]],
      ],
    };
  }
  return { pad, tile, radius: 3.2 * s, bars, arrow };
}

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  const px = ax + t * dx - x;
  const py = ay + t * dy - y;
  return Math.sqrt(px * px + py * py);
}

/** Colour at one sample point, or null outside the icon. */
function sample(d, x, y) {
  const end = d.pad + d.tile;
  if (!insideRoundedRect(x, y, d.pad, d.pad, end, end, d.radius)) return null;
  for (const b of d.bars) if (x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1) return MARK;
  if (d.arrow) {
    for (const [a, b] of d.arrow.segments) if (distanceToSegment(x, y, a, b) <= d.arrow.width / 2) return MARK;
  }
  return TILE;
}

/** Renders one size to a PNG buffer (RGBA, straight alpha). */
function renderIcon(size) {
  const d = layout(size);
  const png = new PNG({ width: size, height: size });
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = sample(d, px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE);
          if (c === null) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        png.data[i] = Math.round(r / covered);
        png.data[i + 1] = Math.round(g / covered);
        png.data[i + 2] = Math.round(b / covered);
      }
      png.data[i + 3] = Math.round((255 * covered) / n);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function main() {
  const outDir = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { renderIcon, SIZES };
