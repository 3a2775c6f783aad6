/** Drawing a typeset letter into PDF bytes with pdfkit: fonts embedded and subset, metadata set, bytes repeatable. */

import type { FontBook } from '../../fonts/index.js';
import type { LetterDoc } from '../../model/index.js';
import { typesetLetter, type PagedLetter, type PageGeometry } from '../../typeset/index.js';
import { linkAcroForm } from './acroform.js';
import { collect, createDocument } from './document.js';
import { drawPage } from './draw.js';
import { PdfFaces, pageRuns } from './faces.js';
import { faceUses } from './glyph-uses.js';
import { prefetchOutlines } from './outlines.js';
import { appearanceRuns, layoutAppearance } from './signature-appearance.js';
import { addSignatureField, type SignatureFieldSpec } from './signature-field.js';
import { Tagger } from './tags.js';

export type { SignatureFieldSpec } from './signature-field.js';
export { classicTrailer, latestObject, updateXref, type ClassicTrailer } from './update.js';

/** Options of `renderPdf`. */
export interface PdfOptions {
  readonly fonts: FontBook;
  /** Add an empty signature field (a /Sig placeholder with a visible box under the signatures) for signing later. */
  readonly signatureField?: SignatureFieldSpec;
  /** Override the page size or margins (tests use narrow columns); defaults come from the letter's paper. */
  readonly geometry?: Partial<PageGeometry>;
  /** Write PDF/A-2b (archival): XMP identification, output intent, fonts embedded. Tagging is on either way. */
  readonly pdfa?: boolean;
}

/** A finished PDF and its page count. */
export interface PdfResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/** Typeset the letter and draw it. Throws LetterError `uncovered-character` before anything is drawn. */
export async function renderPdf(doc: LetterDoc, opts: PdfOptions): Promise<PdfResult> {
  await opts.fonts.loadShaper();
  const paged = typesetLetter(doc, {
    fonts: opts.fonts,
    reserveSignatureField: opts.signatureField !== undefined,
    ...(opts.geometry ? { geometry: opts.geometry } : {}),
  });
  return drawPdf(paged, opts);
}

/**
 * Draw an already typeset letter: no layout decision is taken here. Typeset it with `reserveSignatureField` when a
 * signature field is asked for, or the field has no box to go in.
 */
export async function drawPdf(
  paged: PagedLetter,
  opts: Pick<PdfOptions, 'fonts' | 'signatureField' | 'pdfa'>,
): Promise<PdfResult> {
  const field = opts.signatureField;
  const box = field && paged.signatureBox;
  // The field's lines are set first, so that their glyphs join the letter's subsets of the same faces.
  const appearance =
    field && box ? layoutAppearance(field.appearanceLines, box, opts.fonts, field.lang) : undefined;
  const uses = faceUses([...pageRuns(paged), ...(appearance ? appearanceRuns(appearance) : [])]);
  // The outlines the subsets need are read on the thread pool while pdfkit loads and the document starts.
  const outlines = prefetchOutlines(uses, opts.fonts);
  // Awaited below, once pdfkit is loaded: a read failing before then must not count as an unhandled rejection meanwhile.
  outlines.catch(() => undefined);
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = createDocument(PDFDocument, paged, opts.pdfa ?? false);
  const bytes = collect(pdf);
  await outlines;
  const faces = new PdfFaces(pdf, uses, opts.fonts);
  const tagger = new Tagger(pdf, paged);
  const { width, height } = paged.geometry;
  paged.pages.forEach((page, index) => {
    pdf.addPage({ size: [width, height], margin: 0 });
    drawPage(pdf, page, index, faces, tagger);
  });
  tagger.finish();
  const acroForm =
    field && box && appearance
      ? addSignatureField(
          pdf,
          field,
          box,
          appearance,
          faces,
          tagger.tagWidget(field.appearanceLines.join(', ')),
        )
      : undefined;
  faces.embed(pdf);
  pdf.end();
  if (acroForm) return { bytes: linkAcroForm(await bytes, acroForm), pages: paged.pages.length };
  return { bytes: await bytes, pages: paged.pages.length };
}
