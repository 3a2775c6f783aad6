/**
 * A TrueType (glyf) subset written from the face's own tables, byte for byte what fontkit's `createSubset()`,
 * `includeGlyph` and `encode()` write, without what makes fontkit's slow in a batch: for every glyph of every subset it
 * builds a Glyph object, decodes its outline and its bounding box and re-reads its metrics, then encodes the file through
 * its generic structure writer. Here a face's fixed tables are read once, each glyph's bytes stay where they lie in the
 * file (a compound glyph's component ids and their places are read once per face), and a subset is one copy of its
 * glyphs' bytes into a buffer of the right size.
 *
 * The file fontkit writes (and so this one): sfnt version 'true'; the tables head, hhea, loca, maxp, cvt, prep, glyf,
 * hmtx, fpgm in that order (cvt, prep and fpgm when the face has them), each right after the previous one with no
 * padding and a checksum of 0; head as the face's, with indexToLocFormat as the face's and macStyle's seven defined bits;
 * hhea with its reserved words zero and numberOfMetrics the subset's glyph count; maxp version 1.0 with numGlyphs the
 * subset's; loca in the face's format; hmtx one advance and left side bearing per glyph; glyphs in the order they were
 * included, the components of compound glyphs after them in the order met, their ids rewritten to subset ids.
 * test/fonts/glyf-subset.test.ts holds it to fontkit's bytes. A face this does not read the same way (CFF outlines,
 * variations, colour or bitmap glyphs, short or odd tables) is left to fontkit (`GlyfFace.of` gives undefined).
 */

import { readyGlyphs } from './partial-file.js';
import {
  compoundComponents,
  tableDirectory,
  type TableRange as Table,
  writeDirectoryHeader,
} from './sfnt.js';

/** Tables under which fontkit draws or encodes glyphs otherwise (CFF outlines, variations, bitmap and colour glyphs). */
const OTHER_GLYPHS = ['CFF ', 'CFF2', 'fvar', 'gvar', 'sbix', 'COLR'];

/** A compound glyph's component glyph ids and where each id lies in the glyph's bytes. */
interface Components {
  readonly ids: readonly number[];
  readonly at: readonly number[];
}

/** `gid`'s place in a subset being made, added at the end of `order` if new. */
function include(order: number[], place: Map<number, number>, gid: number): number {
  let id = place.get(gid);
  if (id === undefined) {
    place.set(gid, (id = order.length));
    order.push(gid);
  }
  return id;
}

/** A glyf face read once for its subsets. */
export class GlyfFace {
  /** The components of each compound glyph met so far (per face, for the whole batch). */
  private readonly compounds = new Map<number, Components>();

  private constructor(
    private readonly font: object,
    /** The file's bytes as a plain Uint8Array (a Buffer's `subarray` costs more, once per glyph copied). */
    private readonly file: Uint8Array,
    private readonly view: DataView,
    private readonly numGlyphs: number,
    private readonly longLoca: boolean,
    private readonly loca: number,
    private readonly glyf: Table,
    private readonly hmtx: number,
    private readonly numberOfMetrics: number,
    /** head, hhea and maxp as the subset writes them, but for the fields each subset sets. */
    private readonly head: Uint8Array,
    private readonly hhea: Uint8Array,
    private readonly maxp: Uint8Array,
    private readonly cvt: Uint8Array | undefined,
    private readonly prep: Uint8Array | undefined,
    private readonly fpgm: Uint8Array | undefined,
  ) {}

  /**
   * The face `font` was parsed from `bytes` (the file, its outlines maybe not read yet: partial-file.ts), or undefined
   * when fontkit would subset it otherwise than this reads it.
   */
  static of(font: object, bytes: Uint8Array): GlyfFace | undefined {
    const tables = tableDirectory(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A CFF-flavoured file ('OTTO') has no glyf to copy.
    if (!tables || view.getUint32(0) === 0x4f54544f) return undefined;
    if (OTHER_GLYPHS.some((tag) => tables.has(tag))) return undefined;
    const head = tables.get('head');
    const hhea = tables.get('hhea');
    const maxp = tables.get('maxp');
    const loca = tables.get('loca');
    const glyf = tables.get('glyf');
    const hmtx = tables.get('hmtx');
    if (!head || !hhea || !maxp || !loca || !glyf || !hmtx) return undefined;
    if (head.length < 54 || hhea.length < 36 || maxp.length < 32) return undefined;
    const numGlyphs = view.getUint16(maxp.start + 4);
    const longLoca = view.getInt16(head.start + 50) === 1;
    const numberOfMetrics = view.getUint16(hhea.start + 34);
    if (loca.length < (numGlyphs + 1) * (longLoca ? 4 : 2)) return undefined;
    if (numberOfMetrics < 1 || numberOfMetrics > numGlyphs) return undefined;
    if (hmtx.length < 4 * numberOfMetrics + 2 * (numGlyphs - numberOfMetrics)) return undefined;
    const cvt = tables.get('cvt ');
    // fontkit reads cvt as 16-bit values to the table's end: an odd length would not come back the same.
    if (cvt && cvt.length % 2) return undefined;
    // Copies (a Buffer's `slice` would be a view of the font book's bytes, which must stay as read).
    const slice = (t: Table | undefined, length = t?.length ?? 0): Uint8Array | undefined =>
      t ? Uint8Array.prototype.slice.call(bytes, t.start, t.start + length) : undefined;
    const headBytes = slice(head, 54)!;
    // macStyle: fontkit keeps its seven defined bits (bold … extended), the rest are written as zero.
    headBytes[45] = headBytes[45]! & 0x7f;
    headBytes[44] = 0;
    const hheaBytes = slice(hhea, 36)!;
    hheaBytes.fill(0, 24, 32); // four reserved words
    return new GlyfFace(
      font,
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      view,
      numGlyphs,
      longLoca,
      loca.start,
      glyf,
      hmtx.start,
      numberOfMetrics,
      headBytes,
      hheaBytes,
      slice(maxp, 32)!,
      slice(cvt),
      slice(tables.get('prep')),
      slice(tables.get('fpgm')),
    );
  }

  /**
   * The subset of these glyphs, in this order (each once: a repeat is ignored), then the components of compound glyphs
   * as they are met; undefined when a glyph id or the face's glyph data is out of range (fontkit decides those cases).
   */
  encode(included: readonly number[]): Uint8Array | undefined {
    const order: number[] = [];
    const place = new Map<number, number>();
    for (const gid of included) include(order, place, gid);
    if (order.some((gid) => !(gid >= 0 && gid < this.numGlyphs))) return undefined;
    readyGlyphs(this.font, order);
    const places = this.glyphPlaces(order, place);
    if (!places) return undefined;
    const count = order.length;
    const locaLength = (count + 1) * (this.longLoca ? 4 : 2);
    const tables: [string, number][] = [
      ['head', 54],
      ['hhea', 36],
      ['loca', locaLength],
      ['maxp', 32],
      ...(this.cvt ? [['cvt ', this.cvt.length] as [string, number]] : []),
      ...(this.prep ? [['prep', this.prep.length] as [string, number]] : []),
      ['glyf', places.glyfLength],
      ['hmtx', 4 * count],
      ...(this.fpgm ? [['fpgm', this.fpgm.length] as [string, number]] : []),
    ];
    const directory = 12 + 16 * tables.length;
    const out = new Uint8Array(directory + tables.reduce((sum, [, length]) => sum + length, 0));
    const view = new DataView(out.buffer);
    view.setUint32(0, 0x74727565); // 'true', as fontkit writes it
    writeDirectoryHeader(view, tables.length);
    const offsets = new Map<string, number>();
    let at = directory;
    tables.forEach(([tag, length], i) => {
      const entry = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      view.setUint32(entry + 8, at); // the checksum (entry + 4) stays 0, as fontkit leaves it
      view.setUint32(entry + 12, length);
      offsets.set(tag, at);
      at += length;
    });
    const headAt = offsets.get('head')!;
    out.set(this.head, headAt);
    const hheaAt = offsets.get('hhea')!;
    out.set(this.hhea, hheaAt);
    view.setUint16(hheaAt + 34, count);
    const maxpAt = offsets.get('maxp')!;
    out.set(this.maxp, maxpAt);
    view.setUint16(maxpAt + 4, count);
    if (this.cvt) out.set(this.cvt, offsets.get('cvt ')!);
    if (this.prep) out.set(this.prep, offsets.get('prep')!);
    if (this.fpgm) out.set(this.fpgm, offsets.get('fpgm')!);
    // glyf and loca: each glyph's bytes, a compound glyph's component ids rewritten to their subset ids.
    const glyfAt = offsets.get('glyf')!;
    const locaAt = offsets.get('loca')!;
    const hmtxAt = offsets.get('hmtx')!;
    const offset = this.writeGlyphs(view, order, place, places.starts, places.ends, glyfAt, locaAt, hmtxAt);
    if (this.longLoca) view.setUint32(locaAt + 4 * count, offset);
    else view.setUint16(locaAt + 2 * count, offset >>> 1);
    return out;
  }

  /**
   * Where each glyph of `order` lies in the file, compound glyphs' components joining `order` as they are met;
   * undefined when glyph data is out of range. (The hot loops are methods of their own: V8 optimises a hot function with
   * all it inlines, and `encode` whole took longer to compile than a batch spends running it.)
   */
  private glyphPlaces(
    order: number[],
    place: Map<number, number>,
  ): { starts: number[]; ends: number[]; glyfLength: number } | undefined {
    const starts: number[] = [];
    const ends: number[] = [];
    let glyfLength = 0;
    for (let i = 0; i < order.length; i++) {
      const gid = order[i]!;
      const start = this.glyf.start + this.locaOffset(gid);
      const end = this.glyf.start + this.locaOffset(gid + 1);
      if (end < start || end > this.glyf.start + this.glyf.length) return undefined;
      starts.push(start);
      ends.push(end);
      glyfLength += end - start;
      if (end > start && end - start < 10) return undefined;
      if (end > start && this.view.getInt16(start) < 0) {
        const parts = this.components(gid, start, end);
        if (!parts || parts.ids.some((id) => id >= this.numGlyphs)) return undefined;
        for (const id of parts.ids) include(order, place, id);
      }
    }
    return { starts, ends, glyfLength };
  }

  /**
   * glyf, loca and hmtx of the subset: each glyph's bytes, a compound glyph's component ids rewritten to their subset
   * ids; returns glyf's length.
   */
  private writeGlyphs(
    view: DataView,
    order: readonly number[],
    place: ReadonlyMap<number, number>,
    starts: readonly number[],
    ends: readonly number[],
    glyfAt: number,
    locaAt: number,
    hmtxAt: number,
  ): number {
    const out = new Uint8Array(view.buffer);
    const lastMetric = this.numberOfMetrics - 1;
    let offset = 0;
    for (let i = 0; i < order.length; i++) {
      const gid = order[i]!;
      if (this.longLoca) view.setUint32(locaAt + 4 * i, offset);
      else view.setUint16(locaAt + 2 * i, offset >>> 1);
      const start = starts[i]!;
      const length = ends[i]! - start;
      if (length > 0) {
        out.set(this.file.subarray(start, start + length), glyfAt + offset);
        const parts = this.compounds.get(gid);
        if (parts)
          for (let k = 0; k < parts.ids.length; k++)
            view.setUint16(glyfAt + offset + parts.at[k]!, place.get(parts.ids[k]!)!);
      }
      offset += length;
      // hmtx: past numberOfMetrics a glyph has the last advance and a bearing of its own.
      const metric = this.hmtx + 4 * Math.min(gid, lastMetric);
      view.setUint16(hmtxAt + 4 * i, this.view.getUint16(metric));
      view.setInt16(
        hmtxAt + 4 * i + 2,
        gid <= lastMetric
          ? this.view.getInt16(metric + 2)
          : this.view.getInt16(this.hmtx + 4 * (lastMetric + 1) + 2 * (gid - lastMetric - 1)),
      );
    }
    return offset;
  }

  /** Glyph `gid`'s offset into glyf (loca). */
  private locaOffset(gid: number): number {
    return this.longLoca
      ? this.view.getUint32(this.loca + 4 * gid)
      : this.view.getUint16(this.loca + 2 * gid) * 2;
  }

  /**
   * The components of the compound glyph whose bytes lie at start…end (OpenType glyf, composite glyph description),
   * read once per face; null when its component records run past its end.
   */
  private components(gid: number, start: number, end: number): Components | null {
    const known = this.compounds.get(gid);
    if (known) return known;
    const { ids, at, complete } = compoundComponents(this.view, start, end);
    if (!complete) return null;
    const parts = { ids, at };
    this.compounds.set(gid, parts);
    return parts;
  }
}
