/**
 * One rendered page against its reference picture, as Typst's test suite compares its ref images: pixel by pixel
 * (pixelmatch), within a stated tolerance, and a picture of the difference when they do not match.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * The tolerance. A pixel differs when pixelmatch's YIQ colour distance between the two pictures exceeds THRESHOLD
 * (0..1; 0.1 is pixelmatch's default), not counting pixels it detects as anti-aliasing; a page matches when its size
 * is the same and at most MAX_DIFFERING_SHARE of its pixels differ: 0.002 %, 3 pixels of a 45-dpi A4 page
 * (373 × 527 px). Tight on purpose: the same sources render byte for byte the same here and in CI, and at 45 dpi one
 * Chinese character replaced by another (衷 → 真 at 10.5 pt) changes only 37 pixels, 11 of them counted; anything
 * moved by a pixel changes hundreds. What it lets pass is anti-aliasing noise, as another poppler may draw it.
 */
export const THRESHOLD = 0.1;
export const MAX_DIFFERING_SHARE = 0.00002;

export interface PageComparison {
  readonly ok: boolean;
  readonly differing: number;
  readonly pixels: number;
  /** Why it failed, naming the difference picture; empty when it matched. */
  readonly message: string;
}

/**
 * Compares a page (PNG bytes) with its reference (PNG bytes). On a mismatch writes `diffFile` (red: ink only in the
 * reference, green: ink only in the new page, yellow: anti-aliasing not counted, the reference faint underneath) and `actualFile` (the new page) and names them.
 */
export function comparePage(
  actual: Uint8Array,
  reference: Uint8Array,
  files: { diffFile: string; actualFile: string; name: string },
): PageComparison {
  const a = PNG.sync.read(Buffer.from(actual));
  const r = PNG.sync.read(Buffer.from(reference));
  // Pages of different sizes are compared on the larger canvas (white where a page has no pixels), so even then
  // the difference picture shows where they part.
  const width = Math.max(a.width, r.width);
  const height = Math.max(a.height, r.height);
  const diff = new PNG({ width, height });
  const differing = pixelmatch(
    onCanvas(r, width, height),
    onCanvas(a, width, height),
    diff.data,
    width,
    height,
    {
      threshold: THRESHOLD,
      diffColor: [220, 0, 0], // the new page is lighter here: ink only in the reference
      diffColorAlt: [0, 170, 0], // the new page is darker here: ink only in the new page
    },
  );
  const pixels = width * height;
  const sameSize = a.width === r.width && a.height === r.height;
  const ok = sameSize && differing <= MAX_DIFFERING_SHARE * pixels;
  if (ok) return { ok, differing, pixels, message: '' };
  mkdirSync(dirname(files.diffFile), { recursive: true });
  writeFileSync(files.diffFile, PNG.sync.write(diff));
  writeFileSync(files.actualFile, Buffer.from(actual));
  const size = sameSize ? '' : ` (size ${a.width}×${a.height}, reference ${r.width}×${r.height})`;
  const share = ((100 * differing) / pixels).toFixed(3);
  return {
    ok,
    differing,
    pixels,
    message: `${files.name}: ${differing} of ${pixels} pixels differ (${share} %, at most ${100 * MAX_DIFFERING_SHARE} % allowed)${size}; difference: ${files.diffFile}, new page: ${files.actualFile}`,
  };
}

/** The picture's RGBA pixels on a white canvas of the given size. */
function onCanvas(png: PNG, width: number, height: number): Uint8Array {
  if (png.width === width && png.height === height) return png.data;
  const out = new Uint8Array(width * height * 4).fill(255);
  for (let y = 0; y < png.height; y++)
    out.set(png.data.subarray(y * png.width * 4, (y + 1) * png.width * 4), y * width * 4);
  return out;
}

/** Reads a PNG file's bytes (a helper so callers need not import fs for it). */
export function readPng(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}
