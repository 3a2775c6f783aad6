/**
 * A glyph's own advance width, read from the face's hmtx table. fontkit's `glyph.advanceWidth` gives the same number
 * for a face without variations, but computes every metric of the glyph first: for a TrueType glyph it decodes the
 * outline's control box from glyf and loca (the first call decodes all of loca: ~75 ms for a CJK face), for a CFF
 * glyph without vmtx the whole outline. Typesetting needs only the advance.
 */

import type { Font } from 'fontkit';
import { faceBytesOf } from './face-bytes.js';
import { tableDirectory } from './sfnt.js';

/** fontkit's parsed hmtx (its table getters are not in fontkit's typings): numberOfHMetrics pairs, then bearings. */
interface Hmtx {
  readonly metrics: { readonly length: number; get(index: number): { readonly advance: number } | undefined };
}

/** Where a face's advances are: its file's hmtx (read in place), or fontkit's parsed table; null: neither. */
type Advances =
  | {
      readonly view: DataView;
      readonly hmtx: number;
      readonly longMetrics: number;
      readonly numGlyphs: number;
    }
  | { readonly hmtx: Hmtx }
  | null;

const tables = new WeakMap<Font, Advances>();

/** The advance width of glyph `id` in font units, as hmtx gives it (the last long metric for ids past it). */
export function hmtxAdvance(font: Font, id: number): number {
  let advances = tables.get(font);
  if (advances === undefined) tables.set(font, (advances = advancesOf(font)));
  if (!advances) return font.getGlyph(id).advanceWidth;
  if ('view' in advances) {
    // The glyph count read once (fontkit's getter goes through its table cache on every call).
    if (id < 0 || id >= advances.numGlyphs) return font.getGlyph(id).advanceWidth;
    const index = Math.min(id, advances.longMetrics - 1);
    return advances.view.getUint16(advances.hmtx + 4 * index);
  }
  if (id < 0 || id >= font.numGlyphs) return font.getGlyph(id).advanceWidth;
  const { metrics } = advances.hmtx;
  return metrics.get(Math.min(id, metrics.length - 1))?.advance ?? 0;
}

function advancesOf(font: Font): Advances {
  const bytes = faceBytesOf(font);
  const directory = bytes && tableDirectory(bytes);
  const hhea = directory?.get('hhea');
  const hmtx = directory?.get('hmtx');
  if (bytes && hhea && hmtx && hhea.length >= 36) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const longMetrics = view.getUint16(hhea.start + 34);
    if (longMetrics > 0 && 4 * longMetrics <= hmtx.length)
      return { view, hmtx: hmtx.start, longMetrics, numGlyphs: font.numGlyphs };
  }
  const parsed = (font as unknown as { hmtx?: Hmtx | null }).hmtx;
  return parsed?.metrics.length ? { hmtx: parsed } : null;
}
