/**
 * The shaping fast path (src/fonts/fast-path.ts) gives exactly what fontkit's `font.layout` gives: glyph ids, advances,
 * hmtx widths, offsets and code points, for every piece of text the typesetter shapes (whole lines, words with and
 * without their trailing space, characters, and two- and three-character chunks as justification cuts them) over every
 * text a fixture, an example, the directory or the seed letter holds, in every face the tool ships and the fixtures
 * bring. Each piece the fast path takes is compared with fontkit's full layout; a piece whose layout differs from its
 * plain cmap + hmtx glyphs must be one the fast path refuses.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { plainGlyphs } from '../../src/fonts/fast-path.js';
import { harfBuzzShape, shape, toolFontBook } from '../../src/fonts/index.js';
import { corpusUnits, differences, FACE_FILES, layoutReference, ROOT, SOURCES } from './shaping-corpus.js';

/**
 * The tool's faces from the bytes the build parses them from (FontBook: a large face read but for its outlines), by
 * file. Not FontBook's own objects: harfbuzz shapes those, and the fast path is what shapes a face it does not.
 */
const book = toolFontBook();
const opened = new Map<string, () => fontkit.Font>(
  [...book.faces.values()].flatMap((face) =>
    Object.values(face.files).map(
      (path) => [path, () => fontkit.create(book.tableBytes(path)) as fontkit.Font] as const,
    ),
  ),
);

describe('the cmap + hmtx fast path against fontkit layout', () => {
  const units = corpusUnits();

  it('finds the fixture, example, directory and seed texts, and the faces the build opens', () => {
    expect(FACE_FILES.filter((f) => opened.has(f)).length).toBe(opened.size);
    expect(SOURCES.some((f) => f.endsWith('open-letter-2023-12-10.ko.txt'))).toBe(true);
    expect(FACE_FILES.length).toBeGreaterThanOrEqual(12);
    expect(units.length).toBeGreaterThan(10_000);
  });

  it('refuses what the shaper changes: kerning, ligatures, the Korean word space, marks, jamo, selectors, fractions', () => {
    const open = (name: string) => fontkit.create(readFileSync(join(ROOT, 'fonts', name))) as fontkit.Font;
    const latin = open('NotoSerif-Regular.ttf');
    const kr = open('NotoSerifKR-Regular.ttf');
    const sc = open('NotoSerifSC-Regular.ttf');
    const plain = (font: fontkit.Font, text: string) => {
      const scale = 1000 / font.unitsPerEm;
      const glyphs = font.glyphsForString(text);
      return { ids: glyphs.map((g) => g.id), advances: glyphs.map((g) => g.advanceWidth * scale) };
    };
    // Each of these is laid out otherwise than its cmap and hmtx say, and the fast path leaves it to fontkit.
    for (const [font, text] of [
      [latin, 'To'], // GPOS kern
      [latin, 'AV'],
      [latin, 'fi'], // GSUB liga
      [kr, '\uac00 \uac00'], // Noto Serif KR's wider space between two Hangul syllables (calt)
      [sc, 'Wa'],
    ] as const) {
      const laid = layoutReference(font, text);
      const naive = plain(font, text);
      expect(
        laid.glyphs.join() !== naive.ids.join() || laid.advances.join() !== naive.advances.join(),
        text,
      ).toBe(true);
      expect(plainGlyphs(font, text), text).toBeUndefined();
    }
    // Characters fontkit's layout treats specially are refused whatever the face's tables say.
    for (const text of [
      'e\u0301',
      '\u1100\u1161',
      '\u8fbb\udb40\udd00',
      '1\u20442',
      'a\u00adb',
      'a\u200db',
      '\u0628',
    ]) {
      expect(plainGlyphs(sc, text), JSON.stringify(text)).toBeUndefined();
      expect(plainGlyphs(latin, text), JSON.stringify(text)).toBeUndefined();
    }
    // And what no lookup touches goes through: Chinese in Noto Serif SC, Hangul without spaces in Noto Serif KR.
    expect(plainGlyphs(sc, '我们恳请您停止强制遣返。')).toBeDefined();
    expect(plainGlyphs(kr, '대통령님께서')).toBeDefined();
  });

  it("gives each glyph its character from the text, not from fontkit's shared glyph object", () => {
    const open = () =>
      fontkit.create(readFileSync(join(ROOT, 'fonts', 'NotoSerifSC-Regular.ttf'))) as fontkit.Font;
    const font = open();
    // A subsetter asks for a glyph by id: fontkit makes the glyph object then, with no code points, and keeps it.
    font.getGlyph(open().glyphForCodePoint(0x6c42).id);
    expect(font.glyphForCodePoint(0x6c42).codePoints).toEqual([]);
    expect(plainGlyphs(font, '求我')).toBeDefined();
    expect(shape(font, '求我').codePoints).toEqual([[0x6c42], [0x6211]]);
  });

  for (const file of FACE_FILES) {
    it(`${file.slice(ROOT.length + 1)}: every piece it takes is shaped as fontkit lays it out`, () => {
      // The object the build shapes with where the tool ships the face; the reference always reads the whole file.
      const font = opened.get(file)?.() ?? (fontkit.create(readFileSync(file)) as fontkit.Font);
      const reference = fontkit.create(readFileSync(file)) as fontkit.Font;
      expect(harfBuzzShape(font, 'a')).toBeUndefined(); // so shape() takes the fast path, where it can
      let taken = 0;
      let covered = 0;
      const wrong: string[] = [];
      for (const unit of units) {
        if (![...unit].every((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!))) continue;
        covered++;
        if (!plainGlyphs(font, unit)) continue;
        taken++;
        const diff = differences(shape(font, unit), layoutReference(reference, unit));
        if (diff.length) wrong.push(`${JSON.stringify(unit)}: ${diff.join(', ')}`);
      }
      expect(wrong).toEqual([]);
      // The comparison is not vacuous: every face takes some pieces, the CJK faces thousands.
      expect(taken).toBeGreaterThan(/Serif(SC|KR|JP)/.test(file) ? 2000 : 100);
      console.log(`${file.slice(ROOT.length + 1)}: ${taken} of ${covered} pieces on the fast path`);
    });
  }
});
