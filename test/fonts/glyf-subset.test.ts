/**
 * The TrueType subsetter of our own (src/fonts/glyf-subset.ts) writes byte for byte what fontkit's subset writes: for
 * every glyph set the letters of the examples and of test/fixtures/* draw (the PDF's glyph-id order and the DOCX's
 * code-point order), in every face they draw from, and for every compound glyph of every face the tool ships or a
 * fixture brings (components included after their compounds, ids rewritten). A face fontkit must subset (here: one
 * whose directory names a variations table) goes to fontkit.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createSubset, FontBook, toolFontBook, type FontBook as Book } from '../../src/fonts/index.js';
import { GlyfFace } from '../../src/fonts/glyf-subset.js';
import { prepare } from '../../src/pipeline/index.js';
import { pageRuns } from '../../src/render/pdf/faces.js';
import { typesetLetter } from '../../src/typeset/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PROJECTS = [
  ...readdirSync(join(ROOT, 'examples')).map((name) => join(ROOT, 'examples', name)),
  ...readdirSync(join(ROOT, 'test', 'fixtures')).map((name) => join(ROOT, 'test', 'fixtures', name)),
].filter((dir) => readdirSync(dir).includes('letter.yaml'));

/** One subset to compare: a face file of a font book and the glyphs included, in order. */
interface SubsetCase {
  readonly book: Book;
  readonly path: string;
  readonly glyphs: readonly number[];
}

/** Ours (from the file's tables) against fontkit's (createSubset without the file), included in the same order. */
function compare({ book, path, glyphs }: SubsetCase): void {
  const font = book.openFile(path);
  const ours = createSubset(font, book.tableBytes(path));
  const fontkit = createSubset(font);
  for (const gid of glyphs) expect(ours.includeGlyph(gid)).toBe(fontkit.includeGlyph(gid));
  const a = ours.encode();
  const b = fontkit.encode();
  expect(a.length, `${path}: ${glyphs.length} glyphs`).toBe(b.length);
  expect(Buffer.compare(Buffer.from(a), Buffer.from(b)), `${path}: ${glyphs.join(',')}`).toBe(0);
}

/** Every glyph set the letters of the examples and fixtures draw, each distinct set once. */
function letterCases(): SubsetCase[] {
  const cases = new Map<string, SubsetCase>();
  for (const dir of PROJECTS) {
    const prepared = prepare({ dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const book = prepared.fonts;
    for (const doc of prepared.letters.docs.values()) {
      const byFace = new Map<string, { path: string; glyphs: Set<number>; chars: Set<number> }>();
      for (const run of pageRuns(typesetLetter(doc, { fonts: book }))) {
        const path = book.file(run.font.face, run.font.variant);
        let entry = byFace.get(path);
        if (!entry) byFace.set(path, (entry = { path, glyphs: new Set(), chars: new Set() }));
        for (const gid of run.glyphs.glyphs) entry.glyphs.add(gid);
        for (const cps of run.glyphs.codePoints) for (const cp of cps) entry.chars.add(cp);
      }
      for (const { path, glyphs, chars } of byFace.values()) {
        // The PDF's order (glyph 0, then by id) and the DOCX's (by code point), as faces.ts and standalone.ts include them.
        const pdf = [0, ...[...glyphs].filter((g) => g !== 0).sort((a, b) => a - b)];
        const font = book.openFile(path);
        const docx = [...chars].sort((a, b) => a - b).map((cp) => font.glyphForCodePoint(cp).id);
        for (const order of [pdf, docx])
          cases.set(`${path}:${order.join(',')}`, { book, path, glyphs: order });
      }
    }
  }
  return [...cases.values()];
}

/** Every face file the tool ships and the fixtures bring (the JP faces read in part, as the build reads them). */
function faceFiles(): { book: Book; path: string }[] {
  const book = new FontBook(toolFontBook().dir);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.[ot]tf$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  return [...walk(join(ROOT, 'fonts')), ...walk(join(ROOT, 'test', 'fixtures'))].map((path) => ({
    book,
    path,
  }));
}

/** The compound glyphs of a face (numberOfContours < 0), from its own glyf and loca. */
function compoundGlyphs(font: Font, bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const table = (tag: string): number => {
    for (let i = 0; i < view.getUint16(4); i++)
      if (String.fromCharCode(...bytes.subarray(12 + 16 * i, 16 + 16 * i)) === tag)
        return view.getUint32(12 + 16 * i + 8);
    throw new Error(`no ${tag}`);
  };
  const long = view.getInt16(table('head') + 50) === 1;
  const loca = table('loca');
  const glyf = table('glyf');
  const offset = (g: number): number =>
    long ? view.getUint32(loca + 4 * g) : 2 * view.getUint16(loca + 2 * g);
  const out: number[] = [];
  for (let g = 0; g < font.numGlyphs; g++)
    if (offset(g + 1) > offset(g) && view.getInt16(glyf + offset(g)) < 0) out.push(g);
  return out;
}

describe('our TrueType subset is fontkit’s, byte for byte', () => {
  let cases: SubsetCase[] = [];
  beforeAll(() => {
    cases = letterCases();
  }, 120_000);

  it('for every glyph set the examples’ and fixtures’ letters draw (PDF and DOCX order)', () => {
    // The examples and fixtures draw from Latin, Korean, Chinese, Japanese and Arabic faces.
    expect(new Set(cases.map((c) => c.path.split('/').pop())).size).toBeGreaterThanOrEqual(8);
    expect(cases.length).toBeGreaterThan(50);
    for (const c of cases) compare(c);
  }, 120_000);

  it('for every compound glyph of every face, its components after it, and glyphs out of order or repeated', () => {
    const files = faceFiles();
    expect(files.length).toBe(13);
    let compounds = 0;
    for (const { book, path } of files) {
      const font = book.openFile(path);
      const all = compoundGlyphs(font, book.bytes(path));
      compounds += all.length;
      for (let i = 0; i < all.length; i += 400) compare({ book, path, glyphs: all.slice(i, i + 400) });
      const n = font.numGlyphs;
      compare({ book, path, glyphs: [n - 1, 7, 3, 7, 0, Math.floor(n / 2), 3] });
    }
    // Noto Serif and Noto Naskh Arabic build accented and Arabic letters from components; the CJK faces have none.
    expect(compounds).toBeGreaterThan(5000);
  }, 120_000);

  it('reads no fontkit glyph objects: a glyph set is copied from the file', () => {
    const book = new FontBook(toolFontBook().dir);
    const path = book.file('latin', 'regular');
    const font = book.openFile(path);
    const getGlyph = vi.spyOn(font, 'getGlyph');
    const subset = createSubset(font, book.tableBytes(path));
    for (const gid of compoundGlyphs(font, book.bytes(path)).slice(0, 50)) subset.includeGlyph(gid);
    subset.encode();
    expect(getGlyph).not.toHaveBeenCalled();
  });

  it('leaves a face it does not read as fontkit does to fontkit (a variations table)', () => {
    const book = toolFontBook();
    const path = book.file('latin', 'regular');
    const bytes = Buffer.from(book.bytes(path));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Rename the directory's GSUB entry 'fvar': fontkit would then read the face as a variable font.
    for (let i = 0; i < view.getUint16(4); i++) {
      const at = 12 + 16 * i;
      if (bytes.toString('latin1', at, at + 4) === 'GSUB') bytes.write('fvar', at, 'latin1');
    }
    expect(GlyfFace.of({}, bytes)).toBeUndefined();
    expect(GlyfFace.of({}, book.bytes(path))).toBeDefined();
  });
});
