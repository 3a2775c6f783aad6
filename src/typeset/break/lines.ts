/** Greedy line breaking over break opportunities: fill each line, break an over-long word only when it cannot fit alone. */

import type { BreakOpportunity } from '../segment/breaks.js';
import { isSpace } from '../segment/classes.js';

/** One line of a paragraph as a range of the paragraph's text. */
export interface LineSpan {
  /** Index of the line's first character. */
  readonly start: number;
  /** End of the drawn text: trailing spaces and the newline are left out. */
  readonly end: number;
  /** Index where the next line begins. */
  readonly next: number;
  /** The line ends the paragraph or a hard line break (it is not justified). */
  readonly last: boolean;
}

/** What the breaker needs to know about a paragraph; widths are in points. */
export interface BreakInput {
  readonly text: string;
  readonly opportunities: readonly BreakOpportunity[];
  /** Natural width of text[start, end). */
  readonly width: (start: number, end: number) => number;
  /** Width available to the line with this index (the first line may be indented). */
  readonly lineWidth: (lineIndex: number) => number;
  /** Points saved when text[index - 1] and text[index] stand on one line (compressed punctuation); 0 if absent. */
  readonly join?: (index: number) => number;
  /** Points a line ending just before `end` may give up at its end (a half-width mark), when it needs to. */
  readonly lineEnd?: (end: number) => number;
}

/**
 * Break a paragraph into lines. Each segment between two opportunities is measured once, so the work is linear in the
 * text. A segment wider than a whole line (a long URL, a very long Korean word on a narrow page) is split between
 * graphemes: the one place where a word may break.
 */
export function breakLines(input: BreakInput): LineSpan[] {
  const { text, opportunities } = input;
  const lines: LineSpan[] = [];
  let start = 0; // first character of the open line
  let used = 0; // width of the open line so far, trailing spaces included

  const close = (end: number, next: number, last: boolean): void => {
    lines.push({ start, end: trimEnd(text, start, end), next, last });
    start = next;
    used = 0;
  };

  let segStart = 0;
  // By index: `for…of` over an array steps an iterator, a call and an object per opportunity in unoptimised code.
  for (let o = 0; o < opportunities.length; o++) {
    const opp = opportunities[o]!;
    const segEnd = opp.position;
    const visibleEnd = trimEnd(text, segStart, segEnd);
    const visible = input.width(segStart, visibleEnd);
    const endRoom = input.lineEnd?.(visibleEnd) ?? 0;
    let joined = start < segStart ? (input.join?.(segStart) ?? 0) : 0;
    if (start < segStart && used - joined + visible - endRoom > input.lineWidth(lines.length)) {
      close(segStart, segStart, false);
      joined = 0;
    }
    if (start === segStart && visible - endRoom > input.lineWidth(lines.length)) {
      // Over-long word: cut it between graphemes, each piece filling a whole line.
      for (const cut of forcedCuts(text, segStart, visibleEnd, input, lines.length)) {
        close(cut, cut, false);
      }
      used = input.width(start, segEnd);
    } else {
      // Most segments end without a space: their width is the visible one, not measured twice.
      used += (visibleEnd === segEnd ? visible : input.width(segStart, segEnd)) - joined;
    }
    if (opp.required) close(segEnd, segEnd, true);
    segStart = segEnd;
  }
  if (lines.length === 0) lines.push({ start: 0, end: 0, next: 0, last: true });
  return lines;
}

/** Where to cut an over-long segment [from, to) so that each piece fits its line; the last piece stays open. */
function forcedCuts(text: string, from: number, to: number, input: BreakInput, firstLine: number): number[] {
  const cuts: number[] = [];
  let width = 0;
  for (const { at, length } of graphemes(text, from, to)) {
    const w = input.width(at, at + length);
    if (width > 0 && width + w > input.lineWidth(firstLine + cuts.length)) {
      cuts.push(at);
      width = 0;
    }
    width += w;
  }
  return cuts;
}

// Made when a word wider than its line is first cut: making the first Segmenter loads ICU's break rules, ~15 ms of
// CPU that a letter whose words all fit its lines (W1) need not pay.
let segmenter: Intl.Segmenter | undefined;
// Node 20's Intl.Segmenter slows down sharply past ~64 K characters (minutes at 80 K): segment a window at a time.
const WINDOW = 4096;

/**
 * The grapheme clusters of text[from, to), segmented a window at a time: each window's last cluster may be cut by the
 * window's end, so the next window starts where that cluster starts.
 */
export function* graphemes(
  text: string,
  from: number,
  to: number,
): Generator<{ at: number; length: number }> {
  let start = from;
  while (start < to) {
    const end = Math.min(to, start + WINDOW);
    let last: { at: number; length: number } | undefined;
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { index, segment } of segmenter.segment(text.slice(start, end))) {
      if (last) yield last;
      last = { at: start + index, length: segment.length };
    }
    if (!last) return;
    if (end === to || last.at === start) {
      yield last;
      start = last.at + last.length;
    } else {
      start = last.at;
    }
  }
}

/** `end` moved back over the spaces that end text[start, end). */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}
