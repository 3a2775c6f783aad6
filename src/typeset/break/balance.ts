/**
 * Headings and the letter's title in lines of even length (CSS `text-wrap: balance`): a title that fills its first line
 * leaves a word or two alone under it (「…关于朝鲜难民」 over 「问题的公开信」 reads as a line and an afterthought;
 * balanced, as two halves). The lines are broken as in a narrower measure, the narrowest that still gives as many
 * lines as the full one, and then placed in the full measure (centred as before). Breaks between phrases come first:
 * Chinese and Japanese may break between any two ideographs, and a balanced title broke 「…致教宗的公 / 开信」.
 */

import { betweenPhrases, type BreakOpportunity } from '../segment/breaks.js';
import { trimEnd, type BreakInput, type LineSpan } from './lines.js';

/** Halvings of the measure searched: the last leaves the narrowest measure known to within ~0.1 % of the full one. */
const STEPS = 10;

/** The paragraph as the breaker sees it (`lineWidth`: the full measure of each line), and a way to rebreak it. */
export interface BalanceInput extends Pick<BreakInput, 'text' | 'opportunities' | 'width' | 'lineWidth'> {
  /** The paragraph broken with each line's measure scaled by `scale` (1: as set), at these of its opportunities. */
  readonly breakAt: (scale: number, opportunities: readonly BreakOpportunity[]) => LineSpan[];
}

/**
 * `lines` (the paragraph broken in its full measure) rebroken in the narrowest measure that keeps their number, at
 * breaks between phrases only when those give as many lines (betweenPhrases), else at any; the same lines when there
 * is one, or when no narrower measure keeps every word whole and their number the same.
 */
export function balancedLines(lines: LineSpan[], input: BalanceInput): LineSpan[] {
  if (lines.length < 2) return lines;
  const phrases = input.opportunities.filter((o) => o.required || betweenPhrases(input.text, o.position));
  if (phrases.length < input.opportunities.length) {
    const byPhrase = balancedAt(phrases, lines.length, input);
    if (byPhrase) return byPhrase;
  }
  return balancedAt(input.opportunities, lines.length, input, lines) ?? lines;
}

/**
 * The paragraph in `count` lines broken at `opportunities`, in the narrowest measure that does; undefined if none does.
 * `full`: the paragraph broken at them in its full measure, when the caller has it.
 */
function balancedAt(
  opportunities: readonly BreakOpportunity[],
  count: number,
  input: BalanceInput,
  full?: LineSpan[],
): LineSpan[] | undefined {
  // Never narrower than the widest piece that cannot break: the breaker would then cut a word between its letters.
  let low = widestUnbreakable({ ...input, opportunities }) / minLineWidth(input, count);
  let high = 1;
  if (low >= high) return undefined;
  let best = full ?? input.breakAt(high, opportunities);
  if (best.length > count) return undefined;
  for (let step = 0; step < STEPS; step++) {
    const scale = (low + high) / 2;
    const trial = input.breakAt(scale, opportunities);
    if (trial.length <= count) {
      best = trial;
      high = scale;
    } else {
      low = scale;
    }
  }
  return best;
}

function widestUnbreakable({
  text,
  opportunities,
  width,
}: Pick<BalanceInput, 'text' | 'opportunities' | 'width'>): number {
  let widest = 0;
  let start = 0;
  for (let o = 0; o < opportunities.length; o++) {
    const position = opportunities[o]!.position;
    widest = Math.max(widest, width(start, trimEnd(text, start, position)));
    start = position;
  }
  return widest;
}

function minLineWidth(input: BalanceInput, count: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) min = Math.min(min, input.lineWidth(i));
  return min;
}
