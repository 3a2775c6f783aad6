/**
 * Embedded fonts: a subset of each used face and variant, for docx's `fonts` option (odttf + fontTable entries),
 * each under a family name of its own.
 *
 * Why a name of its own: a word processor keeps the fonts a document embeds for the rest of its session, by family
 * name. Under the face's real name, the first letter's subset of "Noto Serif KR" drew every later letter opened or
 * converted in the same LibreOffice process, and characters outside it came out as blank boxes. As a PDF names a
 * subset `ABCDEF+NotoSerifKR-Regular`, each subset here goes by `ABCDEF+Noto Serif KR`, the tag derived from the
 * subset's own bytes: two letters embedding the same glyphs share a name (and a font that is really the same),
 * different glyphs never do, and the same letter always gets the same tag (byte-reproducible builds).
 * The font table keeps the real family as w:altName, for a Word that does not load the embedded font.
 */

import { createHash } from 'node:crypto';
import type { IPropertiesOptions } from 'docx';
import {
  renamedNameTable,
  sfntFile,
  subsetTables,
  wholeFontTables,
  type FontBook,
  type SubsetNames,
  type Variant,
} from '../../fonts/index.js';
import { JOINING_SCRIPT } from '../../unicode/index.js';
import type { GlyphUsage } from './usage.js';
import { esc } from './xml.js';

/** docx's option for one embedded font family (its type is not exported by name). */
export type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

// Spaces and digits are always kept: Word and LibreOffice measure spaces from the font, and page-number fields
// and list numbers draw digits that are not in the document's text.
const ALWAYS = ' 0123456789';

const SLOTS: readonly { readonly variant: Variant; readonly style: SubsetNames['style'] }[] = [
  { variant: 'regular', style: 'Regular' },
  { variant: 'bold', style: 'Bold' },
  { variant: 'italic', style: 'Italic' },
  { variant: 'boldItalic', style: 'Bold Italic' },
];

/** The subsets of one face a letter embeds, and the family name they go by. */
export interface SubsetFamily {
  /** The subsets' own family, `ABCDEF+<face family>`: what the letter's runs, styles and font table name. */
  readonly family: string;
  /** The face's real family (fonts.json). */
  readonly realFamily: string;
  readonly fonts: FontOptions;
}

/** The subsets of every face the letter draws from, by face id, in the font book's order. */
export function subsetFamilies(usage: GlyphUsage, fonts: FontBook): Map<string, SubsetFamily> {
  const out = new Map<string, SubsetFamily>();
  for (const id of usage.faces(fonts)) {
    const face = fonts.face(id);
    const files = SLOTS.flatMap(({ variant, style }) => {
      const file = face.files[variant];
      // The regular file holds every character the face draws, so Word can still synthesise a missing style from it.
      const chars =
        variant === 'regular'
          ? usage.allChars(id)
          : file && file !== face.files.regular
            ? usage.charsInFile(fonts, id, file)
            : '';
      if (!file || (variant !== 'regular' && chars === '')) return [];
      const font = fonts.openFile(file);
      // Text a word processor must shape with the face's GSUB (Arabic joining) takes the whole face; the rest a subset.
      const tables = JOINING_SCRIPT.someIn(chars)
        ? wholeFontTables(fonts.bytes(file))
        : subsetTables(font, fonts.tableBytes(file), withAlways(chars));
      return [{ variant, style, postscript: font.postscriptName || face.family.replace(/\s+/g, ''), tables }];
    });
    const tag = subsetTag(files.map((f) => f.tables));
    const family = `${tag}+${face.family}`;
    const options: Partial<Record<Variant, Buffer>> = {};
    for (const { variant, style, postscript, tables } of files) {
      tables.set(
        'name',
        renamedNameTable(tables.get('name'), { family, style, postscript: `${tag}+${postscript}` }),
      );
      const bytes = sfntFile(tables);
      options[variant] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const { regular, bold, italic, boldItalic } = options;
    out.set(id, {
      family,
      realFamily: face.family,
      fonts: {
        name: family,
        data: regular!,
        ...(bold ? { bold } : {}),
        ...(italic ? { italic } : {}),
        ...(boldItalic ? { boldItalic } : {}),
      },
    });
  }
  return out;
}

/** Six capital letters from the subsets' tables (the faces' own names included), as a PDF subset tag is written. */
function subsetTag(subsets: readonly Map<string, Uint8Array>[]): string {
  const hash = createHash('sha256');
  for (const tables of subsets) {
    for (const tag of [...tables.keys()].sort()) hash.update(tag).update(tables.get(tag)!);
  }
  return [...hash.digest().subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

function withAlways(chars: string): string {
  return [...new Set([...chars, ...ALWAYS])].sort().join('');
}

/**
 * fontTable.xml with each subset family's real family as w:altName (docx's font options cannot say it): a Word that
 * does not load embedded fonts draws the letter in the real face where it is installed.
 */
export function withAltNames(fontTableXml: string, subsets: Iterable<SubsetFamily>): string {
  let xml = fontTableXml;
  for (const { family, realFamily } of subsets) {
    const start = `<w:font w:name="${esc(family)}">`;
    xml = xml.replace(start, `${start}<w:altName w:val="${esc(realFamily)}"/>`);
  }
  return xml;
}
