/**
 * Text shaped with fontkit's public `font.layout`, once per face and string: the measurer (typeset) reads the advance,
 * the paged letter keeps the glyphs, and render/pdf writes them. A batch shapes each word of its body once.
 */

import type { Font } from 'fontkit';
import { plainGlyphs } from './fast-path.js';
import { harfBuzzShape, type HarfBuzzRun } from './harfbuzz.js';
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
  const run = unitsRun(font, text, direction);
  const scale = 1000 / font.unitsPerEm;
  const glyphs: number[] = [];
  const advances: number[] = [];
  const widths: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < run.ids.length; i++) {
    const id = run.ids[i]!;
    const advance = run.xAdvances[i]! * scale;
    glyphs.push(id);
    advances.push(advance);
    // The glyph's own advance from hmtx: fontkit's `glyph.advanceWidth` decodes the outline's box first (metrics.ts).
    widths.push(hmtxAdvance(font, id) * scale);
    xOffsets.push(run.xOffsets[i]! * scale);
    yOffsets.push(run.yOffsets[i]! * scale);
    advanceWidth += advance;
  }
  return { glyphs, advances, widths, xOffsets, yOffsets, codePoints: run.codePoints, advanceWidth };
}

/**
 * The run in font units: harfbuzz's (harfbuzz.ts); where harfbuzz is not loaded yet, the face was not opened by a
 * FontBook or the run is right to left, fontkit's: what cmap and hmtx say where no lookup touches the run
 * (fast-path.ts: it saves fontkit's layout, ~0.3 ms, at the price of analysing the face's lookups once), else its
 * layout. test/fonts/harfbuzz.test.ts and fast-path.test.ts show all three give the same glyphs.
 */
function unitsRun(font: Font, text: string, direction: ShapingDirection | undefined): HarfBuzzRun {
  const shaped = harfBuzzShape(font, text, direction);
  if (shaped) return shaped;
  const plain = direction === 'rtl' ? undefined : plainGlyphs(font, text);
  if (plain) {
    const xAdvances = plain.map((glyph) => hmtxAdvance(font, glyph.id));
    return {
      ids: plain.map((glyph) => glyph.id),
      xAdvances,
      xOffsets: xAdvances.map(() => 0),
      yOffsets: xAdvances.map(() => 0),
      // One glyph per character, from the text: fontkit's glyph objects are shared per id and keep the code points of
      // whoever made them first (a subsetter's `getGlyph(id)` makes them with none).
      codePoints: [...text].map((ch) => [ch.codePointAt(0)!]),
    };
  }
  const run = direction ? font.layout(text, undefined, undefined, undefined, direction) : font.layout(text);
  return {
    ids: run.glyphs.map((glyph) => glyph.id),
    xAdvances: run.positions.map((p) => p.xAdvance),
    xOffsets: run.positions.map((p) => p.xOffset),
    yOffsets: run.positions.map((p) => p.yOffset),
    codePoints: run.glyphs.map((glyph) => glyph.codePoints),
  };
}
