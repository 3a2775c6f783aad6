/**
 * Work pdfkit repeats for every document, done once per parsed face instead: shaping of each drawn word or line, and
 * the decoding of each glyph that goes into a subset. The bytes written are the same; only the work is shared.
 */

import type { Font } from 'fontkit';

/** pdfkit's embedded font (internal): the fields this module reads or replaces. */
interface EmbeddedFont {
  readonly font?: Font & FontInternals;
  layoutCache?: Record<string, unknown>;
  readonly subset?: TtfSubset;
}

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
interface TtfSubset {
  _addGlyph(gid: number): number;
  includeGlyph(gid: number): number;
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

interface FaceShare {
  layouts: Record<string, unknown>;
  readonly glyphs: Map<number, GlyphRecord>;
}

/**
 * Shaped runs kept per face. A batch draws the same lines again and again (the body of a letter is the same for every
 * recipient); past this many distinct runs the cache starts over, so a long batch holds a bounded amount.
 */
const MAX_LAYOUTS = 20_000;

const shares = new WeakMap<object, FaceShare>();
const patched = new WeakSet<object>();

/**
 * Give the document's current font (the one `pdf.font()` just selected) the face's shared caches. Safe to call for every
 * text run: a font already set up is left alone. Anything unexpected in pdfkit's or fontkit's internals leaves pdfkit
 * doing its own work, as it would without this module.
 */
export function shareFontWork(pdf: PDFKit.PDFDocument): void {
  const embedded = (pdf as unknown as { _font?: EmbeddedFont })._font;
  const font = embedded?.font;
  if (!embedded || !font || patched.has(embedded)) return;
  patched.add(embedded);
  let share = shares.get(font);
  if (!share) shares.set(font, (share = { layouts: Object.create(null) as Record<string, unknown>, glyphs: new Map() }));
  // pdfkit's runs are per face and read-only once made (positions are scaled by the face's own units per em).
  if (embedded.layoutCache) embedded.layoutCache = share.layouts;
  const subset = embedded.subset;
  if (subset && typeof subset._addGlyph === 'function' && font.loca && !font._variationProcessor) {
    const glyphs = share.glyphs;
    subset._addGlyph = function addGlyph(this: TtfSubset, gid: number): number {
      return addRecordedGlyph(this, glyphRecord(this.font, glyphs, gid));
    };
  }
}

/** Call once a document is finished: bounds the shared shaping caches of the faces it used. */
export function trimSharedFontWork(pdf: PDFKit.PDFDocument): void {
  const families = (pdf as unknown as { _fontFamilies?: Record<string, EmbeddedFont> })._fontFamilies ?? {};
  for (const embedded of Object.values(families)) {
    const share = embedded.font ? shares.get(embedded.font) : undefined;
    if (!share) continue;
    // Counting keys is cheap next to drawing a document, and only done once per face per document.
    if (Object.keys(share.layouts).length > MAX_LAYOUTS) share.layouts = Object.create(null) as Record<string, unknown>;
  }
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
