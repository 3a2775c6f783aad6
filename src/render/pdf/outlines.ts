/**
 * The glyph outlines a document's subsets need, read ahead. A large face is read but for its outlines (fonts/
 * partial-file.ts); drawing a letter in a language for the first time reads a few hundred of them, on the thread pool
 * while pdfkit loads and the document starts rather than one read after the other as each subset is made.
 */

import { prefetchGlyphs, type FontBook } from '../../fonts/index.js';
import type { FaceUse } from './glyph-uses.js';

/**
 * Resolves once every glyph the faces draw has its outline in its face's bytes. Each face's glyphs go in id order (its
 * subset's order): the outlines already read are skipped (a batch's later letters), and the rest are read in file order.
 */
export async function prefetchOutlines(uses: readonly FaceUse[], fonts: FontBook): Promise<void> {
  await Promise.all(uses.map(({ ref, glyphs }) => prefetchGlyphs(fonts.open(ref.face, ref.variant), glyphs)));
}
