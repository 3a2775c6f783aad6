/**
 * The Unicode Bidirectional Algorithm (UAX #9) over one paragraph, by bidi-js: embedding levels per UTF-16 unit,
 * resolved once on the paragraph's logical text; lines are broken on that logical text and reordered one by one.
 */

import bidiExport, { type EmbeddingLevels } from 'bidi-js';
import { hasRightToLeftLetters } from '../../model/index.js';

type BidiFactory = typeof bidiExport.default;
// bidi-js is CommonJS whose module.exports is the factory, typed as an ES default export: Node's loader gives the
// factory itself as the default import, the typings (and a bundler that honours them) the object holding it.
const factory: BidiFactory =
  typeof bidiExport === 'function' ? (bidiExport as unknown as BidiFactory) : bidiExport.default;
const bidi = factory();

/** A paragraph's resolved levels: odd levels run right to left. */
export interface BidiParagraph {
  readonly text: string;
  readonly rtl: boolean;
  readonly levels: EmbeddingLevels;
}

// The explicit right-to-left marks: with them or a right-to-left letter, a left-to-right paragraph needs reordering.
const RIGHT_TO_LEFT_MARKS = /[\u200f\u202b\u202e\u2067]/;

/** The paragraph's levels, or undefined for a left-to-right paragraph without right-to-left text (set as before). */
export function bidiParagraph(text: string, rtl: boolean): BidiParagraph | undefined {
  if (!rtl && !hasRightToLeftLetters(text) && !RIGHT_TO_LEFT_MARKS.test(text)) return undefined;
  return { text, rtl, levels: bidi.getEmbeddingLevels(text, rtl ? 'rtl' : 'ltr') };
}

/** A stretch of one line at one level and in one styled run: logical [from, to), drawn as one glyph run. */
export interface VisualPiece {
  readonly run: number;
  readonly from: number;
  readonly to: number;
  readonly rtl: boolean;
}

/**
 * The pieces of the line text[start, end) from left to right as seen (rules L1–L2), each a logical range of one run
 * (`runAt` gives a character's run). Reversed ranges read backwards on the page; their glyphs are shaped right to left.
 */
export function visualPieces(
  paragraph: BidiParagraph,
  start: number,
  end: number,
  runAt: (index: number) => number,
): VisualPiece[] {
  if (end <= start) return [];
  const order = visualOrder(paragraph, start, end);
  const levels = paragraph.levels.levels;
  const pieces: VisualPiece[] = [];
  let first = order[0]!;
  let last = first;
  const close = (): void => {
    const rtl = (levels[first]! & 1) === 1;
    pieces.push({ run: runAt(first), from: Math.min(first, last), to: Math.max(first, last) + 1, rtl });
  };
  for (let i = 1; i < order.length; i++) {
    const index = order[i]!;
    const rtl = (levels[first]! & 1) === 1;
    const continues =
      index === last + (rtl ? -1 : 1) && levels[index] === levels[first] && runAt(index) === runAt(first);
    if (continues) {
      last = index;
    } else {
      close();
      first = last = index;
    }
  }
  close();
  return pieces;
}

/** The indices of text[start, end) in the order they are seen: the line's reorder segments reversed in turn (L2). */
function visualOrder(paragraph: BidiParagraph, start: number, end: number): number[] {
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(paragraph.text, paragraph.levels, start, end - 1)) {
    for (let a = from! - start, b = to! - start; a < b; a++, b--)
      [order[a], order[b]] = [order[b]!, order[a]!];
  }
  return order;
}

/** The character a right-to-left run draws for `ch` (a mirrored bracket), or `ch`. */
export function mirrored(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}
