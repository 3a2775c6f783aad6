/**
 * A standalone TrueType subset of a face, for documents that embed whole font files (DOCX): fontkit's subset (the
 * tables a PDF needs: glyf, loca, hmtx, head, hhea, maxp, prep) completed with the ones a word processor needs to use
 * it as a font: cmap for the subset's characters, and OS/2, name and post from the original face.
 *
 * Written here rather than taken from harfbuzz (subset-font): harfbuzz's WebAssembly build copies the 14 MB CJK file
 * into its heap for every subset, takes ~150 ms for it and keeps ~100 MB of heap per thread for good; this reuses the
 * face fontkit has already parsed, in a few milliseconds.
 * Layout tables (GSUB, GPOS) are left out: Word and LibreOffice shape CJK and Latin text from cmap and hmtx alone.
 * Arabic they cannot: its joining forms are reached only through GSUB, so a face drawing Arabic is embedded whole
 * (`wholeFontTables`).
 */

import type { Font } from 'fontkit';
import { renamedNameTable, type SubsetNames } from './names.js';
import { createSubset } from './subset.js';

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

interface FontWithDirectory {
  readonly directory: { readonly tables: Readonly<Record<string, TableRecord | undefined>> };
}

/**
 * The face (`font`, parsed from `file`, the bytes of its file) cut down to the glyphs of these characters and glyph 0;
 * a character the face lacks is left out (the font book has already chosen a face that has it). With `names`, the
 * subset goes by those names instead of the face's own (see names.ts).
 */
export function standaloneSubset(
  font: Font,
  file: Uint8Array,
  text: string,
  names?: SubsetNames,
): Uint8Array {
  const tables = subsetTables(font, file, text);
  if (names) tables.set('name', renamedNameTable(tables.get('name'), names));
  return sfntFile(tables);
}

/** The tables of standaloneSubset's font by tag, before they are written into one file. */
export function subsetTables(font: Font, file: Uint8Array, text: string): Map<string, Uint8Array> {
  const subset = createSubset(font, file);
  // In code point order, so that runs of characters get runs of glyph ids: few cmap segments.
  const codePoints = [...new Set(Array.from(text, (ch) => ch.codePointAt(0)!))].sort((a, b) => a - b);
  const mapping: [number, number][] = [];
  for (const cp of codePoints) {
    const glyph = font.glyphForCodePoint(cp);
    if (glyph.id !== 0) mapping.push([cp, subset.includeGlyph(glyph.id)]);
  }
  const tables = readTables(subset.encode());
  const original = (font as unknown as FontWithDirectory).directory.tables;
  const raw = (tag: string): Uint8Array | undefined => {
    const record = original[tag];
    return record ? file.subarray(record.offset, record.offset + record.length) : undefined;
  };
  tables.set('cmap', cmapTable(mapping));
  for (const tag of ['OS/2', 'name']) {
    const bytes = raw(tag);
    if (bytes) tables.set(tag, bytes);
  }
  const post = raw('post');
  if (post && post.length >= 32) tables.set('post', postVersion3(post));
  return tables;
}

/**
 * Every table of the face's file, by tag (views of `file`, which stays as read): for a face whose text a word processor
 * must shape (Arabic joining forms live in GSUB, which a subset by code points drops).
 */
export function wholeFontTables(file: Uint8Array): Map<string, Uint8Array> {
  return readTables(file);
}

/** The tables of an sfnt file, by tag. */
function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(at + 12)));
  }
  return tables;
}

/** A post table of version 3: the original's metrics without glyph names (their ids changed with the subset). */
function postVersion3(post: Uint8Array): Uint8Array {
  // A copy: `post` views the font book's bytes of the whole file (shared by every thread), which must stay as read.
  // (Buffer's own `slice` would return a view, and its `.buffer` starts at the file's first byte.)
  const out = new Uint8Array(32);
  out.set(post.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/**
 * cmap with a format 12 subtable (Windows, full Unicode) and, when it fits in its 64 KB, a format 4 one for the
 * Basic Multilingual Plane (Windows, BMP), which older readers look for first.
 */
function cmapTable(mapping: readonly (readonly [number, number])[]): Uint8Array {
  const groups = runs(mapping);
  const format12 = new DataView(new ArrayBuffer(16 + 12 * groups.length));
  format12.setUint16(0, 12);
  format12.setUint32(4, format12.byteLength);
  format12.setUint32(12, groups.length);
  groups.forEach(([start, end, glyph], i) => {
    format12.setUint32(16 + 12 * i, start);
    format12.setUint32(20 + 12 * i, end);
    format12.setUint32(24 + 12 * i, glyph);
  });
  const format4 = bmpSubtable(
    groups
      .filter(([start]) => start <= 0xfffe)
      .map(([start, end, glyph]) => [start, Math.min(end, 0xfffe), glyph] as const),
  );
  const subtables: [number, number, Uint8Array][] = [
    ...(format4 ? [[3, 1, format4] as [number, number, Uint8Array]] : []),
    [3, 10, new Uint8Array(format12.buffer)],
  ];
  const header = 4 + 8 * subtables.length;
  const out = new Uint8Array(header + subtables.reduce((sum, [, , t]) => sum + t.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, subtables.length);
  let offset = header;
  subtables.forEach(([platform, encoding, table], i) => {
    view.setUint16(4 + 8 * i, platform);
    view.setUint16(6 + 8 * i, encoding);
    view.setUint32(8 + 8 * i, offset);
    out.set(table, offset);
    offset += table.length;
  });
  return out;
}

/** Runs of consecutive characters mapped to consecutive glyphs: [first char, last char, first glyph]. */
function runs(mapping: readonly (readonly [number, number])[]): [number, number, number][] {
  const groups: [number, number, number][] = [];
  for (const [cp, gid] of mapping) {
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  return groups;
}

/** Format 4: one segment per run (glyph = char + delta), then the required final segment at U+FFFF. */
function bmpSubtable(groups: readonly (readonly [number, number, number])[]): Uint8Array | undefined {
  const segments = [
    ...groups.map(([start, end, glyph]) => [start, end, (glyph - start) & 0xffff] as const),
    [0xffff, 0xffff, 1] as const,
  ];
  const count = segments.length;
  const length = 16 + 8 * count;
  if (length > 0xffff) return undefined;
  const view = new DataView(new ArrayBuffer(length));
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint16(0, 4);
  view.setUint16(2, length);
  view.setUint16(6, 2 * count);
  view.setUint16(8, 2 * power);
  view.setUint16(10, Math.log2(power));
  view.setUint16(12, 2 * count - 2 * power);
  segments.forEach(([start, end, delta], i) => {
    view.setUint16(14 + 2 * i, end);
    view.setUint16(16 + 2 * count + 2 * i, start);
    view.setUint16(16 + 4 * count + 2 * i, delta);
    // idRangeOffset stays 0: every segment maps by delta.
  });
  return new Uint8Array(view.buffer);
}

/** An sfnt file of these tables: sorted directory, 4-byte aligned tables, checksums and head's checkSumAdjustment. */
export function sfntFile(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let size = 12 + 16 * count;
  for (const tag of tags) size += align4(tables.get(tag)!.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, 16 * power);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, 16 * count - 16 * power);
  let offset = 12 + 16 * count;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    out.set(table, offset);
    if (tag === 'head') {
      headAt = offset;
      view.setUint32(offset + 8, 0); // checkSumAdjustment is computed over the whole file with this field zero
    }
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(view, offset, table.length));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, table.length);
    offset += align4(table.length);
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, out.length)) >>> 0);
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** The sfnt checksum: the sum of the big-endian 32-bit words, the last one padded with zeros. */
function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  const end = offset + align4(length);
  for (let i = offset; i < end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}
