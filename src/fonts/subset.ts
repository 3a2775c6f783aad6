/**
 * fontkit's TrueType subset through its public API, as fontkit's README documents it: `font.createSubset()`, then
 * `includeGlyph(glyph or id)`, which returns the glyph's id in the subset (its typings say boolean), then `encode()`.
 * Subsets are kept by glyph set where they are made (render/pdf/faces.ts), so a batch encodes each set once.
 */

import type { Font } from 'fontkit';

/** A subset being made: glyphs in, the subset font's bytes out. */
export interface FontSubset {
  /** Adds the glyph (and, for a compound glyph, its components) and returns its id in the subset. */
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

/** A new, empty subset of the face. */
export function createSubset(font: Font): FontSubset {
  return font.createSubset() as unknown as FontSubset;
}
