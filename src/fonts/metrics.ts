/**
 * A glyph's own advance width, read from the face's hmtx table. fontkit's `glyph.advanceWidth` gives the same number
 * for a face without variations, but computes every metric of the glyph first: for a TrueType glyph it decodes the
 * outline's control box from glyf and loca (~25 µs a glyph, most of measuring a Chinese letter), for a CFF glyph
 * without vmtx the whole outline. Typesetting needs only the advance.
 */

import type { Font } from 'fontkit';

/** fontkit's parsed hmtx (its table getters are not in fontkit's typings): numberOfHMetrics pairs, then bearings. */
interface Hmtx {
  readonly metrics: { readonly length: number; get(index: number): { readonly advance: number } | undefined };
}

/** Per face: advances read so far (-1: not yet), or null when the face has no hmtx to read. */
const tables = new WeakMap<Font, Int32Array | null>();

/** The advance width of glyph `id` in font units, as hmtx gives it (the last long metric for ids past it). */
export function hmtxAdvance(font: Font, id: number): number {
  let advances = tables.get(font);
  if (advances === undefined) {
    const hmtx = (font as unknown as { hmtx?: Hmtx | null }).hmtx;
    advances = hmtx?.metrics.length ? new Int32Array(font.numGlyphs + 1).fill(-1) : null;
    tables.set(font, advances);
  }
  if (!advances || id < 0 || id >= advances.length) return font.getGlyph(id).advanceWidth;
  let advance = advances[id]!;
  if (advance < 0) {
    const { metrics } = (font as unknown as { hmtx: Hmtx }).hmtx;
    advance = metrics.get(Math.min(id, metrics.length - 1))?.advance ?? 0;
    advances[id] = advance;
  }
  return advance;
}
