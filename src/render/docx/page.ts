/** The page: paper size and margins from the model, and the footer with the page number on continuation pages. */

import { Footer, Paragraph, PageNumber, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import type { LetterDoc } from '../../model/index.js';
import type { DrawContext } from './context.js';
import { fontsFor, paragraphState, textRuns } from './runs.js';
import { STYLE } from './styles.js';

// Twips (1/20 pt). A4 210 × 297 mm, US Letter 8.5 × 11 in.
const PAPER = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const MARGIN = 1440;

/** docx section properties: page size, margins, and a first page without a number. */
export function pageProperties(doc: LetterDoc): ISectionOptions['properties'] {
  return {
    page: {
      size: PAPER[doc.paper],
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
export function pageLabelRuns(label: string, ctx: DrawContext): ParagraphChild[] {
  const state = paragraphState(ctx, STYLE.footer);
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
