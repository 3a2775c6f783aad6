/**
 * Headings and the letter's title in lines of even length (CSS `text-wrap: balance`): a title that fills its first line
 * leaves a word or two alone under it (「…关于朝鲜难民」 over 「问题的公开信」 reads as a line and an afterthought;
 * balanced, as two halves). The lines are broken as in a narrower measure, the narrowest that still gives as many
 * lines as the full one, and then placed in the full measure (centred as before).
 */

import { trimEnd, type BreakInput, type LineSpan } from './lines.js';

/** Halvings of the measure searched: the last leaves the narrowest measure known to within ~0.1 % of the full one. */
const STEPS = 10;

/** The paragraph as the breaker sees it (`lineWidth`: the full measure of each line), and a way to rebreak it. */
export interface BalanceInput extends Pick<BreakInput, 'text' | 'opportunities' | 'width' | 'lineWidth'> {
  /** The paragraph broken with each line's measure scaled by `scale` (1: as set). */
  readonly breakAt: (scale: number) => LineSpan[];
}

/**
 * `lines` (the paragraph broken in its full measure) rebroken in the narrowest measure that keeps their number; the
 * same lines when there is one, or when no narrower measure keeps every word whole and their number the same.
 */
export function balancedLines(lines: LineSpan[], input: BalanceInput): LineSpan[] {
  if (lines.length < 2) return lines;
  // Never narrower than the widest piece that cannot break: the breaker would then cut a word between its letters.
  let low = widestUnbreakable(input) / minLineWidth(input, lines.length);
  let high = 1;
  if (low >= high) return lines;
  let best = lines;
  for (let step = 0; step < STEPS; step++) {
    const scale = (low + high) / 2;
    const trial = input.breakAt(scale);
    if (trial.length <= lines.length) {
      best = trial;
      high = scale;
    } else {
      low = scale;
    }
  }
  return best;
}

function widestUnbreakable({ text, opportunities, width }: BalanceInput): number {
  let widest = 0;
  let start = 0;
  for (const { position } of opportunities) {
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
