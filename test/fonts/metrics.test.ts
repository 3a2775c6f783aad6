/**
 * Advances from hmtx (src/fonts/metrics.ts): the same numbers fontkit's `glyph.advanceWidth` gives, for every glyph of
 * every face the tool ships, without decoding any outline; shaping a run the fast path takes reads none either.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { hmtxAdvance, registerFaceBytes, shape } from '../../src/fonts/index.js';

const FONTS = join(import.meta.dirname, '..', '..', 'fonts');
const FACES = readdirSync(FONTS).filter((f) => f.endsWith('.ttf'));

/** The file with every loca offset pointing far past its end: decoding any glyph's outline (or its box) throws. */
function withUnreadableOutlines(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const tables = new Map<string, number>();
  for (let i = 0; i < copy.readUInt16BE(4); i++)
    tables.set(copy.toString('latin1', 12 + 16 * i, 16 + 16 * i), copy.readUInt32BE(20 + 16 * i));
  const longOffsets = copy.readInt16BE(tables.get('head')! + 50) === 1;
  const numGlyphs = copy.readUInt16BE(tables.get('maxp')! + 4);
  const loca = tables.get('loca')!;
  for (let i = 0; i <= numGlyphs; i++) {
    if (longOffsets) copy.writeUInt32BE(0x7fff0000 + 16 * i, loca + 4 * i);
    else copy.writeUInt16BE(0xff00 + i, loca + 2 * i);
  }
  return copy;
}

describe('advances from hmtx', () => {
  for (const file of FACES) {
    it(`${file}: every glyph's hmtx advance is fontkit's advanceWidth`, () => {
      const bytes = readFileSync(join(FONTS, file));
      const font = fontkit.create(bytes) as fontkit.Font;
      // Read from the file's own hmtx where its bytes are known (FontBook's faces), else from fontkit's parsed table.
      const registered = fontkit.create(bytes) as fontkit.Font;
      registerFaceBytes(registered, bytes);
      const step = font.numGlyphs > 5000 ? 7 : 1; // the CJK faces: every 7th of ~30,000 glyphs
      let compared = 0;
      for (let id = 0; id < font.numGlyphs; id += step) {
        const advance = font.getGlyph(id).advanceWidth;
        expect(hmtxAdvance(font, id), `${file} glyph ${id}`).toBe(advance);
        expect(hmtxAdvance(registered, id), `${file} glyph ${id}, from the bytes`).toBe(advance);
        compared++;
      }
      expect(compared).toBeGreaterThan(100);
    });
  }

  it('measures and shapes without reading an outline', () => {
    const font = fontkit.create(
      withUnreadableOutlines(readFileSync(join(FONTS, 'NotoSerifSC-Regular.ttf'))),
    ) as fontkit.Font;
    const id = font.glyphForCodePoint(0x6211).id;
    // The file is broken where outlines are: fontkit's own advance decodes the box and fails.
    expect(() => font.getGlyph(id + 1).advanceWidth).toThrow();
    expect(hmtxAdvance(font, id)).toBe(1000);
    const run = shape(font, '我们恳请您停止强制遣返。');
    expect(run.widths).toEqual(Array(12).fill(1000));
    expect(run.advanceWidth).toBe(12_000);
  });
});
