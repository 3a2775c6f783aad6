/** Embedded fonts: a subset of each used face and variant, for docx's `fonts` option (odttf + fontTable entries). */

import type { IPropertiesOptions } from 'docx';
import { standaloneSubset, type FontBook } from '../../fonts/index.js';
import type { GlyphUsage } from './usage.js';

/** docx's option for one embedded font family (its type is not exported by name). */
export type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

/** A subset of one of the font book's files holding these characters, as a standalone TrueType file. */
function subsetOf(file: string, chars: string, fonts: FontBook): Buffer {
  const bytes = standaloneSubset(fonts.openFile(file), fonts.bytes(file), chars);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Spaces and digits are always kept: Word and LibreOffice measure spaces from the font, and page-number fields
// and list numbers draw digits that are not in the document's text.
const ALWAYS = ' 0123456789';

/** One FontOptions per used face, in the font book's order; each face's files are embedded only if drawn from. */
export function embeddedFonts(usage: GlyphUsage, fonts: FontBook): FontOptions[] {
  return usage.faces(fonts).map((id) => {
    const face = fonts.face(id);
    const { files } = face;
    // The regular file holds every character the face draws, so Word can still synthesise a missing style from it.
    const regular = subsetOf(files.regular, withAlways(usage.allChars(id)), fonts);
    const other = (file: string | undefined): Buffer | undefined => {
      if (!file || file === files.regular) return undefined;
      const chars = usage.charsInFile(fonts, id, file);
      return chars === '' ? undefined : subsetOf(file, withAlways(chars), fonts);
    };
    const bold = other(files.bold);
    const italic = other(files.italic);
    const boldItalic = other(files.boldItalic);
    return {
      name: face.family,
      data: regular,
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
      ...(boldItalic ? { boldItalic } : {}),
    };
  });
}

function withAlways(chars: string): string {
  return [...new Set([...chars, ...ALWAYS])].sort().join('');
}
