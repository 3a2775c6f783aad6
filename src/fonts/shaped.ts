/**
 * Text shaped with fontkit's public `font.layout`, once per face and string: the measurer (typeset) reads the advance,
 * the paged letter keeps the glyphs, and render/pdf writes them. A batch shapes each word of its body once.
 */

import type { Font } from 'fontkit';

/**
 * One string shaped in one face: parallel arrays, an entry per glyph. Lengths are in thousandths of an em (PDF text
 * space), each value scaled from font units on its own, so sums round exactly as they always have.
 */
export interface Shaped extends ShapedGlyphs {
  /** Sum of `advances`. */
  readonly advanceWidth: number;
}

/** The glyphs of a shaped string, as typeset keeps them in a glyph run. */
export interface ShapedGlyphs {
  /** Glyph ids in the face. */
  readonly glyphs: readonly number[];
  /** Pen advance after each glyph as positioned (GPOS kerning included). */
  readonly advances: readonly number[];
  /** The glyph's own advance (hmtx): what a PDF font's /W says. */
  readonly widths: readonly number[];
  readonly xOffsets: readonly number[];
  readonly yOffsets: readonly number[];
  /** The code points each glyph stands for (several for a ligature): what copy and paste gives back. */
  readonly codePoints: readonly (readonly number[])[];
}

/**
 * Past this many distinct strings a face's table starts over, so a long batch holds a bounded amount. The body of a
 * letter is the same for every recipient: a batch shapes the same words again and again.
 */
const MAX_RUNS = 20_000;

interface RunTable {
  runs: Map<string, Shaped>;
}

const tables = new WeakMap<Font, RunTable>();

/** `text` shaped in `font` with fontkit's default features (cached per face). */
export function shape(font: Font, text: string): Shaped {
  let table = tables.get(font);
  if (!table) tables.set(font, (table = { runs: new Map() }));
  let run = table.runs.get(text);
  if (!run) {
    if (table.runs.size >= MAX_RUNS) table.runs = new Map();
    run = layout(font, text);
    table.runs.set(text, run);
  }
  return run;
}

function layout(font: Font, text: string): Shaped {
  const run = font.layout(text);
  const scale = 1000 / font.unitsPerEm;
  const glyphs: number[] = [];
  const advances: number[] = [];
  const widths: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const codePoints: number[][] = [];
  let advanceWidth = 0;
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i]!;
    const position = run.positions[i]!;
    const advance = position.xAdvance * scale;
    glyphs.push(glyph.id);
    advances.push(advance);
    widths.push(glyph.advanceWidth * scale);
    xOffsets.push(position.xOffset * scale);
    yOffsets.push(position.yOffset * scale);
    codePoints.push(glyph.codePoints);
    advanceWidth += advance;
  }
  return { glyphs, advances, widths, xOffsets, yOffsets, codePoints, advanceWidth };
}
