/**
 * Hangul words read from cmap + hmtx (src/fonts/plain-hangul.ts) are exactly what harfbuzz gives them: glyph ids,
 * advances, offsets, code points, clusters and break flags, for every syllable alone, every Hangul word of the corpus
 * and random words, in every face the tool ships; the coverages it reads from the face's bytes are the ones fontkit
 * parses from the same tables; and what a lookup may touch (the Korean word space, kerning, ligatures) is refused.
 */

import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockedGlyphs as fontkitBlocked } from '../../src/fonts/fast-path.js';
import { harfBuzzShape, loadHarfBuzz, registerFaceBytes, toolFontBook } from '../../src/fonts/index.js';
import { blockedGlyphs, HARFBUZZ_DEFAULT_FEATURES, plainHangulRun } from '../../src/fonts/plain-hangul.js';
import { corpusUnits, FACE_FILES } from './shaping-corpus.js';

const book = toolFontBook();
/** Every face file the tool ships, opened as FontBook opens it (harfbuzz shapes these). */
const shipped = [...book.faces.values()].flatMap((face) =>
  [...new Set(Object.values(face.files))].map((path) => ({ path, font: book.openFile(path) })),
);
const korean = shipped.filter(({ path }) => /KR/.test(path));

beforeAll(() => loadHarfBuzz());

const SYLLABLES = Array.from({ length: 0xd7a3 - 0xac00 + 1 }, (_, i) => String.fromCharCode(0xac00 + i));

/** Whether the fast path's run for `text` is harfbuzz's, field for field; 'refused' when it gives none. */
function compare(font: fontkit.Font, text: string): 'same' | 'refused' | string {
  const plain = plainHangulRun(font, text);
  if (!plain) return 'refused';
  const hb = harfBuzzShape(font, text)!;
  for (const key of Object.keys(hb) as (keyof typeof hb)[]) {
    if (JSON.stringify(plain[key]) !== JSON.stringify(hb[key])) return `${text}: ${key} differs`;
  }
  return Object.keys(plain).length === Object.keys(hb).length ? 'same' : `${text}: other fields`;
}

describe('Hangul words without the shaper', () => {
  it('gives every syllable alone as harfbuzz does, in every face that has them', () => {
    expect(korean.length).toBeGreaterThanOrEqual(2);
    for (const { font } of shipped) {
      const results = SYLLABLES.map((s) => compare(font, s));
      expect(results.filter((r) => r !== 'same' && r !== 'refused')).toEqual([]);
    }
    for (const { font } of korean) {
      const results = SYLLABLES.map((s) => compare(font, s));
      expect(results.filter((r) => r === 'same').length).toBe(SYLLABLES.length);
    }
  });

  it('gives every Hangul word of the corpus, and random words, as harfbuzz does', () => {
    const words = corpusUnits().filter((u) => /^[\uac00-\ud7a3]+$/.test(u));
    expect(words.length).toBeGreaterThan(2_000);
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3_000; i++) {
      const length = 2 + Math.floor(random() * 7);
      words.push(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
    }
    for (const { font } of korean) {
      const results = words.map((w) => compare(font, w));
      expect(results.filter((r) => r !== 'same' && r !== 'refused')).toEqual([]);
      expect(results.filter((r) => r === 'same').length).toBe(words.length);
    }
  });

  it('refuses anything but syllables, and a face without them', () => {
    const kr = korean[0]!.font;
    for (const text of [
      '\uac00 \uac00',
      '\uac00 ',
      ' \uac00',
      '\uac00.',
      '2023\ub144',
      '\u1100\u1161',
      'ab',
      '',
    ])
      expect(plainHangulRun(kr, text), text).toBeUndefined();
    const latin = shipped.find(({ path }) => /NotoSerif-Regular/.test(path))!.font;
    expect(plainHangulRun(latin, '\uac00')).toBeUndefined();
  });
});

describe('the coverages read from the face bytes', () => {
  it('are the ones fontkit parses, for harfbuzz’s default features, in every face file', () => {
    let compared = 0;
    for (const path of FACE_FILES) {
      const bytes = readFileSync(path);
      const font = fontkit.create(bytes) as fontkit.Font;
      registerFaceBytes(font, bytes);
      const mine = blockedGlyphs(font, HARFBUZZ_DEFAULT_FEATURES);
      const theirs = fontkitBlocked(font, HARFBUZZ_DEFAULT_FEATURES);
      if (!mine || !theirs) continue;
      compared++;
      expect(Buffer.from(mine).equals(Buffer.from(theirs)), path).toBe(true);
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('block what a lookup may start on: the Korean word space, kerning and ligatures', () => {
    const kr = korean[0]!.font;
    const krBlocked = blockedGlyphs(kr, HARFBUZZ_DEFAULT_FEATURES)!;
    expect(krBlocked[kr.glyphForCodePoint(0x20).id]).toBe(1); // calt: the wider space between syllables
    expect(krBlocked[kr.glyphForCodePoint(0xac00).id]).toBe(0);
    const latin = shipped.find(({ path }) => /NotoSerif-Regular/.test(path))!.font;
    const latinBlocked = blockedGlyphs(latin, HARFBUZZ_DEFAULT_FEATURES)!;
    expect(latinBlocked[latin.glyphForCodePoint(0x54).id]).toBe(1); // T: kern
    expect(latinBlocked[latin.glyphForCodePoint(0x66).id]).toBe(1); // f: liga
  });
});
