/**
 * The letters the reference images cover, built once each through the library API (`build()`) and rendered to small
 * grayscale PNGs with pdftoppm, as a reader would see the pages.
 */

import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from '../../src/index.js';
import type { Lang } from '../../src/model/lang.js';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Where the committed pictures live: pages/SET/RECIPIENT.LANG-PAGE.png. */
export const REFERENCE_DIR = join(import.meta.dirname, 'pages');
/** Where a failing comparison leaves its pictures (gitignored). */
export const FAILURES_DIR = join(import.meta.dirname, '.failures');

/** Small enough that the committed set stays under 3 MB, large enough that a moved or changed character shows. */
export const DPI = 45;
/** Pins the build's clock, so that the same sources give the same pages on every machine and day. */
const SOURCE_DATE_EPOCH = '1702166400';

export interface ReferenceSet {
  /** Name of the set's folder under pages/. */
  readonly name: string;
  /** The letter project, relative to the repository (or absolute). */
  readonly dir: string;
  /** Recipients to build, where the project has more than the set needs. */
  readonly to?: readonly string[];
  /** Languages to build; default all of the project's. */
  readonly langs?: readonly Lang[];
}

/** Every letter that the examples and the test fixtures hold, in each of its languages, as PDF. */
export const REFERENCE_SETS: readonly ReferenceSet[] = [
  { name: 'open-letter-2023', dir: 'examples/open-letter-2023' },
  { name: 'un-letter-2023', dir: 'examples/un-letter-2023' },
  { name: 'long-letter', dir: 'test/fixtures/long-letter' },
  { name: 'mixed-script', dir: 'test/fixtures/mixed-script' },
  { name: 'japanese', dir: 'test/fixtures/japanese' },
  // Right to left: Arabic, with a Latin name and numbers inside, a list and a quote (mirrored layout).
  { name: 'arabic', dir: 'test/fixtures/arabic' },
  // A king, the Pope and a president: three ways of addressing a head of state (the batch has twelve).
  { name: 'batch', dir: 'test/fixtures/batch', to: ['gb', 'va', 'us'] },
];

/** One rendered page: its name (RECIPIENT.LANG-PAGE) and its PNG bytes. */
export interface RenderedPage {
  readonly name: string;
  readonly png: Uint8Array;
}

/** Builds the set's PDFs and renders every page; throws when the build reports an error. */
export async function renderSet(set: ReferenceSet): Promise<RenderedPage[]> {
  const out = tempDir(`letter-ref-${set.name}-`);
  const result = await build({
    dir: resolve(ROOT, set.dir),
    out,
    formats: ['pdf'],
    ...(set.to ? { to: set.to } : {}),
    ...(set.langs ? { langs: set.langs } : {}),
    env: { ...process.env, SOURCE_DATE_EPOCH },
    now: new Date(Number(SOURCE_DATE_EPOCH) * 1000),
  });
  if (result.errors.length) throw new Error(`${set.dir} does not build: ${JSON.stringify(result.errors)}`);
  const pdfs = result.outputs.filter((o) => o.format === 'pdf');
  // Recipient and language name a page (cn.zh-1); the slug is the set's.
  const pages = await inParallel(pdfs, 2, async (pdf) => rasterize(pdf.path, `${pdf.recipient}.${pdf.lang}`));
  return pages.flat().sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Every page of the PDF as a grayscale PNG, in page order. */
async function rasterize(pdf: string, base: string): Promise<RenderedPage[]> {
  const dir = tempDir('letter-ref-png-');
  mkdirSync(dir, { recursive: true });
  await promisify(execFile)('pdftoppm', ['-r', String(DPI), '-gray', '-png', pdf, join(dir, 'p')]);
  // pdftoppm numbers pages p-1.png … or p-01.png … by the page count; the number is what counts.
  const files = readdirSync(dir)
    .map((f) => ({ f, page: Number(/^p-(\d+)\.png$/.exec(f)?.[1]) }))
    .filter((x) => x.page > 0)
    .sort((x, y) => x.page - y.page);
  return files.map(({ f, page }) => ({
    name: `${base}-${page}`,
    png: new Uint8Array(readFileSync(join(dir, f))),
  }));
}

/** Maps items with at most `limit` at a time: the machine has two cores, shared. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
