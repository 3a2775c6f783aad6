/**
 * Placing one line of a paragraph that needs the bidirectional algorithm: a right-to-left paragraph (an Arabic letter)
 * or a left-to-right one with right-to-left text in it. The line was broken on the logical text; here its pieces are
 * put in visual order, each shaped in its own direction, aligned and (justified lines) widened at the spaces.
 *
 * A right-to-left paragraph is placed in the letter's logical frame, where x runs from the start (right) edge: its
 * pieces go right to left from the frame's start, and `mirrorUnits` (mirror.ts) turns the whole letter's frame into
 * page coordinates once. So the first-line indent, 'start' alignment, list markers and quote rules that blocks set on
 * the frame's start side land on the right without each block knowing the direction.
 */

import type { FontBook } from '../../fonts/index.js';
import type { Align } from '../../model/index.js';
import { glyphRunWidth } from '../measure.js';
import type { StyledRun } from '../runs.js';
import type { TextItem } from '../types.js';
import { visualPieces, type BidiParagraph } from './levels.js';
import { directedGlyphRun } from './shape.js';

/** The line to place: its logical range and where it goes in the frame. */
export interface BidiLine {
  readonly start: number;
  readonly end: number;
  /** Ends the paragraph or a hard break: never justified. */
  readonly last: boolean;
  /** Start edge of the line in the frame (indent included) and the width it has. */
  readonly x: number;
  readonly available: number;
  readonly align: Align;
  readonly baseline: number;
}

/** The line's text items, in logical (reading) order, each at its place on the line. */
export function placeBidiLine(
  paragraph: BidiParagraph,
  line: BidiLine,
  runs: readonly StyledRun[],
  runAt: (index: number) => number,
  fonts: FontBook,
): TextItem[] {
  const pieces = visualPieces(paragraph, line.start, line.end, runAt)
    .filter((p) => runs[p.run]!.text !== '\n')
    .map((p) => {
      const run = runs[p.run]!;
      const text = paragraph.text.slice(p.from, p.to);
      const glyphs = directedGlyphRun(fonts, run.font, text, run.lang, p.rtl);
      return { ...p, text, glyphs, width: glyphRunWidth(glyphs, run.size) };
    });
  const natural = pieces.reduce((total, p) => total + p.width, 0);
  const slack = line.available - natural;

  const spaces = pieces.reduce((n, p) => n + spaceGlyphs(p.glyphs.codePoints), 0);
  const justify = line.align === 'justify' && !line.last && slack > 0 && spaces > 0;
  let x = line.x;
  if (line.align === 'end') x += slack;
  else if (line.align === 'center') x += slack / 2;

  // Left to right as seen; a right-to-left paragraph fills its logical frame from the start edge, rightmost first.
  const ordered = paragraph.rtl ? [...pieces].reverse() : pieces;
  const items: (TextItem & { readonly from: number })[] = [];
  for (const piece of ordered) {
    const run = runs[piece.run]!;
    let { glyphs, width } = piece;
    if (justify) {
      // Kashida-free justification: the slack goes to the spaces between words, as for Latin text.
      const extra = slack / spaces;
      const perGlyph = (extra / run.size) * 1000;
      glyphs = {
        ...glyphs,
        advances: glyphs.advances.map((a, i) => (isSpaceGlyph(glyphs.codePoints[i]!) ? a + perGlyph : a)),
      };
      width += extra * spaceGlyphs(glyphs.codePoints);
    }
    // A piece of spaces alone draws nothing; its width is in the positions.
    if (piece.text.trim() !== '') {
      items.push({
        from: piece.from,
        kind: 'text',
        text: piece.text,
        glyphs,
        font: run.font,
        size: run.size,
        x,
        y: line.baseline,
        width,
        ...(run.link ? { link: run.link } : {}),
        ...(run.tag !== undefined ? { tag: run.tag } : {}),
      });
    }
    x += width;
  }
  // Reading order for the content stream and the structure tree, whatever the order on the page.
  return items.sort((a, b) => a.from - b.from).map(({ from: _from, ...item }) => item);
}

function isSpaceGlyph(codePoints: readonly number[]): boolean {
  return codePoints.length === 1 && codePoints[0] === 0x20;
}

function spaceGlyphs(codePoints: readonly (readonly number[])[]): number {
  let n = 0;
  for (const cps of codePoints) if (isSpaceGlyph(cps)) n++;
  return n;
}
