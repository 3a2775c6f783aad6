/** Drawing a typeset page with pdfkit: each text run at its own position on its baseline, images, link areas, tags. */

import type { FontBook } from '../../fonts/index.js';
import type { ImageItem, RuleItem, TextItem, TypesetPage } from '../../typeset/index.js';
import { shareFontWork } from './shared-fonts.js';
import type { Tagger } from './tags.js';

/** Draw every item of a page onto pdfkit's current page, each inside its marked content. */
export function drawPage(pdf: PDFKit.PDFDocument, page: TypesetPage, pageIndex: number, fonts: FontBook, tagger: Tagger): void {
  page.items.forEach((item, index) => {
    tagger.draw(item, pageIndex, index, (structParent) => {
      if (item.kind === 'text') drawText(pdf, item, fonts, structParent);
      else if (item.kind === 'rule') drawRule(pdf, item);
      else drawImage(pdf, item);
    });
  });
}

function drawText(pdf: PDFKit.PDFDocument, item: TextItem, fonts: FontBook, structParent: PDFKit.PDFStructureElement | undefined): void {
  pdf.font(fonts.file(item.font.face, item.font.variant)).fontSize(item.size);
  shareFontWork(pdf);
  // lineBreak: false draws the string as given at (x, y): the line was broken by the typesetter. 'alphabetic' puts y on
  // the baseline whatever the face's ascender, so runs in KR, SC and Latin faces share one baseline.
  pdf.text(item.text, item.x, item.y, {
    lineBreak: false,
    baseline: 'alphabetic',
    ...(item.characterSpacing ? { characterSpacing: item.characterSpacing } : {}),
  });
  if (item.emphasisDots) drawEmphasisDots(pdf, item, item.emphasisDots);
  if (item.link) {
    // PDF/UA: a link annotation belongs to its Link element (pdfkit adds the OBJR) and describes itself in /Contents.
    const options = { Contents: new String(item.text), ...(structParent ? { structParent } : {}) };
    pdf.link(item.x, item.y - 0.9 * item.size, item.width, 1.2 * item.size, item.link, options as unknown as PDFKit.Mixins.AnnotationOption);
  }
}

/** CJK emphasis: a dot centred under (Chinese) or over (Korean, Japanese) each character, clear of the glyphs. */
function drawEmphasisDots(pdf: PDFKit.PDFDocument, item: TextItem, dots: NonNullable<TextItem['emphasisDots']>): void {
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
