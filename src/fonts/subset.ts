/**
 * A TrueType subset of a face: glyphs in (glyph 0 first, then in the order included), the subset font's bytes out.
 * A glyf face is subset by glyf-subset.ts from the face's own tables, the same bytes fontkit writes in a fraction of its
 * time; any other face (CFF outlines, variations: a project may bring its own) through fontkit's public API, as its
 * README documents it: `font.createSubset()`, then `includeGlyph(glyph or id)`, which returns the glyph's id in the
 * subset (its typings say boolean), then `encode()`.
 * Subsets are kept by glyph set where they are made (render/pdf/font-streams.ts), so a batch encodes each set once.
 */

import type { Font } from 'fontkit';
import { GlyfFace } from './glyf-subset.js';
import { readyGlyphs } from './partial-file.js';

/** A subset being made: glyphs in, the subset font's bytes out. */
export interface FontSubset {
  /** Adds the glyph (and, for a compound glyph, its components) and returns its id in the subset. */
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

/** Each face's tables as glyf-subset.ts reads them, once per face; null for a face fontkit subsets. */
const glyfFaces = new WeakMap<Font, GlyfFace | null>();

/**
 * A new subset of the face holding glyph 0. `file`: the bytes `font` was parsed from (FontBook.tableBytes), for a
 * glyf face to be subset from its own tables; without them fontkit subsets it.
 */
export function createSubset(font: Font, file?: Uint8Array): FontSubset {
  const face = file ? glyfFace(font, file) : null;
  const included = [0];
  const place = new Map([[0, 0]]);
  return {
    includeGlyph(glyphId: number): number {
      let id = place.get(glyphId);
      if (id === undefined) {
        place.set(glyphId, (id = included.length));
        included.push(glyphId);
      }
      return id;
    },
    encode: () => face?.encode(included) ?? fontkitSubset(font, included),
  };
}

function glyfFace(font: Font, file: Uint8Array): GlyfFace | null {
  let face = glyfFaces.get(font);
  if (face === undefined) glyfFaces.set(font, (face = GlyfFace.of(font, file) ?? null));
  return face;
}

/** fontkit's subset of these glyphs, included in this order (glyph 0 first, as fontkit's subset starts with it). */
export function fontkitSubset(font: Font, glyphs: readonly number[]): Uint8Array {
  readyGlyphs(font, glyphs);
  const subset = font.createSubset() as unknown as FontSubset;
  for (const gid of glyphs) subset.includeGlyph(gid);
  return subset.encode();
}
