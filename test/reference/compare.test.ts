/**
 * The reference comparison can fail: the letter built with one Chinese character changed, a committed page altered by
 * one character's worth of ink, or shifted by one pixel, does not match, and the failure writes a difference picture
 * and names it; the page itself matches.
 */

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { tempDir, toolAvailable } from '../support/tools.js';
import { MAX_DIFFERING_SHARE, comparePage, readPng } from './compare.js';
import { REFERENCE_DIR, renderSet } from './pages.js';

const REPO = join(import.meta.dirname, '..', '..');

/** A committed page with Chinese, Latin words, digits and URLs on it. */
const PAGE = join(REFERENCE_DIR, 'mixed-script', 'cn.zh-1.png');

/** The page with a dark square of `size` pixels at (x, y), as a changed character would leave. */
function withBlot(png: Uint8Array, x: number, y: number, size: number): Uint8Array {
  const image = PNG.sync.read(Buffer.from(png));
  for (let j = y; j < y + size; j++)
    for (let i = x; i < x + size; i++)
      image.data.fill(20, (j * image.width + i) * 4, (j * image.width + i) * 4 + 3);
  return new Uint8Array(PNG.sync.write(image));
}

/** The page moved down by one pixel (a line set one pixel lower), white row on top. */
function shiftedDown(png: Uint8Array): Uint8Array {
  const image = PNG.sync.read(Buffer.from(png));
  const row = image.width * 4;
  image.data.copyWithin(row, 0, image.data.length - row);
  image.data.fill(255, 0, row);
  return new Uint8Array(PNG.sync.write(image));
}

function files(name: string) {
  const dir = tempDir('letter-ref-fail-');
  return { name, diffFile: join(dir, `${name}.diff.png`), actualFile: join(dir, `${name}.png`) };
}

describe('reference comparison', () => {
  const reference = readPng(PAGE);

  it('fails on the letter built with one character changed (衷 → 真), and names the difference picture', async () => {
    if (!toolAvailable('pdftoppm')) return;
    const dir = tempDir('letter-ref-changed-');
    cpSync(join(REPO, 'test/fixtures/mixed-script'), dir, { recursive: true });
    const text = join(dir, 'locales/zh/letter.json');
    const changed = readFileSync(text, 'utf8').replace('我们衷心希望', '我们真心希望');
    expect(changed).not.toBe(readFileSync(text, 'utf8'));
    writeFileSync(text, changed);
    const pages = await renderSet({ name: 'mixed-script-changed', dir, langs: ['zh'] });
    const page = pages.find((p) => p.name === 'cn.zh-1')!;
    const f = files('changed');
    const result = comparePage(page.png, reference, f);
    expect(result.ok, 'one changed character must fail').toBe(false);
    expect(result.message).toContain(f.diffFile);
    expect(existsSync(f.diffFile)).toBe(true);
    // The same build of the committed text matches: the failure is the character, not the build.
    const same = (
      await renderSet({ name: 'mixed-script', dir: join(REPO, 'test/fixtures/mixed-script'), langs: ['zh'] })
    ).find((p) => p.name === 'cn.zh-1')!;
    expect(comparePage(same.png, reference, files('unchanged')).ok).toBe(true);
  });

  it('matches the page with itself and writes nothing', () => {
    const f = files('same');
    const result = comparePage(reference, reference, f);
    expect(result).toMatchObject({ ok: true, differing: 0, message: '' });
    expect(existsSync(f.diffFile)).toBe(false);
  });

  it("fails on one character's worth of changed ink (7 × 7 px in the margin), writes the difference and names it", () => {
    const f = files('blot');
    const result = comparePage(withBlot(reference, 20, 20, 7), reference, f);
    expect(result.ok).toBe(false);
    expect(result.differing).toBeGreaterThan(MAX_DIFFERING_SHARE * result.pixels);
    expect(result.message).toContain(f.diffFile);
    expect(result.message).toContain('blot:');
    // The difference picture marks the new ink in green where the square is, and the page was kept for review.
    const diff = PNG.sync.read(readFileSync(f.diffFile));
    const at = (23 * diff.width + 23) * 4;
    expect([...diff.data.subarray(at, at + 3)]).toEqual([0, 170, 0]);
    expect(readFileSync(f.actualFile)).toEqual(Buffer.from(withBlot(reference, 20, 20, 7)));
  });

  it('fails on the page shifted down by one pixel', () => {
    const f = files('shifted');
    const result = comparePage(shiftedDown(reference), reference, f);
    expect(result.ok).toBe(false);
    expect(existsSync(f.diffFile)).toBe(true);
  });

  it('fails on a page of another size, and says so', () => {
    const image = PNG.sync.read(Buffer.from(reference));
    const wider = new PNG({ width: image.width + 3, height: image.height });
    wider.data.fill(255);
    PNG.bitblt(image, wider, 0, 0, image.width, image.height, 0, 0);
    const f = files('size');
    const result = comparePage(new Uint8Array(PNG.sync.write(wider)), reference, f);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`size ${image.width + 3}×${image.height}`);
    expect(existsSync(f.diffFile)).toBe(true);
  });

  it('lets pass a speck within the tolerance (one dark pixel)', () => {
    const result = comparePage(withBlot(reference, 20, 20, 1), reference, files('speck'));
    expect(result.differing).toBeGreaterThan(0);
    expect(result.ok).toBe(true);
  });
});
