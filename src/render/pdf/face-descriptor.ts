/**
 * What a PDF font descriptor says of a face that is the same in every subset of it: its PostScript name, flags, box and
 * metrics. Read once per parsed face (a batch embeds each face in every letter, and reading the name and post tables
 * each time was a tenth of embedding).
 */

import type { Font } from 'fontkit';
import { postHeader, postscriptName } from '../../fonts/index.js';

/** The descriptor's entries that do not depend on the subset, and the name its subset tag goes before. */
export interface FaceFacts {
  /** The PostScript name with spaces as underscores (BaseFont and FontName are `TAG+name`). */
  readonly name: string;
  readonly flags: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

/** The tables fontkit exposes by tag (`font['OS/2']`, `font.head`) that the descriptor reads; not in its typings. */
interface FontTables {
  readonly 'OS/2'?: { readonly sFamilyClass?: number };
  readonly head: { readonly macStyle: { readonly italic: boolean } };
}

/** Keyed by the parsed face: a FontBook parses each file once, from bytes that do not change. */
const facts = new WeakMap<Font, FaceFacts>();

/** The face's facts; `file` is the bytes `font` was parsed from (FontBook.tableBytes). */
export function faceFacts(font: Font, file: Uint8Array): FaceFacts {
  let known = facts.get(font);
  if (!known) facts.set(font, (known = factsOf(font, file)));
  return known;
}

function factsOf(font: Font, file: Uint8Array): FaceFacts {
  const scale = 1000 / font.unitsPerEm;
  const tables = font as unknown as FontTables;
  // The post header from the file: fontkit's `font.post` decodes every glyph name first (~100 ms for a Latin face).
  const post = postHeader(font, file);
  const familyClass = (tables['OS/2']?.sFamilyClass ?? 0) >> 8;
  // ISO 32000-1 Table 123: FixedPitch 1, Serif 2, Symbolic 4 (always: the glyphs are addressed by id), Script 8, Italic 64.
  let flags = 4;
  if (post.isFixedPitch) flags |= 1;
  if (familyClass >= 1 && familyClass <= 7) flags |= 2;
  if (familyClass === 10) flags |= 8;
  if (tables.head.macStyle.italic) flags |= 64;
  const { bbox } = font;
  return {
    name: postscriptName(font, file).replaceAll(' ', '_'),
    flags,
    bbox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    italicAngle: post.italicAngle,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    capHeight: (font.capHeight || font.ascent) * scale,
    xHeight: (font.xHeight || 0) * scale,
  };
}
