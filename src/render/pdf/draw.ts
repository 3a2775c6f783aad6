/** Drawing a typeset page with pdfkit: each text run at its own position on its baseline, images, link areas, tags. */

import type { ImageItem, PageItem, RuleItem, TextItem, TypesetPage } from '../../typeset/index.js';
import type { PdfFaces } from './faces.js';
import type { Tagger } from './tags.js';
import { drawGlyphs } from './text.js';

/** Draw every item of a page onto pdfkit's current page, each inside its marked content. */
export function drawPage(
  pdf: PDFKit.PDFDocument,
  page: TypesetPage,
  pageIndex: number,
  faces: PdfFaces,
  tagger: Tagger,
): void {
  const paint = (item: PageItem, structParent?: PDFKit.PDFStructureElement): void => {
    if (item.kind === 'text') drawText(pdf, item, faces, structParent);
    else if (item.kind === 'rule') drawRule(pdf, item);
    else drawImage(pdf, item);
  };
  page.items.forEach((item, index) => tagger.draw(item, pageIndex, index, paint));
}

function drawText(
  pdf: PDFKit.PDFDocument,
  item: TextItem,
  faces: PdfFaces,
  structParent: PDFKit.PDFStructureElement | undefined,
): void {
  // The glyphs typeset shaped, at (x, y) on their baseline: runs in KR, SC and Latin faces share one baseline.
  drawGlyphs(pdf, item, faces.face(item.font));
  if (item.emphasisDots) drawEmphasisDots(pdf, item, item.emphasisDots);
  if (item.link) {
    // PDF/UA: a link annotation belongs to its Link element (pdfkit adds the OBJR) and describes itself in /Contents.
    const options = { Contents: new String(item.text), ...(structParent ? { structParent } : {}) };
    pdf.link(
      item.x,
      item.y - 0.9 * item.size,
      item.width,
      1.2 * item.size,
      item.link,
      options as unknown as PDFKit.Mixins.AnnotationOption,
    );
  }
}

/** CJK emphasis: a dot centred under (Chinese) or over (Korean, Japanese) each character, clear of the glyphs. */
function drawEmphasisDots(
  pdf: PDFKit.PDFDocument,
  item: TextItem,
  dots: NonNullable<TextItem['emphasisDots']>,
): void {
  const y = dots.position === 'under' ? item.y + 0.28 * item.size : item.y - 1.02 * item.size;
  for (const center of dots.centers) pdf.circle(item.x + center, y, 0.07 * item.size);
  pdf.fill();
}

function drawRule(pdf: PDFKit.PDFDocument, item: RuleItem): void {
  pdf.save().rect(item.x, item.y, item.width, item.height).fill(`#${item.color}`).restore();
}

function drawImage(pdf: PDFKit.PDFDocument, item: ImageItem): void {
  pdf.image(Buffer.from(item.data), item.x, item.y, { width: item.width, height: item.height });
}
