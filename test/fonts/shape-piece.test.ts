/**
 * A piece cut from a run shaped whole (src/fonts/shaped.ts `shapePiece`, where harfbuzz flags both cuts safe) is the
 * piece shaped alone, glyph for glyph and to the last bit of every advance: for the words (with and without their
 * trailing space), word pairs and character chunks of every line of the corpus, in every face the tool ships and the
 * fixtures bring. Left out: harfbuzz's UNSAFE_TO_BREAK makes it fail (Noto Serif KR's wider space between syllables).
 */

import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  harfBuzzShape,
  loadHarfBuzz,
  registerFaceBytes,
  shape,
  shapePiece,
  type Shaped,
} from '../../src/fonts/index.js';
import { corpusUnits, FACE_FILES, ROOT } from './shaping-corpus.js';

beforeAll(() => loadHarfBuzz());

/** A face opened on its own: its shaping table is its own, so `shape` there shapes every piece alone. */
function open(file: string): fontkit.Font {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes) as fontkit.Font;
  registerFaceBytes(font, bytes);
  return font;
}

/** Where a line is cut: after each space (a word with its space), before it (without), and every third character. */
function cutsOf(line: string): number[] {
  const cuts = new Set<number>();
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ' ') cuts.add(i).add(i + 1);
    if (i % 3 === 0 && !/[\udc00-\udfff]/.test(line[i]!)) cuts.add(i);
  }
  cuts.delete(0);
  return [...cuts].filter((c) => c < line.length).sort((a, b) => a - b);
}

const glyphsOf = (s: Shaped) => ({
  glyphs: s.glyphs,
  advances: s.advances,
  widths: s.widths,
  xOffsets: s.xOffsets,
  yOffsets: s.yOffsets,
  codePoints: s.codePoints,
  advanceWidth: s.advanceWidth,
});

describe('pieces cut from a run shaped whole', () => {
  const lines = corpusUnits().filter((unit) => unit.length >= 20);

  for (const file of FACE_FILES) {
    it(`${file.slice(ROOT.length + 1)}: equal the pieces shaped alone`, () => {
      const cutting = open(file);
      const alone = open(file);
      let derived = 0;
      let compared = 0;
      const wrong: string[] = [];
      for (const line of lines) {
        if (![...line].every((ch) => cutting.hasGlyphForCodePoint(ch.codePointAt(0)!))) continue;
        const cuts = [0, ...cutsOf(line), line.length];
        for (let k = 0; k + 1 < cuts.length; k++) {
          // The piece between two neighbouring cuts, and two pieces joined: both ends inside the line.
          for (const end of [cuts[k + 1]!, cuts[k + 2]]) {
            if (end === undefined) continue;
            const start = cuts[k]!;
            const piece = shapePiece(cutting, line, start, end);
            const text = line.slice(start, end);
            // A right-to-left piece is fontkit's, never cut (its code points depend on what the face drew before).
            if (!harfBuzzShape(alone, text)) continue;
            compared++;
            if (!('cuts' in piece)) derived++;
            if (JSON.stringify(glyphsOf(piece)) !== JSON.stringify(glyphsOf(shape(alone, text))))
              wrong.push(`${JSON.stringify(line)} [${start}, ${end}) ${JSON.stringify(text)}`);
          }
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      // Not vacuous: thousands of pieces, many of them cut from their line.
      if (compared > 0) expect(compared).toBeGreaterThan(1000);
      console.log(`${file.slice(ROOT.length + 1)}: ${compared} pieces, ${derived} cut from their line`);
    });
  }
});
