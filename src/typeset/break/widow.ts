/**
 * No lone character on a paragraph's last line (clreq's 孤字, jlreq's 泣き別れ): a Chinese or Japanese paragraph, a
 * centred title included, that would end on a line holding one Han or kana character (its closing punctuation aside)
 * takes the previous line's last break back, so that line gives the lone character company.
 */

import { PUNCTUATION_SYMBOL_OR_SPACE } from '../../unicode/index.js';
import type { BreakOpportunity } from '../segment/breaks.js';
import { isHanOrKana, isUnifiedIdeograph } from '../segment/classes.js';
import { trimEnd, type LineSpan } from './lines.js';

export interface WidowInput {
  readonly text: string;
  readonly opportunities: readonly BreakOpportunity[];
  /** Natural width of text[start, end), in points. */
  readonly width: (start: number, end: number) => number;
  readonly lineWidth: (lineIndex: number) => number;
}

/** `lines` with every lone last character joined by the one before it, where that still fits; else unchanged. */
export function withoutLoneLastCharacter(lines: readonly LineSpan[], input: WidowInput): LineSpan[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const last = out[i]!;
    const before = out[i - 1]!;
    // Only the end of a paragraph (or of a hard line break's part) that the line before runs into.
    if (!last.last || before.last || before.next !== last.start) continue;
    if (!isLoneCharacter(input.text, last.start, last.end)) continue;
    const at = lastBreakInside(input.opportunities, before.start, before.next);
    if (at === undefined || input.width(at, last.end) > input.lineWidth(i)) continue;
    out[i - 1] = { start: before.start, end: trimEnd(input.text, before.start, at), next: at, last: false };
    out[i] = { ...last, start: at };
  }
  return out;
}

/** One Han or kana character in text[start, end), with nothing else but punctuation and spaces (民 / 民。/ 民」). */
function isLoneCharacter(text: string, start: number, end: number): boolean {
  let letter: number | undefined;
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    // A Unified ideograph is a letter without asking the set: a line of them ends the search at its second character.
    if (isUnifiedIdeograph(cp) || !PUNCTUATION_SYMBOL_OR_SPACE.has(cp)) {
      if (letter !== undefined) return false;
      letter = cp;
    }
  }
  return letter !== undefined && isHanOrKana(letter);
}

/** The last soft break opportunity strictly inside (start, end): where the line before may break instead. */
function lastBreakInside(
  opportunities: readonly BreakOpportunity[],
  start: number,
  end: number,
): number | undefined {
  // Opportunities are in text order: find the first at or past `end` by bisection, then walk back.
  let lo = 0;
  let hi = opportunities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (opportunities[mid]!.position < end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && opportunities[k]!.position > start; k--)
    if (!opportunities[k]!.required) return opportunities[k]!.position;
  return undefined;
}
