/** The page: paper size and margins from the model, and the footer with the page number on continuation pages. */

import { Footer, Paragraph, PageNumber, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import { MARGIN_POINTS, PAPER_POINTS, type LetterDoc } from '../../model/index.js';
import type { DrawContext } from './context.js';
import { fontsFor, textRuns } from './runs.js';
import { STYLE } from './styles.js';

// Word measures the page in twips (1/20 pt); the sizes are the model's, as the PDF's are (A4 11906 × 16838).
const twips = (pt: number): number => Math.round(pt * 20);
const MARGIN = twips(MARGIN_POINTS);

/** docx section properties: page size, margins, and a first page without a number. */
export function pageProperties(doc: LetterDoc): ISectionOptions['properties'] {
  return {
    page: {
      size: { width: twips(PAPER_POINTS[doc.paper].width), height: twips(PAPER_POINTS[doc.paper].height) },
      margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 720, footer: 720, gutter: 0 },
    },
    // SPEC §7: page numbers on letters longer than one page. The first page has its own, empty footer (w:titlePg),
    // so a one-page letter shows no number and a longer one numbers its continuation pages, as letters do.
    titlePage: true,
  };
}

/** The footers: empty on the first page, the localised page label on the others. */
export function footers(doc: LetterDoc, ctx: DrawContext): NonNullable<ISectionOptions['footers']> {
  return {
    first: new Footer({ children: [new Paragraph({ style: STYLE.footer })] }),
    default: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: pageLabelRuns(doc.pageLabel, ctx) })] }),
  };
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
