import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  createSubset,
  FontBook,
  readyGlyphs,
  sfntFile,
  toolFontBook,
  wholeFontTables,
} from '../../src/fonts/index.js';
import { PartialFontFile } from '../../src/fonts/partial-file.js';
import { tempDir } from '../support/tools.js';

const TEXT = '习近平主席阁下：中华人民共和国。现将本函寄上，敬请阅示。';

/** The subset fontkit encodes of these glyphs, through the public API. */
function subsetBytes(font: fontkit.Font, glyphs: readonly number[]): Buffer {
  const subset = createSubset(font);
  for (const gid of glyphs) subset.includeGlyph(gid);
  return Buffer.from(subset.encode());
}

/** Where glyf lies in an sfnt file. */
function glyfRange(bytes: Buffer): { start: number; end: number } {
  const tables = wholeFontTables(bytes);
  const glyf = tables.get('glyf')!;
  return { start: glyf.byteOffset - bytes.byteOffset, end: glyf.byteOffset - bytes.byteOffset + glyf.length };
}

/**
 * Noto Serif with the vertical metrics a CJK face has, so that it may be read in part: its accented letters are
 * composite glyphs.
 */
function compositesFace(): { path: string; bytes: Buffer; whole: fontkit.Font } {
  const latin = readFileSync(toolFontBook().file('latin', 'regular'));
  const tables = wholeFontTables(latin);
  tables.set('vhea', tables.get('hhea')!);
  tables.set('vmtx', tables.get('hmtx')!);
  const path = join(tempDir('letter-partial-'), 'composites.ttf');
  const bytes = Buffer.from(sfntFile(tables));
  writeFileSync(path, bytes);
  return { path, bytes, whole: fontkit.create(bytes) as fontkit.Font };
}

describe('large faces read but for their glyph outlines', () => {
  it('a CJK face is parsed and shaped without its outlines, and subsets read theirs: same bytes as read whole', () => {
    const book = new FontBook(toolFontBook().dir);
    const path = book.file('sc', 'regular');
    const file = readFileSync(path);
    const font = book.openFile(path);
    const run = font.layout(TEXT);
    const whole = fontkit.create(file) as fontkit.Font;
    const reference = whole.layout(TEXT);
    expect(run.glyphs.map((g) => g.id)).toEqual(reference.glyphs.map((g) => g.id));
    expect(run.positions).toEqual(reference.positions);
    // Nothing of glyf read yet: the outlines are still zeros (the tables around them are as in the file).
    const read = book.tableBytes(path);
    const glyf = glyfRange(file);
    expect(read.subarray(glyf.start, glyf.end).some((b) => b !== 0)).toBe(false);
    expect(read.subarray(0, glyf.start).equals(file.subarray(0, glyf.start))).toBe(true);
    // Shared memory, which V8 does not count toward its old generation's limit (partial-file.ts).
    expect(read.buffer).toBeInstanceOf(SharedArrayBuffer);

    const glyphs = [0, ...new Set(run.glyphs.map((g) => g.id))].sort((a, b) => a - b);
    readyGlyphs(font, glyphs);
    expect(subsetBytes(font, glyphs).equals(subsetBytes(whole, glyphs))).toBe(true);
    // Asked for the whole file, the same buffer filled in, byte for byte.
    const all = book.bytes(path);
    expect(all.buffer).toBe(read.buffer);
    expect(all.equals(file)).toBe(true);
  });

  it("a composite glyph's components are read with it", () => {
    const { path, bytes, whole } = compositesFace();
    const accented = [...'éÅǺñ'].map((ch) => whole.glyphForCodePoint(ch.codePointAt(0)!).id);
    const data = (id: number) => {
      const offsets = (whole as unknown as { loca: { offsets: number[] } }).loca.offsets;
      const glyf = glyfRange(bytes);
      return bytes.subarray(glyf.start + offsets[id]!, glyf.start + offsets[id + 1]!);
    };
    expect(accented.some((id) => data(id).readInt16BE(0) < 0)).toBe(true);

    const partial = PartialFontFile.open(path, 0)!;
    expect(partial).toBeDefined();
    const font = fontkit.create(partial.bytes) as fontkit.Font;
    partial.glyphs([0, ...accented]);
    const glyphs = [0, ...accented].sort((a, b) => a - b);
    expect(subsetBytes(font, glyphs).equals(subsetBytes(whole, glyphs))).toBe(true);
  });

  it('outlines read ahead on the thread pool are the ones read one by one, components included', async () => {
    const { path, bytes, whole } = compositesFace();
    const ids = [0, ...[...'éÅǺñ-Ab'].map((ch) => whole.glyphForCodePoint(ch.codePointAt(0)!).id)];

    const oneByOne = PartialFontFile.open(path, 0)!;
    oneByOne.glyphs(ids);
    const ahead = PartialFontFile.open(path, 0)!;
    const glyf = glyfRange(bytes);
    const outlines = (file: PartialFontFile) => file.bytes.subarray(glyf.start, glyf.end);
    expect(outlines(ahead).some((b) => b !== 0)).toBe(false);
    await ahead.prefetch(ids);
    expect(outlines(ahead).some((b) => b !== 0)).toBe(true);
    expect(ahead.bytes.equals(oneByOne.bytes)).toBe(true);
    const font = fontkit.create(ahead.bytes) as fontkit.Font;
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    expect(subsetBytes(font, sorted).equals(subsetBytes(whole, sorted))).toBe(true);
    // Nothing left to read: a second prefetch or glyphs() finds every outline there, components included, and so
    // never opens the file (gone now: a read would throw).
    unlinkSync(path);
    await ahead.prefetch(ids);
    ahead.glyphs(ids);
    expect(ahead.bytes.equals(oneByOne.bytes)).toBe(true);
  });

  it('outlines of a CJK face read ahead in groups (a gap read aside) are the ones read one by one', async () => {
    const path = toolFontBook().file('sc', 'regular');
    // Outlines near each other (read in one call, the bytes between them aside) and far apart (calls of their own).
    const ids = [0];
    for (let id = 1000; id < 30_000; id += 7919) ids.push(id, id + 3, id + 40, id + 400);
    const oneByOne = PartialFontFile.open(path, 0)!;
    oneByOne.glyphs(ids);
    const ahead = PartialFontFile.open(path, 0)!;
    await ahead.prefetch(ids);
    expect(ahead.bytes.equals(oneByOne.bytes)).toBe(true);
  });

  it('a small face, or one without vertical metrics, is read whole', () => {
    const latin = toolFontBook().file('latin', 'regular');
    expect(PartialFontFile.open(latin, 1 << 30)).toBeUndefined();
    expect(PartialFontFile.open(latin, 0)).toBeUndefined();
  });
});
