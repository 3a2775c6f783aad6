/** The letter's typographic choices: paper, margins, sizes, leading and spacing per part. */

import {
  isCjkLanguage,
  MARGIN_POINTS,
  PAPER_POINTS,
  type Lang,
  type Paper,
  type Part,
} from '../model/index.js';
import type { PageGeometry } from './types.js';

/** The page for a paper size, with letter's margins unless overridden. */
export function pageGeometry(paper: Paper, override?: Partial<PageGeometry>): PageGeometry {
  return {
    width: override?.width ?? PAPER_POINTS[paper].width,
    height: override?.height ?? PAPER_POINTS[paper].height,
    margins: override?.margins ?? {
      top: MARGIN_POINTS,
      right: MARGIN_POINTS,
      bottom: MARGIN_POINTS,
      left: MARGIN_POINTS,
    },
  };
}

/** Body text size: CJK glyphs fill the em box, so they are set a little smaller than Latin text to look the same. */
export function bodySize(lang: Lang): number {
  return isCjkLanguage(lang) ? 10.5 : 11;
}

/** Line height as a multiple of the size: ~1.5 for CJK (clreq), ~1.35 for Latin. */
export function leading(lang: Lang): number {
  return isCjkLanguage(lang) ? 1.55 : 1.35;
}

/** How a part of the letter is set. */
export interface PartStyle {
  /** Size as a multiple of the body size. */
  readonly scale: number;
  readonly bold: boolean;
  /** Space above the part, in multiples of the body size (dropped at the top of a page). */
  readonly gapBefore: number;
}

const PART_STYLES: Readonly<Record<Part, PartStyle>> = {
  letterhead: { scale: 1, bold: true, gapBefore: 0 },
  title: { scale: 1.4, bold: true, gapBefore: 0 },
  subtitle: { scale: 1.12, bold: true, gapBefore: 0.4 },
  reference: { scale: 1, bold: false, gapBefore: 1.2 },
  date: { scale: 1, bold: false, gapBefore: 1.2 },
  recipient: { scale: 1, bold: false, gapBefore: 1.2 },
  delivery: { scale: 1, bold: false, gapBefore: 0.6 },
  salutation: { scale: 1, bold: false, gapBefore: 1.4 },
  body: { scale: 1, bold: false, gapBefore: 0.8 },
  close: { scale: 1, bold: false, gapBefore: 1.2 },
  signatures: { scale: 1, bold: false, gapBefore: 1.6 },
  enclosures: { scale: 0.9, bold: false, gapBefore: 1.6 },
  cc: { scale: 0.9, bold: false, gapBefore: 0.8 },
};

export function partStyle(part: Part): PartStyle {
  return PART_STYLES[part];
}

/** Space between paragraphs, in multiples of their size. */
export const PARAGRAPH_GAP = 0.6;
/** Heading sizes per level, as multiples of the body size. */
export const HEADING_SCALE = { 1: 1.25, 2: 1.12, 3: 1 } as const;
/** Quotes: indented on both sides by this many em, and set slightly smaller. */
export const QUOTE_INDENT = 2;
export const QUOTE_SCALE = 0.95;
/** Lists: the hanging indent of an item's text, in em. */
export const LIST_INDENT = 1.6;
/** Signatures: the largest box a handwritten signature is scaled into, and the gap between two signatories. */
export const SIGNATURE_IMAGE = { width: 150, height: 50 } as const;
export const SIGNATURE_GAP = 1.4;
/**
 * The box kept free for a digital signature field in the signing signatory's block, `gap` em under its last line.
 * Room for four lines at 7 pt (label, a long signer name wrapped once, time) inside 4 pt padding.
 */
export const SIGNATURE_FIELD = { width: 210, height: 46, gap: 0.4 } as const;
/** Page numbers: size, and baseline distance above the bottom edge as a share of the bottom margin. */
export const PAGE_NUMBER = { scale: 0.82, baselineFromBottom: 0.5 } as const;
