/** Setting one paragraph: break its styled runs into lines and position every run on its line (alignment, justification). */

import type { Align } from '../../model/index.js';
import { bidiParagraph } from '../bidi/levels.js';
import { placeBidiLine } from '../bidi/place.js';
import type { Measurer } from '../measure.js';
import type { StyledRun } from '../runs.js';
import { breakOpportunities, type BreakOpportunity } from '../segment/breaks.js';
import type { PageItem } from '../types.js';
import { balancedLines } from './balance.js';
import { breakLines, type LineSpan } from './lines.js';
import { placeLine } from './place-line.js';
import { ParagraphSqueezes } from './squeeze.js';
import { withoutLoneLastCharacter } from './widow.js';

/** A line box: its items are positioned with y relative to the box's top. */
export interface Line {
  readonly height: number;
  /** Distance from the top of the box to the baseline. */
  readonly baseline: number;
  readonly items: readonly PageItem[];
  /** An empty box kept free for a signature field (its items are empty). */
  readonly reserved?: { readonly x: number; readonly width: number };
}

/** Where and how a paragraph is set. */
export interface ParagraphFrame {
  /** Left edge and width of the text column, in points. */
  readonly x: number;
  readonly width: number;
  /** Indent of the first line, in points. */
  readonly firstLineIndent: number;
  readonly align: Align;
  /** Line height as a multiple of the size. */
  readonly leading: number;
  /** The paragraph runs right to left: set in the letter's logical frame, x from the start edge (typeset/bidi). */
  readonly rtl?: boolean;
  /** Lines of even length (headings, the title: balance.ts). */
  readonly balance?: boolean;
}

/** Break and place a paragraph; `size` is its base size (line height derives from it). */
export function setParagraph(
  runs: readonly StyledRun[],
  size: number,
  frame: ParagraphFrame,
  measurer: Measurer,
): Line[] {
  const text = runs.map((run) => run.text).join('');
  const starts: number[] = [];
  let offset = 0;
  for (const run of runs) {
    starts.push(offset);
    offset += run.text.length;
  }
  const runAt = (index: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Adjacent full-width punctuation gives up half an em (compress.ts) when both marks stand on one line.
  const squeezes = new ParagraphSqueezes(text, (i) => runs[runAt(i)]!, measurer);
  const measureWidth = (start: number, end: number): number => {
    let total = squeezes.any ? -squeezes.within(start, end) : 0;
    for (let i = start; i < end; ) {
      const r = runAt(i);
      const run = runs[r]!;
      const stop = Math.min(end, starts[r]! + run.text.length);
      if (run.text !== '\n') {
        // Trailing spaces are measured in context: the shaper may pick another space glyph between two words.
        let visible = stop;
        while (visible > i && text.charCodeAt(visible - 1) === 0x20) visible--;
        const runEnd = starts[r]! + run.text.length;
        const space =
          visible < stop
            ? measurer.space(
                run.font,
                text.codePointAt(visible - 1),
                stop < runEnd ? text.codePointAt(stop) : undefined,
              )
            : 0;
        const at = starts[r]!;
        total +=
          (measurer.advanceIn(run.font, run.text, i - at, visible - at) + (stop - visible) * space) *
          run.size;
      }
      i = stop;
    }
    return total;
  };
  // Breaking asks for the same pieces again and again (a balanced title is broken ~20 times over): each is measured
  // once. Keys are start and end in one number (both at most the text's length).
  const measured = new Map<number, number>();
  const width = (start: number, end: number): number => {
    const key = start * (text.length + 1) + end;
    let total = measured.get(key);
    if (total === undefined) measured.set(key, (total = measureWidth(start, end)));
    return total;
  };

  const lang = runs[0]?.lang ?? '';
  const opportunities = breakOpportunities(
    text,
    runs.every((run) => run.lang === lang) ? lang : (i) => runs[runAt(i)]!.lang,
  );
  const lineWidth = (index: number): number => frame.width - (index === 0 ? frame.firstLineIndent : 0);
  const compression = squeezes.any ? { join: squeezes.join, lineEnd: squeezes.lineEnd } : {};
  const breakIn = (
    measure: (index: number) => number,
    at: readonly BreakOpportunity[] = opportunities,
  ): LineSpan[] => {
    const breaking = { text, opportunities: at, width, lineWidth: measure };
    return withoutLoneLastCharacter(breakLines({ ...breaking, ...compression }), breaking);
  };
  const greedy = breakIn(lineWidth);
  // A justified line is stretched to the full measure: balancing it would only widen its gaps.
  const spans =
    frame.balance && frame.align !== 'justify'
      ? balancedLines(greedy, {
          text,
          opportunities,
          width,
          lineWidth,
          breakAt: (scale, at) => breakIn((index) => lineWidth(index) * scale, at),
        })
      : greedy;

  const height = size * frame.leading;
  // Centre the em box in the line (CSS half-leading); 0.88 em of it lies above the baseline in the CJK faces' design.
  const baseline = (height - size) / 2 + 0.88 * size;
  const bidi = bidiParagraph(text, frame.rtl ?? false);
  return spans.map((span, index) => ({
    height,
    baseline,
    items: bidi
      ? placeBidiLine(
          bidi,
          {
            ...span,
            x: frame.x + (index === 0 ? frame.firstLineIndent : 0),
            available: lineWidth(index),
            align: frame.align,
            baseline,
          },
          runs,
          runAt,
          measurer.fonts,
        )
      : placeLine(span, index, text, runs, starts, frame, baseline, lineWidth(index), measurer, squeezes),
  }));
}
