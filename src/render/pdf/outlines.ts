/**
 * The glyph outlines a document's subsets need, read ahead. A large face is read but for its outlines (fonts/
 * partial-file.ts); drawing a letter in a language for the first time reads a few hundred of them, on the thread pool
 * while pdfkit loads and the document starts rather than one read after the other as each subset is made.
 */

import { prefetchGlyphs, type FontBook } from '../../fonts/index.js';
import { ByFace } from './by-face.js';
import type { FaceRun } from './faces.js';

/**
 * Glyph runs whose outlines have been read (in the face they were drawn in: a run object belongs to one text item's
 * face). Typeset's paragraph table shares run objects between the letters of a batch, so a later letter skips them.
 */
const read = new WeakSet<object>();

/** Resolves once every glyph the runs draw has its outline in its face's bytes. */
export async function prefetchOutlines(runs: readonly FaceRun[], fonts: FontBook): Promise<void> {
  const byFace = new ByFace<{ ref: FaceRun['font']; ids: Set<number> }>();
  const fresh: object[] = [];
  for (const { font: ref, glyphs } of runs) {
    if (read.has(glyphs)) continue;
    fresh.push(glyphs);
    const face = byFace.get(ref) ?? byFace.add(ref, { ref, ids: new Set([0]) });
    for (const id of glyphs.glyphs) face.ids.add(id);
  }
  if (!fresh.length) return;
  await Promise.all(
    [...byFace.values()].map(({ ref, ids }) => prefetchGlyphs(fonts.open(ref.face, ref.variant), ids)),
  );
  for (const glyphs of fresh) read.add(glyphs);
}
