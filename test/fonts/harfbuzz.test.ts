/**
 * Shaping with harfbuzz (src/fonts/harfbuzz.ts) gives what fontkit's `font.layout` gave: glyph ids, advances, hmtx
 * widths, offsets and code points, for every piece of text the typesetter shapes (whole lines, words with and without
 * their trailing space, characters, two- and three-character chunks) of every fixture, example, directory entry and
 * the seed letter, in every face the tool ships and the fixtures bring, left to right and (Arabic) right to left.
 */

import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  harfBuzzFeatures,
  harfBuzzGlyph,
  harfBuzzShape,
  shape,
  hmtxAdvance,
  loadHarfBuzz,
  registerFaceBytes,
  toolFontBook,
  type Shaped,
  type Variant,
} from '../../src/fonts/index.js';
import { corpusUnits, differences, FACE_FILES, layoutReference, ROOT } from './shaping-corpus.js';

/** harfbuzz's run as shaped.ts turns it into a Shaped (thousandths of an em, hmtx widths). */
function harfBuzzShaped(
  font: fontkit.Font,
  text: string,
  direction?: 'ltr' | 'rtl',
  features?: string[],
): Shaped {
  const run = harfBuzzShape(font, text, direction, features);
  if (!run) throw new Error('harfbuzz did not shape');
  const scale = 1000 / font.unitsPerEm;
  const advances = run.xAdvances.map((a) => a * scale);
  return {
    glyphs: run.ids,
    advances,
    widths: run.ids.map((id) => hmtxAdvance(font, id) * scale),
    xOffsets: run.xOffsets.map((x) => x * scale),
    yOffsets: run.yOffsets.map((y) => y * scale),
    codePoints: run.codePoints,
    advanceWidth: advances.reduce((sum, a) => sum + a, 0),
  };
}

const book = toolFontBook();
const opened = new Map<string, () => fontkit.Font>(
  [...book.faces.values()].flatMap((face) =>
    Object.entries(face.files).map(
      ([variant, path]) => [path, () => book.open(face.id, variant as Variant)] as const,
    ),
  ),
);

function openFace(file: string): fontkit.Font {
  const fromBook = opened.get(file)?.();
  if (fromBook) return fromBook;
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes) as fontkit.Font;
  registerFaceBytes(font, bytes);
  return font;
}

beforeAll(() => loadHarfBuzz());

/** Letters of a right-to-left script: bidi gives them odd levels only, so they are never shaped left to right. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Letters and digits of any other script: bidi gives them even levels only, never shaped right to left. */
const LTR_STRONG = /[\p{L}\p{N}]/u;

/** The directions typeset shapes a piece in: none (the measurer), and bidi's where bidi can give it that level. */
function directionsOf(unit: string): (undefined | 'ltr' | 'rtl')[] {
  const chars = [...unit];
  const out: (undefined | 'ltr' | 'rtl')[] = [undefined];
  if (!chars.some((ch) => RTL_LETTER.test(ch))) out.push('ltr');
  if (!chars.some((ch) => LTR_STRONG.test(ch) && !(RTL_LETTER.test(ch) && /\p{L}/u.test(ch))))
    out.push('rtl');
  return out;
}

/**
 * fontkit keeps one glyph object per glyph id with the characters it was first made for, so a glyph Arabic faces share
 * (the dotless base of ت, ب and ن, the alef of أ and ا) reports whichever letter drew it first: harfbuzz's code points
 * (from clusters) are the text's, fontkit's are not. typeset/bidi deals a run's characters out again for that reason.
 */
function fontkitMisreports(unit: string, hb: Shaped, fk: Shaped): boolean {
  const text = [...unit].map((ch) => ch.codePointAt(0)).join();
  return hb.codePoints.flat().join() === text && fk.codePoints.flat().join() !== text;
}

describe('harfbuzz against fontkit layout', () => {
  const units = corpusUnits();

  it('finds the texts and the faces, and tries every direction', () => {
    expect(units.length).toBeGreaterThan(10_000);
    expect(FACE_FILES.length).toBeGreaterThanOrEqual(13);
    expect(directionsOf('مرحبا بكم')).toEqual([undefined, 'rtl']);
    expect(directionsOf('To')).toEqual([undefined, 'ltr']);
    expect(directionsOf('، (')).toEqual([undefined, 'ltr', 'rtl']);
  });

  for (const file of FACE_FILES) {
    it(`${file.slice(ROOT.length + 1)}: every piece in every direction typeset shapes it, and halt`, () => {
      const font = openFace(file);
      const reference = fontkit.create(readFileSync(file)) as fontkit.Font;
      const halt = reference.availableFeatures.includes('halt');
      // The measurer asks harfbuzz whether the face has halt at all, as it asked fontkit.
      expect(harfBuzzFeatures(font)?.has('halt')).toBe(halt);
      // Pieces per direction; of them, right-to-left runs left to fontkit, and fontkit's wrong code points.
      const counts = { undefined: 0, ltr: 0, rtl: 0, halt: 0, fontkit: 0, misreported: 0 };
      const wrong: string[] = [];
      const compare = (unit: string, direction?: 'ltr' | 'rtl', features?: string[]) => {
        const fk = layoutReference(reference, unit, direction, features);
        // What the typesetter gets (shaped.ts: the fast path, else harfbuzz, else fontkit), and harfbuzz itself.
        const product = features ? undefined : shape(font, unit, direction);
        if (
          product &&
          differences(product, fk).some((d) => d !== 'codePoints' || !fontkitMisreports(unit, product, fk))
        )
          wrong.push(
            `shape() ${direction ?? ''} ${JSON.stringify(unit)}: ${differences(product, fk).join(', ')}`,
          );
        if (!harfBuzzShape(font, unit, direction, features)) {
          counts.fontkit++;
          return;
        }
        const hb = harfBuzzShaped(font, unit, direction, features);
        const diff = differences(hb, fk);
        if (diff.length === 1 && diff[0] === 'codePoints' && fontkitMisreports(unit, hb, fk))
          counts.misreported++;
        else if (diff.length)
          wrong.push(`${direction ?? ''} ${features ?? ''} ${JSON.stringify(unit)}: ${diff.join(', ')}`);
      };
      for (const unit of units) {
        if (![...unit].every((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!))) continue;
        for (const direction of directionsOf(unit)) {
          counts[direction ?? 'undefined']++;
          compare(unit, direction);
        }
        if (halt && [...unit].length === 1) {
          counts.halt++;
          compare(unit, undefined, ['halt']);
        }
      }
      expect(wrong).toEqual([]);
      // Not vacuous: thousands of pieces a face, Arabic right to left too, halt in the CJK faces.
      expect(counts.undefined).toBeGreaterThan(5000);
      expect(counts.ltr).toBeGreaterThan(5000);
      if (/Arabic/.test(file)) expect(counts.rtl).toBeGreaterThan(500);
      expect(counts.misreported).toBeLessThan(10);
      if (/Serif(SC|KR|JP)/.test(file)) expect(counts.halt).toBeGreaterThan(500);
      console.log(`${file.slice(ROOT.length + 1)}: ${JSON.stringify(counts)} compared`);
    });
  }

  it("harfBuzzGlyph gives fontkit's glyphForCodePoint id for every character of the corpus, in every face", () => {
    // Characters the faces have and lack: a missing one is glyph 0 (.notdef) both ways.
    const cps = new Set<number>([0xe000, 0x10fffd, 0x1f600, 0x0378]);
    for (const unit of units) for (const ch of unit) cps.add(ch.codePointAt(0)!);
    let found = 0;
    for (const file of FACE_FILES) {
      const font = openFace(file);
      const reference = fontkit.create(readFileSync(file)) as fontkit.Font;
      const wrong: string[] = [];
      for (const cp of cps) {
        const id = harfBuzzGlyph(font, cp);
        if (id !== reference.glyphForCodePoint(cp).id) wrong.push(`U+${cp.toString(16)}: ${id}`);
        if (id) found++;
      }
      expect(wrong, file).toEqual([]);
    }
    expect(found).toBeGreaterThan(5_000);
  });
});
