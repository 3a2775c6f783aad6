/**
 * Reference images: every page of every example and letter fixture (test/reference/pages.ts lists them), built with
 * SOURCE_DATE_EPOCH, rendered at 45 dpi in gray, and compared with the committed picture within the tolerance stated
 * in compare.ts. A mismatch writes test/reference/.failures/SET/PAGE.diff.png and names it.
 *
 * When a change of the pages is intended: `npm run test:refs:update` (UPDATE_REFS=1) rewrites the pictures that no
 * longer match, adds new pages and removes pages that are gone; review them (git diff --stat, open the PNGs) and commit.
 */

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_CI, toolAvailable } from '../support/tools.js';
import { comparePage, readPng } from './compare.js';
import { FAILURES_DIR, REFERENCE_DIR, REFERENCE_SETS, renderSet, type ReferenceSet } from './pages.js';

const ROOT = join(import.meta.dirname, '..', '..');
const UPDATE = process.env['UPDATE_REFS'] === '1' || process.env['UPDATE_REFS'] === 'true';
const HOW_TO_UPDATE = 'if the change is intended, run `npm run test:refs:update` and commit the pictures';

describe('reference sets', () => {
  it('cover every letter project among the examples and the test fixtures, and nothing else', () => {
    const projects = ['examples', 'test/fixtures'].flatMap((parent) =>
      readdirSync(join(ROOT, parent), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(ROOT, parent, e.name, 'letter.yaml')))
        .map((e) => `${parent}/${e.name}`),
    );
    expect(
      REFERENCE_SETS.map((s) => s.dir).sort(),
      'add the new letter project to REFERENCE_SETS in test/reference/pages.ts',
    ).toEqual(projects.sort());
    const folders = readdirSync(REFERENCE_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort(), 'pictures of a set no longer listed').toEqual(
      REFERENCE_SETS.map((s) => s.name).sort(),
    );
  });
});

describe.each(REFERENCE_SETS)('reference images of $name', (set) => {
  it('every page matches its committed picture', async () => {
    // Rewriting the references under CI would make this test unable to fail.
    if (UPDATE && IN_CI)
      throw new Error('UPDATE_REFS is refused under CI=true: update the references on a developer machine');
    if (!toolAvailable('pdftoppm')) return;
    const pages = await renderSet(set);
    expect(pages.length, `${set.dir} renders no page`).toBeGreaterThan(0);
    const failures = join(FAILURES_DIR, set.name);
    rmSync(failures, { recursive: true, force: true });
    if (UPDATE) return update(set, pages);
    const dir = join(REFERENCE_DIR, set.name);
    const problems: string[] = [];
    for (const page of pages) {
      const file = join(dir, `${page.name}.png`);
      if (!existsSync(file)) {
        problems.push(`${page.name}: no reference picture ${file}`);
        continue;
      }
      const result = comparePage(page.png, readPng(file), {
        name: `${set.name}/${page.name}`,
        diffFile: join(failures, `${page.name}.diff.png`),
        actualFile: join(failures, `${page.name}.png`),
      });
      if (!result.ok) problems.push(result.message);
    }
    const rendered = new Set(pages.map((p) => `${p.name}.png`));
    for (const stale of committed(dir).filter((f) => !rendered.has(f)))
      problems.push(`${stale}: a reference picture of a page the build no longer has`);
    expect(problems.length, `${problems.join('\n')}\n${HOW_TO_UPDATE}`).toBe(0);
  });
});

/** The committed pictures of a set. */
function committed(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : [];
}

/** Writes the pages that do not match (or are new) and removes pictures of pages that are gone; matching ones stay byte for byte. */
function update(set: ReferenceSet, pages: readonly { name: string; png: Uint8Array }[]): void {
  const dir = join(REFERENCE_DIR, set.name);
  mkdirSync(dir, { recursive: true });
  const scratch = join(FAILURES_DIR, set.name);
  const changed: string[] = [];
  for (const page of pages) {
    const file = join(dir, `${page.name}.png`);
    const same =
      existsSync(file) &&
      comparePage(page.png, readPng(file), {
        name: page.name,
        diffFile: join(scratch, `${page.name}.diff.png`),
        actualFile: join(scratch, `${page.name}.png`),
      }).ok;
    if (same) continue;
    writeFileSync(file, page.png);
    changed.push(page.name);
  }
  const rendered = new Set(pages.map((p) => `${p.name}.png`));
  const removed = committed(dir).filter((f) => !rendered.has(f));
  for (const f of removed) rmSync(join(dir, f));
  // The difference pictures of the pages rewritten stay in .failures/ for review.
  console.log(
    `reference images of ${set.name}: ${changed.length} written${changed.length ? ` (${changed.join(', ')})` : ''}, ${removed.length} removed`,
  );
}
