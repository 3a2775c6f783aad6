/**
 * Whether a TrueType file's outlines can be read to the end, from its bytes: the table directory inside the file, the
 * tables every renderer reads, loca's offsets inside glyf, and each glyph's own records inside its bytes (OpenType
 * spec, "glyf — Glyph Data"). fontkit reads a table or a glyph only when a letter first needs it, so a file cut short
 * or damaged there passed `fontkit.create` and stopped each document that used it while rendering, with "Offset is
 * outside the bounds of the DataView" and no file named.
 */

import { tableDirectory } from './sfnt.js';

/** The tables a TrueType-outlined face must have for the PDF and DOCX writers (measuring, shaping, subsetting). */
const REQUIRED = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf'] as const;

/** What is damaged in the file, as the end of a sentence naming it; undefined when its outlines read to the end. */
export function outlineProblem(bytes: Uint8Array): string | undefined {
  const tables = tableDirectory(bytes);
  if (!tables) return 'is cut short or damaged (its table directory points past the end of the file)';
  const missing = REQUIRED.filter((tag) => !tables.has(tag));
  if (missing.length === REQUIRED.length)
    return 'cannot be read as a font (it has none of the tables a font has)';
  if (missing.length)
    return `has no ${missing.map((t) => `'${t}'`).join(', ')} table${missing.length > 1 ? 's' : ''} (a TrueType face needs TrueType outlines; a colour emoji or bitmap face has none)`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = tables.get('head')!;
  const hhea = tables.get('hhea')!;
  const maxp = tables.get('maxp')!;
  const hmtx = tables.get('hmtx')!;
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  if (head.length < 54 || hhea.length < 36 || maxp.length < 6)
    return 'is damaged (its head, hhea or maxp table is too short)';
  const numGlyphs = view.getUint16(maxp.start + 4);
  const longLoca = view.getInt16(head.start + 50) === 1;
  const metrics = view.getUint16(hhea.start + 34);
  if (numGlyphs < 1 || metrics < 1 || metrics > numGlyphs)
    return 'is damaged (its glyph count or its count of horizontal metrics is wrong)';
  if (hmtx.length < 4 * metrics + 2 * (numGlyphs - metrics))
    return 'is damaged (its hmtx table is shorter than its glyph count needs)';
  if (loca.length < (numGlyphs + 1) * (longLoca ? 4 : 2))
    return 'is damaged (its loca table is shorter than its glyph count needs)';
  const offset = (gid: number): number =>
    longLoca ? view.getUint32(loca.start + 4 * gid) : 2 * view.getUint16(loca.start + 2 * gid);
  let start = offset(0);
  for (let gid = 0; gid < numGlyphs; gid++) {
    const end = offset(gid + 1);
    if (end < start || end > glyf.length)
      return `is damaged (the outline of glyph ${gid} lies outside its glyf table)`;
    if (end > start && !glyphReads(view, glyf.start + start, glyf.start + end, numGlyphs))
      return `is damaged (the outline of glyph ${gid} does not read to its end)`;
    start = end;
  }
  return undefined;
}

/** Whether the glyph at start…end (absolute offsets) holds its header and records within its bytes. */
function glyphReads(view: DataView, start: number, end: number, numGlyphs: number): boolean {
  if (end - start < 10) return false;
  const contours = view.getInt16(start);
  let pos = start + 10;
  if (contours < 0) {
    // A composite glyph: component records (flags, glyph id, arguments, transform) until MORE_COMPONENTS is clear.
    for (;;) {
      if (pos + 4 > end) return false;
      const flags = view.getUint16(pos);
      if (view.getUint16(pos + 2) >= numGlyphs) return false;
      // ARG_1_AND_2_ARE_WORDS 0x1, WE_HAVE_A_SCALE 0x8, X_AND_Y_SCALE 0x40, TWO_BY_TWO 0x80, MORE_COMPONENTS 0x20.
      pos += 4 + (flags & 0x0001 ? 4 : 2);
      if (flags & 0x0008) pos += 2;
      else if (flags & 0x0040) pos += 4;
      else if (flags & 0x0080) pos += 8;
      if (pos > end) return false;
      if (!(flags & 0x0020)) return true;
    }
  }
  // A simple glyph: endPtsOfContours, instructions, then one flag (with repeats) and x and y per point.
  if (pos + 2 * contours + 2 > end) return false;
  let points = 0;
  for (let c = 0; c < contours; c++) {
    const last = view.getUint16(pos + 2 * c) + 1;
    if (last <= points && c > 0) return false;
    points = last;
  }
  pos += 2 * contours;
  pos += 2 + view.getUint16(pos);
  let xBytes = 0;
  let yBytes = 0;
  for (let point = 0; point < points; ) {
    if (pos >= end) return false;
    const flag = view.getUint8(pos++);
    let times = 1;
    if (flag & 0x08) {
      // REPEAT_FLAG: the next byte says how many more points take this flag.
      if (pos >= end) return false;
      times += view.getUint8(pos++);
    }
    // X_SHORT_VECTOR 0x02 (one byte), else X_IS_SAME 0x10 (none) or two bytes; the same for y with 0x04 and 0x20.
    const x = flag & 0x02 ? 1 : flag & 0x10 ? 0 : 2;
    const y = flag & 0x04 ? 1 : flag & 0x20 ? 0 : 2;
    // A repeat count past the last point is read as fontkit reads it: only the points there are take a flag.
    const taken = Math.min(times, points - point);
    xBytes += x * taken;
    yBytes += y * taken;
    point += taken;
  }
  return pos + xBytes + yBytes <= end;
}
