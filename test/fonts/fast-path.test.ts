/**
 * The shaping fast path (src/fonts/fast-path.ts) gives exactly what fontkit's `font.layout` gives: glyph ids, advances,
 * hmtx widths, offsets and code points, for every piece of text the typesetter shapes (whole lines, words with and
 * without their trailing space, characters, and two- and three-character chunks as justification cuts them) over every
 * text a fixture, an example, the directory or the seed letter holds, in every face the tool ships and the fixtures
 * bring. Each piece the fast path takes is compared with fontkit's full layout; a piece whose layout differs from its
 * plain cmap + hmtx glyphs must be one the fast path refuses.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { plainGlyphs } from '../../src/fonts/fast-path.js';
import { shape, toolFontBook, type Shaped, type Variant } from '../../src/fonts/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every string of a JSON file, every line of a text or YAML file. */
function textsOf(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  if (!file.endsWith('.json')) return raw.split('\n');
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.push(...v.split('\n'));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(JSON.parse(raw));
  return out;
}

const SOURCES = [
  ...walk(join(ROOT, 'test', 'example', 'seed')).filter((f) => f.endsWith('.txt')),
  ...walk(join(ROOT, 'locales')),
  ...walk(join(ROOT, 'examples')),
  ...walk(join(ROOT, 'test', 'fixtures')),
  ...walk(join(ROOT, 'test', 'corpus', 'base')),
  ...walk(join(ROOT, 'src', 'directory', 'data')),
].filter((f) => /\.(json|ya?ml|txt|csv)$/.test(f));

/** The pieces of a line the typesetter may shape. */
function pieces(line: string): string[] {
  const out = [line];
  const words = line.match(/[^ \t]*[ \t]?/g) ?? [];
  for (const word of words) if (word) out.push(word, word.trimEnd());
  const chars = [...line];
  for (let i = 0; i < chars.length; i++)
    out.push(chars.slice(i, i + 1).join(''), chars.slice(i, i + 2).join(''), chars.slice(i, i + 3).join(''));
  return out.filter((p) => p.length > 0);
}

const FACE_FILES = [...walk(join(ROOT, 'fonts')), ...walk(join(ROOT, 'test', 'fixtures'))].filter((f) =>
  f.endsWith('.ttf'),
);

/** The tool's faces as the build opens them (FontBook: a large face read but for its outlines), by file. */
const book = toolFontBook();
const opened = new Map<string, () => fontkit.Font>(
  [...book.faces.values()].flatMap((face) =>
    Object.entries(face.files).map(
      ([variant, path]) => [path, () => book.open(face.id, variant as Variant)] as const,
    ),
  ),
);

/** What shaped.ts made of fontkit's layout before the fast path: the reference. */
function layoutReference(font: fontkit.Font, text: string): Shaped {
  const run = font.layout(text);
  const scale = 1000 / font.unitsPerEm;
  const shaped = {
    glyphs: [] as number[],
    advances: [] as number[],
    widths: [] as number[],
    xOffsets: [] as number[],
    yOffsets: [] as number[],
    codePoints: [] as number[][],
    advanceWidth: 0,
  };
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i]!;
    shaped.glyphs.push(glyph.id);
    shaped.advances.push(p.xAdvance * scale);
    shaped.widths.push(glyph.advanceWidth * scale);
    shaped.xOffsets.push(p.xOffset * scale);
    shaped.yOffsets.push(p.yOffset * scale);
    shaped.codePoints.push(glyph.codePoints);
    shaped.advanceWidth += p.xAdvance * scale;
  });
  return shaped;
}

/** Field by field, number by number with Object.is (so 0 and -0 differ, as they could in the PDF). */
function differences(a: Shaped, b: Shaped): string[] {
  const out: string[] = [];
  for (const key of ['glyphs', 'advances', 'widths', 'xOffsets', 'yOffsets'] as const) {
    if (a[key].length !== b[key].length || a[key].some((v, i) => !Object.is(v, b[key][i]))) out.push(key);
  }
  if (a.codePoints.map((c) => c.join(',')).join(';') !== b.codePoints.map((c) => c.join(',')).join(';'))
    out.push('codePoints');
  if (!Object.is(a.advanceWidth, b.advanceWidth)) out.push('advanceWidth');
  return out;
}

describe('the cmap + hmtx fast path against fontkit layout', () => {
  const texts = [
    ...new Set(
      SOURCES.flatMap(textsOf)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const units = [...new Set(texts.flatMap(pieces))];

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

  for (const file of FACE_FILES) {
    it(`${file.slice(ROOT.length + 1)}: every piece it takes is shaped as fontkit lays it out`, () => {
      // The object the build shapes with where the tool ships the face; the reference always reads the whole file.
      const font = opened.get(file)?.() ?? (fontkit.create(readFileSync(file)) as fontkit.Font);
      const reference = fontkit.create(readFileSync(file)) as fontkit.Font;
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
