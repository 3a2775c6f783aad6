/**
 * Reading an sfnt file's table directory and the few fields of its small tables that callers need, from the bytes
 * themselves: fontkit decodes a whole table on first use, and a Latin face's post table holds ~3,800 glyph names
 * (~100 ms of cold decoding) where a PDF font descriptor needs two numbers of its header.
 */

import type { Font } from 'fontkit';

/** Where a table lies in the file. */
export interface TableRange {
  readonly start: number;
  readonly length: number;
}

/**
 * The table directory of a TrueType or OpenType file by tag, or undefined for anything else (a collection, WOFF) or a
 * directory pointing past the file's end.
 */
export function tableDirectory(bytes: Uint8Array): Map<string, TableRange> | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */ && version !== 0x4f54544f /* 'OTTO' */)
    return undefined;
  const count = view.getUint16(4);
  if (12 + 16 * count > bytes.length) return undefined;
  const tables = new Map<string, TableRange>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const start = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (start + length > bytes.length) return undefined;
    tables.set(tag, { start, length });
  }
  return tables;
}

/** The post table's header fields a font descriptor takes. */
export interface PostHeader {
  /** Degrees counter-clockwise from the vertical (fontkit's `font.italicAngle`). */
  readonly italicAngle: number;
  readonly isFixedPitch: boolean;
}

/**
 * The face's italic angle and fixed pitch from its post header in `file` (the bytes `font` was parsed from), the values
 * fontkit's `font.post` gives; through fontkit when the file is not one this reads.
 */
export function postHeader(font: Font, file: Uint8Array): PostHeader {
  const post = tableDirectory(file)?.get('post');
  if (!post || post.length < 16) {
    const parsed = (font as unknown as { post: { italicAngle: number; isFixedPitch: number } }).post;
    return { italicAngle: parsed.italicAngle, isFixedPitch: parsed.isFixedPitch !== 0 };
  }
  const view = new DataView(file.buffer, file.byteOffset + post.start, post.length);
  // italicAngle is a 16.16 fixed-point number (fontkit divides the 32-bit integer by 65,536, as here).
  return { italicAngle: view.getInt32(4) / 65536, isFixedPitch: view.getUint32(12) !== 0 };
}

/** numTables, searchRange, entrySelector and rangeShift of an sfnt table directory. */
export function writeDirectoryHeader(view: DataView, count: number): void {
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint16(4, count);
  view.setUint16(6, 16 * power);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, 16 * count - 16 * power);
}

/** The components of a compound glyph: each one's glyph id and where that id sits, from the glyph's first byte. */
export interface CompoundComponents {
  readonly ids: number[];
  readonly at: number[];
  /** False when the component records run past the glyph's end (what was read before that is kept). */
  readonly complete: boolean;
}

/**
 * The component records of the compound glyph whose bytes lie at start…end (OpenType glyf, composite glyph
 * description).
 */
export function compoundComponents(view: DataView, start: number, end: number): CompoundComponents {
  const ids: number[] = [];
  const at: number[] = [];
  let pos = start + 10;
  for (;;) {
    if (pos + 4 > end) return { ids, at, complete: false };
    const flags = view.getUint16(pos);
    at.push(pos + 2 - start);
    ids.push(view.getUint16(pos + 2));
    // ARG_1_AND_2_ARE_WORDS 0x1, WE_HAVE_A_SCALE 0x8, X_AND_Y_SCALE 0x40, TWO_BY_TWO 0x80, MORE_COMPONENTS 0x20.
    pos += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) pos += 2;
    else if (flags & 0x0040) pos += 4;
    else if (flags & 0x0080) pos += 8;
    if (!(flags & 0x0020)) return { ids, at, complete: true };
  }
}
