/** Embedded fonts: a subset of each used face and variant, for docx's `fonts` option (odttf + fontTable entries). */

import type { IPropertiesOptions } from 'docx';
import subsetFont from 'subset-font';
import type { FontBook } from '../../fonts/index.js';
import type { GlyphUsage } from './usage.js';

/** docx's option for one embedded font family (its type is not exported by name). */
export type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

// Subsetting a CJK face takes ~150 ms; a batch renders the same letter for many recipients, so most documents reuse
// the subsets of the previous one. Keyed by file and sorted characters; bounded so a long batch does not grow it forever.
const SUBSET_CACHE_SIZE = 64;
const subsets = new Map<string, Promise<Buffer>>();

/**
 * A subset of one font file holding these characters (plus the glyphs their layout features reach). The file's bytes
 * come from the font book, which reads each file once: a batch subsets the same 14 MB CJK files for every recipient.
 */
function subsetOf(file: string, chars: string, fonts: FontBook): Promise<Buffer> {
  const key = `${file}\u0000${chars}`;
  let hit = subsets.get(key);
  if (hit) {
    // Refresh the entry so the map's order is least recently used first.
    subsets.delete(key);
    subsets.set(key, hit);
    return hit;
  }
  hit = Promise.resolve(file).then((path) => subsetFont(fonts.bytes(path), chars, { targetFormat: 'truetype' }));
  hit.catch(() => subsets.delete(key));
  subsets.set(key, hit);
  while (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
  return hit;
}

// Spaces and digits are always kept: Word and LibreOffice measure spaces from the font, and page-number fields
// and list numbers draw digits that are not in the document's text.
const ALWAYS = ' 0123456789';

/** One FontOptions per used face, in the font book's order; each face's files are embedded only if drawn from. */
export async function embeddedFonts(usage: GlyphUsage, fonts: FontBook): Promise<FontOptions[]> {
  return Promise.all(
    usage.faces(fonts).map(async (id) => {
      const face = fonts.face(id);
      const { files } = face;
      // The regular file holds every character the face draws, so Word can still synthesise a missing style from it.
      const regular = subsetOf(files.regular, withAlways(usage.allChars(id)), fonts);
      const other = async (file: string | undefined): Promise<Buffer | undefined> => {
        if (!file || file === files.regular) return undefined;
        const chars = usage.charsInFile(fonts, id, file);
        return chars === '' ? undefined : subsetOf(file, withAlways(chars), fonts);
      };
      const [data, bold, italic, boldItalic] = await Promise.all([
        regular,
        other(files.bold),
        other(files.italic),
        other(files.boldItalic),
      ]);
      return {
        name: face.family,
        data,
        ...(bold ? { bold } : {}),
        ...(italic ? { italic } : {}),
        ...(boldItalic ? { boldItalic } : {}),
      };
    }),
  );
}

function withAlways(chars: string): string {
  return [...new Set([...chars, ...ALWAYS])].sort().join('');
}
