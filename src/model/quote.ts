/**
 * How a block quote is set off in a language, one rule for both renderers. Latin quotes are italic; Hangul and Han
 * have no italics, and an indent alone (all a CJK quote had) reads as an ordinary paragraph. Chinese typesetting
 * sets an independent quotation apart as a block (独立引文: its own lines, indented, often in another face); with no
 * second face in the font book, a CJK quote is marked by a thin rule down its left side, in the PDF and the DOCX.
 */

import { isCjkLanguage, type Lang } from './lang.js';

/** The rule beside a quote: its stroke, and its distance from the quote's text in em of the body size. */
export const QUOTE_RULE = { widthPt: 0.75, gapEm: 0.8, color: '808080' } as const;

/** Whether quotes in this language's letters carry the rule (those that cannot use italics). */
export function quoteHasRule(lang: Lang): boolean {
  return isCjkLanguage(lang);
}
