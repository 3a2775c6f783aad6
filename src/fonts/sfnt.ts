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

/**
 * The face's PostScript name (name ID 6) from its name table in `file`, the string fontkit's `font.postscriptName` gives:
 * fontkit decodes every record of the table to answer (~10 ms for a CJK face, in every build). Its answer is the last
 * English record (Macintosh language 0 or Windows 0x409) in table order; this reads the records such a face holds
 * (Windows UTF-16, Macintosh ASCII) and asks fontkit for any other (another encoding, no English record, an empty one).
 */
export function postscriptName(font: Font, file: Uint8Array): string {
  return nameRecord(file, 6) ?? font.postscriptName;
}

/** The last English record of `nameId` decoded as fontkit decodes it, or undefined when this does not read it. */
function nameRecord(file: Uint8Array, nameId: number): string | undefined {
  const table = tableDirectory(file)?.get('name');
  if (!table || table.length < 6) return undefined;
  const view = new DataView(file.buffer, file.byteOffset + table.start, table.length);
  const count = view.getUint16(2);
  const strings = view.getUint16(4);
  if (6 + 12 * count > table.length) return undefined;
  let last: { platform: number; encoding: number; start: number; length: number } | undefined;
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const platform = view.getUint16(at);
    const language = view.getUint16(at + 4);
    if (view.getUint16(at + 6) !== nameId) continue;
    if (!((platform === 1 && language === 0) || (platform === 3 && language === 0x409))) continue;
    last = {
      platform,
      encoding: view.getUint16(at + 2),
      start: strings + view.getUint16(at + 10),
      length: view.getUint16(at + 8),
    };
  }
  if (!last || last.length === 0 || last.start + last.length > table.length) return undefined;
  const bytes = new Uint8Array(file.buffer, file.byteOffset + table.start + last.start, last.length);
  if (last.platform === 3 && (last.encoding === 1 || last.encoding === 10) && last.length % 2 === 0) {
    let text = '';
    for (let k = 0; k < last.length; k += 2) {
      const unit = (bytes[k]! << 8) | bytes[k + 1]!;
      // A surrogate, paired or not, is left to fontkit's decoder.
      if (unit >= 0xd800 && unit <= 0xdfff) return undefined;
      text += String.fromCharCode(unit);
    }
    return text;
  }
  // Mac Roman, read where it is ASCII (the rest of Mac Roman is left to fontkit's table).
  if (last.platform === 1 && last.encoding === 0 && bytes.every((b) => b < 0x80))
    return String.fromCharCode(...bytes);
  return undefined;
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
