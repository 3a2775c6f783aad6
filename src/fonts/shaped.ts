/**
 * Text shaped with fontkit's public `font.layout`, once per face and string: the measurer (typeset) reads the advance,
 * the paged letter keeps the glyphs, and render/pdf writes them. A batch shapes each word of its body once.
 */

import type { Font } from 'fontkit';
import { plainGlyphs } from './fast-path.js';
import { hmtxAdvance } from './metrics.js';

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

/** Shaped pieces (the words of a run) one after another, as one run of glyphs. */
export function concatGlyphs(parts: readonly ShapedGlyphs[]): ShapedGlyphs {
  if (parts.length === 1) {
    const { glyphs, advances, widths, xOffsets, yOffsets, codePoints } = parts[0]!;
    return { glyphs, advances, widths, xOffsets, yOffsets, codePoints };
  }
  const concat = <K extends keyof ShapedGlyphs>(key: K): ShapedGlyphs[K] =>
    parts.flatMap((s) => s[key] as never) as ShapedGlyphs[K];
  return {
    glyphs: concat('glyphs'),
    advances: concat('advances'),
    widths: concat('widths'),
    xOffsets: concat('xOffsets'),
    yOffsets: concat('yOffsets'),
    codePoints: concat('codePoints'),
  };
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

/** Which way a run is shaped: fontkit returns the glyphs of a right-to-left run in visual order (right end first). */
export type ShapingDirection = 'ltr' | 'rtl';

/**
 * `text` shaped in `font` with fontkit's default features (cached per face). Without a direction fontkit takes the
 * script's; typeset/bidi passes the direction of the run's bidi level, so that neutrals (spaces, punctuation) inside
 * Arabic are laid out right to left too.
 */
export function shape(font: Font, text: string, direction?: ShapingDirection): Shaped {
  let table = tables.get(font);
  if (!table) tables.set(font, (table = { runs: new Map() }));
  const key = direction ? `${direction}\u0000${text}` : text;
  let run = table.runs.get(key);
  if (!run) {
    if (table.runs.size >= MAX_RUNS) table.runs = new Map();
    run = layout(font, text, direction);
    table.runs.set(key, run);
  }
  return run;
}

function layout(font: Font, text: string, direction: ShapingDirection | undefined): Shaped {
  // A run no lookup touches is what cmap and hmtx say (fast-path.ts); a right-to-left one is always shaped.
  const plain = direction === 'rtl' ? undefined : plainGlyphs(font, text);
  const run = plain
    ? undefined
    : direction
      ? font.layout(text, undefined, undefined, undefined, direction)
      : font.layout(text);
  const shapedGlyphs = plain ?? run!.glyphs;
  const scale = 1000 / font.unitsPerEm;
  const glyphs: number[] = [];
  const advances: number[] = [];
  const widths: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const codePoints: number[][] = [];
  let advanceWidth = 0;
  for (let i = 0; i < shapedGlyphs.length; i++) {
    const glyph = shapedGlyphs[i]!;
    // The glyph's own advance from hmtx: fontkit's `glyph.advanceWidth` decodes the outline's box first (metrics.ts).
    const width = hmtxAdvance(font, glyph.id);
    const position = run ? run.positions[i]! : { xAdvance: width, xOffset: 0, yOffset: 0 };
    const advance = position.xAdvance * scale;
    glyphs.push(glyph.id);
    advances.push(advance);
    widths.push(width * scale);
    xOffsets.push(position.xOffset * scale);
    yOffsets.push(position.yOffset * scale);
    codePoints.push(glyph.codePoints);
    advanceWidth += advance;
  }
  return { glyphs, advances, widths, xOffsets, yOffsets, codePoints, advanceWidth };
}
