/** Placing one line of a paragraph: its pieces of runs positioned by alignment, justification and compression. */

import type { Align } from '../../model/index.js';
import { LETTER_OR_NUMBER } from '../../unicode/index.js';
import { glyphRunWidth, type Measurer } from '../measure.js';
import type { StyledRun } from '../runs.js';
import type { GlyphRun, TextItem } from '../types.js';
import type { LineSpan } from './lines.js';
import { justifyLine, type LinePiece } from './justify.js';
import { spreadChunks } from './spread.js';
import type { ParagraphSqueezes } from './squeeze.js';

export function placeLine(
  span: LineSpan,
  index: number,
  text: string,
  runs: readonly StyledRun[],
  starts: readonly number[],
  frame: { readonly x: number; readonly firstLineIndent: number; readonly align: Align },
  baseline: number,
  available: number,
  measurer: Measurer,
  squeezes: ParagraphSqueezes,
): TextItem[] {
  // Where each run starts in the paragraph: a piece is measured and shaped as part of its run (measure.ts advanceIn).
  const startOf = new Map<StyledRun, number>();
  runs.forEach((run, r) => startOf.set(run, starts[r]!));
  const advance = (run: StyledRun, str: string, from: number): number => {
    const at = from - startOf.get(run)!;
    return measurer.advanceIn(run.font, run.text, at, at + str.length);
  };
  // The pieces of runs that fall on this line.
  const pieces: LinePiece[] = [];
  runs.forEach((run, r) => {
    const from = Math.max(span.start, starts[r]!);
    const to = Math.min(span.end, starts[r]! + run.text.length);
    if (to <= from || run.text === '\n') return;
    pieces.push({ run, text: text.slice(from, to), from });
  });
  const justified = frame.align === 'justify' && !span.last;
  // The line's natural width (each piece shaped whole) is read only where it places something: compressed marks, an
  // end or centred line, a line to justify. A start-aligned line or a paragraph's last line never shapes it.
  const full =
    squeezes.any || justified || frame.align === 'end' || frame.align === 'center'
      ? pieces.reduce((sum, p) => sum + advance(p.run, p.text, p.from) * p.run.size, 0)
      : 0;
  // Which marks of the line advance less (compress.ts), by paragraph index, in points.
  const squeezed = squeezes.any
    ? squeezes.line(span.start, span.end, full - squeezes.within(span.start, span.end) - available)
    : NONE;
  const saved = (from: number, to: number): number => {
    // Most lines compress nothing (Korean uses Western punctuation): no map to walk for each of their pieces.
    if (squeezed.size === 0) return 0;
    let total = 0;
    for (const [i, points] of squeezed) if (i >= from && i < to) total += points;
    return total;
  };
  const natural = full - saved(span.start, span.end);
  const slack = available - natural;
  let x = frame.x + (index === 0 ? frame.firstLineIndent : 0);
  if (frame.align === 'end') x += slack;
  else if (frame.align === 'center') x += slack / 2;

  const glyphRun = (run: StyledRun, str: string, from: number) => {
    const at = from - startOf.get(run)!;
    return measurer.glyphRunIn(run.font, run.text, at, at + str.length, run.lang);
  };
  const items: TextItem[] = [];
  const emit = (
    run: StyledRun,
    str: string,
    at: number,
    glyphs: GlyphRun,
    width: number,
    dots: () => number[],
  ): void => {
    items.push({
      kind: 'text',
      text: str,
      glyphs,
      font: run.font,
      size: run.size,
      x: at,
      y: baseline,
      width,
      ...(run.link ? { link: run.link } : {}),
      ...(run.tag !== undefined ? { tag: run.tag } : {}),
      ...(run.emphasisDots ? { emphasisDots: { position: run.emphasisDots, centers: dots() } } : {}),
    });
  };

  if (justified && slack > 0) {
    const measure = (run: StyledRun, str: string, from: number): number =>
      advance(run, str, from) * run.size - saved(from, from + str.length);
    const chunks = justifyLine(pieces, available, measure, squeezed);
    if (chunks) {
      // One item per stretch of chunks in one run (spread.ts): the widening goes into the glyphs' advances.
      for (let i = 0; i < chunks.length; ) {
        let end = i + 1;
        while (end < chunks.length && chunks[end]!.run === chunks[i]!.run) end++;
        // A space that does not widen is left out, as when drawn alone: its width is in the next chunk's x.
        const stretch = chunks.slice(i, end).filter((c) => c.text.trim() !== '' || c.characterSpacing !== 0);
        i = end;
        if (stretch.length === 0) continue;
        const head = stretch[0]!;
        const placed = stretch.map((c) => ({
          glyphs: narrowed(glyphRun(c.run, c.text, c.from), c.from, squeezed, c.run.size),
          x: c.x,
          characterSpacing: c.characterSpacing,
        }));
        const glyphs = spreadChunks(placed, head.run.size);
        // Up to its last glyph's own advance: the gap after that is in where the next item starts.
        const width = glyphRunWidth(glyphs, head.run.size);
        const dots = (): number[] =>
          stretch.flatMap((c) =>
            dotCenters(c.run, c.text, c.from, c.characterSpacing, squeezed, measurer).map(
              (center) => center + c.x - head.x,
            ),
          );
        emit(head.run, stretch.map((c) => c.text).join(''), x + head.x, glyphs, width, dots);
      }
      return items;
    }
  }
  // The line's measure decided where it broke and how it aligns; each piece then starts where pdfkit ends drawing
  // the one before it, so a run that changes face or language mid-line leaves no gap.
  for (const piece of pieces) {
    const at = piece.from - startOf.get(piece.run)!;
    const drawn =
      measurer.drawnAdvanceIn(piece.run.font, piece.run.text, at, at + piece.text.length) * piece.run.size -
      saved(piece.from, piece.from + piece.text.length);
    // A space alone draws nothing; its width is already in the positions.
    if (piece.text.trim() !== '') {
      const glyphs = narrowed(
        glyphRun(piece.run, piece.text, piece.from),
        piece.from,
        squeezed,
        piece.run.size,
      );
      const dots = (): number[] => dotCenters(piece.run, piece.text, piece.from, 0, squeezed, measurer);
      emit(piece.run, piece.text, x, glyphs, drawn, dots);
    }
    x += drawn;
  }
  return items;
}

/** Where emphasis dots go along a drawn string: the centre of each letter or digit (not of spaces or punctuation). */
function dotCenters(
  run: StyledRun,
  str: string,
  from: number,
  characterSpacing: number,
  squeezed: ReadonlyMap<number, number>,
  measurer: Measurer,
): number[] {
  const centers: number[] = [];
  let x = 0;
  let at = from;
  for (const ch of str) {
    const advance = measurer.advance(run.font, ch) * run.size;
    if (LETTER_OR_NUMBER.has(ch.codePointAt(0)!)) centers.push(x + advance / 2);
    x += advance - (squeezed.get(at) ?? 0) + characterSpacing;
    at += ch.length;
  }
  return centers;
}

const NONE: ReadonlyMap<number, number> = new Map();

/**
 * The glyph run of text starting at paragraph index `from`, with the compressed marks' advances shortened by their
 * squeeze (points at `size`; a run's lengths are thousandths of an em). The shaped run is shared: copied, not changed.
 */
function narrowed(
  run: GlyphRun,
  from: number,
  squeezed: ReadonlyMap<number, number>,
  size: number,
): GlyphRun {
  if (squeezed.size === 0) return run;
  let advances: number[] | undefined;
  let at = from;
  for (let g = 0; g < run.codePoints.length; g++) {
    const cps = run.codePoints[g]!;
    const points = cps.length === 1 ? squeezed.get(at) : undefined;
    // Rounded as the shaper's own lengths are, so that the same squeeze gives the same width (and PDF code) anywhere.
    if (points)
      (advances ??= [...run.advances])[g] =
        Math.round((run.advances[g]! - (points / size) * 1000) * 1e3) / 1e3;
    for (let k = 0; k < cps.length; k++) at += cps[k]! > 0xffff ? 2 : 1;
  }
  return advances ? { ...run, advances } : run;
}
