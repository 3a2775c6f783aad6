/**
 * fontkit's TrueType subset with each glyph read once per face: what `TTFSubset._addGlyph` reads for a glyph (its glyf
 * bytes, its components, its metrics) is kept and reused by every later subset of the face, the PDF's and the DOCX's.
 * A batch embeds nearly the same glyphs in every letter; the bytes written are the same as fontkit's own.
 */

import type { Font } from 'fontkit';

/** fontkit's internals that the subset reads. */
interface FontInternals {
  readonly loca?: { readonly offsets: readonly number[] };
  readonly _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(id: number): GlyphInternals;
}

interface GlyphInternals {
  readonly advanceWidth: number;
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  _getMetrics(): { leftBearing: number };
}

/** fontkit's TTFSubset (internal): what `_addGlyph` works on while the subset is encoded. */
export interface TtfSubset {
  _addGlyph(gid: number): number;
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  readonly font: FontInternals;
}

/** One glyph as the subset copies it: its glyf bytes, the components to renumber, its horizontal metrics. */
interface GlyphRecord {
  readonly bytes: Uint8Array;
  readonly components: readonly { readonly glyphID: number; readonly pos: number }[] | null;
  readonly advance: number;
  readonly bearing: number;
}

const recorded = new WeakMap<object, Map<number, GlyphRecord>>();

/**
 * Makes `subset` (fontkit's, of `font`) copy glyphs from the face's records. Anything unexpected in fontkit's internals
 * (a font without loca, a variable font) leaves the subset doing its own work.
 */
export function recordGlyphs(subset: unknown, font: Font): void {
  const s = subset as Partial<TtfSubset> | undefined;
  const f = font as unknown as FontInternals;
  if (!s || typeof s._addGlyph !== 'function' || !f.loca || f._variationProcessor) return;
  let glyphs = recorded.get(font);
  if (!glyphs) recorded.set(font, (glyphs = new Map()));
  const records = glyphs;
  s._addGlyph = function addGlyph(this: TtfSubset, gid: number): number {
    return addRecordedGlyph(this, glyphRecord(this.font, records, gid));
  };
}

/** What fontkit's TTFSubset._addGlyph reads from the font for one glyph, read once per face. */
function glyphRecord(font: FontInternals, glyphs: Map<number, GlyphRecord>, gid: number): GlyphRecord {
  let record = glyphs.get(gid);
  if (!record) {
    const glyph = font.getGlyph(gid);
    const glyf = glyph._decode();
    const offsets = font.loca!.offsets;
    const stream = font._getTableStream('glyf');
    stream.pos += offsets[gid]!;
    const bytes = stream.readBuffer(offsets[gid + 1]! - offsets[gid]!);
    const components = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : null;
    record = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
    glyphs.set(gid, record);
  }
  return record;
}

/** fontkit's TTFSubset._addGlyph for a font without variations, from a recorded glyph. */
function addRecordedGlyph(subset: TtfSubset, record: GlyphRecord): number {
  let buffer = record.bytes;
  if (record.components) {
    // A compound glyph names its components by glyph id: renumber them to their ids in this subset.
    buffer = new Uint8Array(buffer);
    const view = new DataView(buffer.buffer);
    for (const component of record.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
  }
  subset.glyf.push(buffer);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
  subset.offset += buffer.length;
  return subset.glyf.length - 1;
}
