/**
 * The TJ segments of a plain glyph run, worked out once per run for the whole batch: the letters of a batch draw the
 * same (immutable) glyph runs for every paragraph they share (typeset's paragraph memo), and only the codes of the
 * glyphs differ from letter to letter (each letter's subset numbers its own glyph set).
 */

import type { ShapedGlyphs } from '../../fonts/index.js';
import { narrowKey } from './glyph-keys.js';

/**
 * A plain run (no glyph moved off its place, none drawn narrower than itself) as TJ segments: glyphs `ends[s-1]` up to
 * `ends[s]`, then the adjustment `adjustments[s]` (the glyph's own width minus its advance, or 0 after the last).
 */
export interface PlainSegments {
  readonly ends: readonly number[];
  readonly adjustments: readonly string[];
}

/** Keyed by the run object: every array of a run is readonly, so the object stands for its content. */
const plans = new WeakMap<ShapedGlyphs, PlainSegments | null>();

/** The run's segments, or undefined when it is not plain (then text.ts writes it glyph by glyph). */
export function plainSegments(run: ShapedGlyphs): PlainSegments | undefined {
  let plan = plans.get(run);
  if (plan === undefined) plans.set(run, (plan = segmentsOf(run)));
  return plan ?? undefined;
}

function segmentsOf(run: ShapedGlyphs): PlainSegments | null {
  const ends: number[] = [];
  const adjustments: string[] = [];
  const count = run.glyphs.length;
  for (let i = 0; i < count; i++) {
    const advance = run.advances[i]!;
    const width = run.widths[i]!;
    if (run.xOffsets[i] || run.yOffsets[i]) return null;
    if (narrowKey(run.glyphs[i]!, width, advance) !== undefined) return null;
    if (advance !== width) {
      ends.push(i + 1);
      adjustments.push(String(num(-(advance - width))));
    }
  }
  if (ends[ends.length - 1] !== count) {
    ends.push(count);
    adjustments.push('0');
  }
  return { ends, adjustments };
}

/** pdfkit's number format: at most six decimals, so streams repeat byte for byte. */
export function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Numbers already written, by value: the items of a batch stand at a few hundred distinct places (60 letters, ~1,000). */
const numberTexts = new Map<number, string>();
const MAX_NUMBER_TEXTS = 1 << 16;

/** `num(n)` as the text pdfkit would write, from the table when `n` was written before (converting a double is slow). */
export function numberText(n: number): string {
  let text = numberTexts.get(n);
  if (text === undefined) {
    if (numberTexts.size >= MAX_NUMBER_TEXTS) numberTexts.clear();
    numberTexts.set(n, (text = String(num(n))));
  }
  return text;
}
