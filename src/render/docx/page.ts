/** The page: paper size and margins from the model, and the footer with the page number (SPEC §7). */

import { Footer, Paragraph, PageNumber, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import { isRightToLeftLanguage, MARGIN_POINTS, PAPER_POINTS, type LetterDoc } from '../../model/index.js';
import type { DrawContext } from './context.js';
import { fontsFor, textRuns } from './runs.js';
import { STYLE } from './styles.js';

// Word measures the page in twips (1/20 pt); the sizes are the model's, as the PDF's are (A4 11906 × 16838).
const twips = (pt: number): number => Math.round(pt * 20);
const MARGIN = twips(MARGIN_POINTS);

/**
 * When page 1 is numbered. The PDF numbers every page of a letter longer than one page, page 1 included, and none of
 * a one-page letter. A DOCX cannot hold that rule in a form both Word and LibreOffice read: Word's
 * { IF { NUMPAGES } > 1 "{ PAGE }" "" } comes out of LibreOffice (7.4) as the nested fields' bare values ("111" on a
 * one-page letter) and an empty condition. So the rule is decided here, from the page count of the same letter as
 * letter typesets it (`typesetPages`): more than one page numbers them all; one page, or none given, leaves page 1
 * bare and numbers any page the word processor adds.
 */
export function numbersFirstPage(typesetPages: number | undefined): boolean {
  return typesetPages !== undefined && typesetPages > 1;
}

/** docx section properties: page size, margins, and whether page 1 has a footer of its own (see numbersFirstPage). */
export function pageProperties(doc: LetterDoc, typesetPages?: number): ISectionOptions['properties'] {
  return {
    page: {
      size: { width: twips(PAPER_POINTS[doc.paper].width), height: twips(PAPER_POINTS[doc.paper].height) },
      margin: {
        top: MARGIN,
        right: MARGIN,
        bottom: MARGIN,
        left: MARGIN,
        header: 720,
        footer: 720,
        gutter: 0,
      },
    },
    // A bare first page is a first-page footer of its own (w:titlePg), left empty.
    titlePage: !numbersFirstPage(typesetPages),
  };
}

/** The footers: the localised page label on every page, or on every page but an empty first one. */
export function footers(
  doc: LetterDoc,
  ctx: DrawContext,
  typesetPages?: number,
): NonNullable<ISectionOptions['footers']> {
  // A right-to-left letter's label reads right to left too (الصفحة 1 من 2), as its body's paragraphs do.
  const bidi = isRightToLeftLanguage(doc.lang) ? { bidirectional: true } : {};
  const numbered = new Footer({
    children: [new Paragraph({ style: STYLE.footer, ...bidi, children: pageLabelRuns(doc.pageLabel, ctx) })],
  });
  if (numbersFirstPage(typesetPages)) return { default: numbered };
  return { first: new Footer({ children: [new Paragraph({ style: STYLE.footer })] }), default: numbered };
}

/** "- {page} -" → text runs around PAGE and NUMPAGES fields, each run with the document's fonts and language. */
function pageLabelRuns(label: string, ctx: DrawContext): ParagraphChild[] {
  const state = ctx.styles.runLook(STYLE.footer);
  const out: ParagraphChild[] = [];
  for (const part of label.split(/(\{pages?\})/)) {
    if (part === '') continue;
    if (part === '{page}' || part === '{pages}') {
      const field = part === '{page}' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES;
      out.push(new TextRun({ children: [field], ...fontsFor(ctx.lang, ctx, undefined) }));
    } else {
      out.push(...textRuns(part, ctx.lang, ctx, state));
    }
  }
  return out;
}
