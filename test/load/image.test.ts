/** Images are checked before use: well-formed PNG or JPEG, sane size, data that decodes. */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../src/load/index.js';
import { png } from '../support/png.js';
import { tempDir, toolAvailable } from '../support/tools.js';

function problemOf(bytes: Uint8Array): string | undefined {
  const r = inspectImage(bytes);
  return 'problem' in r ? r.problem : undefined;
}

/** A real baseline JPEG: a one-inch PDF page rasterised by poppler. */
async function jpeg(): Promise<Uint8Array> {
  const dir = tempDir('letter-jpeg-');
  const doc = new PDFDocument({ size: [72, 36] });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.rect(10, 10, 30, 10).fill('#333');
  doc.end();
  await done;
  writeFileSync(join(dir, 'page.pdf'), Buffer.concat(chunks));
  execFileSync('pdftoppm', ['-jpeg', '-r', '50', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
  return new Uint8Array(readFileSync(join(dir, 'page.jpg')));
}

describe('inspectImage', () => {
  it('accepts a well-formed PNG and reports its size', () => {
    expect(inspectImage(png(60, 20))).toEqual({ info: { format: 'png', width: 60, height: 20 } });
  });

  it('refuses broken PNGs, each with its reason', () => {
    const good = png(60, 20);
    expect(problemOf(good.subarray(0, 40))).toMatch(/cut short/);
    const flipped = new Uint8Array(good);
    flipped[45] = flipped[45]! ^ 0xff; // inside IDAT: its CRC no longer matches
    expect(problemOf(flipped)).toMatch(/checksum/);
    expect(problemOf(png(60, 20, { declaredWidth: 600 }))).toMatch(/shorter than its size/);
    expect(problemOf(png(9000, 1))).toMatch(/9000×1 pixels/);
    expect(problemOf(png(4000, 4001))).toMatch(/4000×4001/);
    // Within the limit on each side, past it in all: the message names the limit it is past.
    expect(problemOf(png(4000, 4001))).toBe(
      'is 4000×4001 pixels (16,004,000); use at most 16,000,000 pixels in all',
    );
    expect(problemOf(png(9000, 1))).toContain('between 1 and 8000 pixels on each side');
    expect(problemOf(new TextEncoder().encode('GIF89a....'))).toMatch(/not a PNG or JPEG/);
    expect(problemOf(new Uint8Array())).toMatch(/not a PNG or JPEG/);
  });

  it('accepts a real JPEG and refuses it cut short', async () => {
    if (!toolAvailable('pdftoppm')) return;
    const bytes = await jpeg();
    const r = inspectImage(bytes);
    expect('info' in r && r.info.format).toBe('jpeg');
    expect(problemOf(bytes.subarray(0, bytes.length - 2))).toMatch(/cut short|end-of-image/);
    expect(problemOf(bytes.subarray(0, 200))).toBeDefined();
  });
});
