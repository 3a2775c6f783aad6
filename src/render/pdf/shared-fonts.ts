/**
 * Work pdfkit repeats for every document, done once per parsed face instead: shaping of each drawn word or line, and
 * the decoding of each glyph that goes into a subset. The bytes written are the same; only the work is shared.
 */

import type { Font } from 'fontkit';
import { boundRuns, recordGlyphs, shapedRuns } from '../../fonts/index.js';

/** pdfkit's embedded font (internal): the fields this module reads or replaces. */
interface EmbeddedFont {
  readonly font?: Font;
  layoutCache?: Record<string, unknown>;
  readonly subset?: unknown;
}

const patched = new WeakSet<object>();

/**
 * Give the document's current font (the one `pdf.font()` just selected) the face's shared caches. Safe to call for every
 * text run: a font already set up is left alone. Anything unexpected in pdfkit's or fontkit's internals leaves pdfkit
 * doing its own work, as it would without this module.
 */
export function shareFontWork(pdf: PDFKit.PDFDocument): void {
  const embedded = (pdf as unknown as { _font?: EmbeddedFont })._font;
  const font = embedded?.font;
  if (!embedded || !font || patched.has(embedded)) return;
  patched.add(embedded);
  // pdfkit's runs are per face and read-only once made: the measurer's table is its cache.
  if (embedded.layoutCache) embedded.layoutCache = shapedRuns(font);
  recordGlyphs(embedded.subset, font);
}

/** Call once a document is finished: bounds the shared shaping caches of the faces it used. */
export function trimSharedFontWork(pdf: PDFKit.PDFDocument): void {
  const families = (pdf as unknown as { _fontFamilies?: Record<string, EmbeddedFont> })._fontFamilies ?? {};
  for (const embedded of Object.values(families)) if (embedded.font) boundRuns(embedded.font);
}
