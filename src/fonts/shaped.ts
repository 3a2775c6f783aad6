/**
 * Text shaped with fontkit's public `font.layout`, once per face and string: the measurer (typeset) reads the advance,
 * the paged letter keeps the glyphs, and render/pdf writes them. A batch shapes each word of its body once.
 */

import type { Font } from 'fontkit';
import { plainGlyphs } from './fast-path.js';
import { harfBuzzShape, sameGuessedScript, singleCodePoint, type HarfBuzzRun } from './harfbuzz.js';
import { hmtxAdvance } from './metrics.js';
import { plainHangulRun } from './plain-hangul.js';

/**
 * One string shaped in one face: parallel arrays, an entry per glyph. Lengths are in thousandths of an em (PDF text
 * space), each value scaled from font units on its own, so sums round exactly as they always have.
 */
export interface Shaped extends ShapedGlyphs {
  /** Sum of `advances`. */
  readonly advanceWidth: number;
  /** Where harfbuzz shaped the string: each glyph's cluster start and UNSAFE_TO_BREAK flag (`shapePiece`). */
  readonly cuts?: { readonly clusters: readonly number[]; readonly unsafeToBreak: readonly boolean[] };
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
  // Plain loops: Array.prototype.flatMap reads each element through the generic property path, and this runs cold.
  const glyphs: number[] = [];
  const advances: number[] = [];
  const widths: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const codePoints: (readonly number[])[] = [];
  for (const part of parts) {
    for (let g = 0; g < part.glyphs.length; g++) {
      glyphs.push(part.glyphs[g]!);
      advances.push(part.advances[g]!);
      widths.push(part.widths[g]!);
      xOffsets.push(part.xOffsets[g]!);
      yOffsets.push(part.yOffsets[g]!);
      codePoints.push(part.codePoints[g]!);
    }
  }
  return { glyphs, advances, widths, xOffsets, yOffsets, codePoints };
}

/**
 * Past this many distinct strings a face's table starts over, so a long batch holds a bounded amount. The body of a
 * letter is the same for every recipient: a batch shapes the same words again and again.
 */
const MAX_RUNS = 20_000;

interface RunTable {
  runs: Map<string, Shaped>;
  /** Pieces `shapePiece` tried to cut from a shaped run of this face, and how many it could. */
  readonly cuts: { tried: number; made: number };
  /** Runs one piece of which was shaped alone: a second piece missing shapes the run whole. */
  readonly missedOnce: Set<string>;
}

/**
 * A face whose runs mostly cannot be cut (Noto Serif KR: its contextual space between Hangul syllables makes every word
 * boundary unsafe) stops shaping whole runs after this many tries, when fewer than half were cut: there a whole run
 * is shaped for nothing, and a long Hangul run shapes slowly. Runs longer than MAX_WHOLE are never shaped whole.
 */
const TRIAL_CUTS = 64;
const MAX_WHOLE = 4096;

const tables = new WeakMap<Font, RunTable>();

/** Which way a run is shaped: fontkit returns the glyphs of a right-to-left run in visual order (right end first). */
export type ShapingDirection = 'ltr' | 'rtl';

/**
 * `text` shaped in `font` with fontkit's default features (cached per face). Without a direction fontkit takes the
 * script's; typeset/bidi passes the direction of the run's bidi level, so that neutrals (spaces, punctuation) inside
 * Arabic are laid out right to left too.
 */
export function shape(font: Font, text: string, direction?: ShapingDirection): Shaped {
  const table = tableOf(font);
  const key = direction ? `${direction}\u0000${text}` : text;
  let run = table.runs.get(key);
  if (!run) {
    run = layout(font, text, direction);
    remember(table, key, run);
  }
  return run;
}

/**
 * `whole.slice(start, end)` shaped as `shape(font, piece)` shapes it (same cache), taken from `whole` shaped once where
 * harfbuzz says the text may be cut at both ends (no UNSAFE_TO_BREAK on the glyph a cut falls before) and guesses
 * the piece the same script as the whole: a paragraph's run is shaped once instead of word by word. Anywhere else the
 * piece is shaped alone. test/fonts/shape-piece.test.ts: equal to the piece shaped alone over the corpus, every face.
 */
export function shapePiece(font: Font, whole: string, start: number, end: number): Shaped {
  if (start === 0 && end === whole.length) return shape(font, whole);
  const text = whole.slice(start, end);
  const table = tableOf(font);
  let run = table.runs.get(text);
  if (!run) {
    const { cuts } = table;
    // A run a single piece of which is new (a recipient's name in a line shaped before) is not shaped whole for it.
    const worth =
      whole.length <= MAX_WHOLE &&
      (cuts.tried < TRIAL_CUTS || 2 * cuts.made >= cuts.tried) &&
      (table.runs.has(whole) || !firstMiss(table, whole));
    const shaped = worth && sameGuessedScript(text, whole) ? shape(font, whole) : undefined;
    const cut = shaped?.cuts ? cutOut(shaped, start, end, whole.length) : undefined;
    if (shaped?.cuts) {
      cuts.tried++;
      if (cut) cuts.made++;
    }
    run = cut ?? layout(font, text, undefined);
    remember(table, text, run);
  }
  return run;
}

/** Glyphs [g, h) of `whole` for text [start, end), when both cuts are safe; undefined otherwise. */
function cutOut(whole: Shaped, start: number, end: number, length: number): Shaped | undefined {
  const cuts = whole.cuts;
  if (!cuts) return undefined;
  const g = glyphAt(cuts.clusters, start);
  const h = end === length ? cuts.clusters.length : glyphAt(cuts.clusters, end);
  if (g === undefined || h === undefined || h <= g) return undefined;
  if (start > 0 && cuts.unsafeToBreak[g]) return undefined;
  if (end < length && cuts.unsafeToBreak[h]) return undefined;
  const advances = whole.advances.slice(g, h);
  let advanceWidth = 0;
  for (const advance of advances) advanceWidth += advance;
  return {
    glyphs: whole.glyphs.slice(g, h),
    advances,
    widths: whole.widths.slice(g, h),
    xOffsets: whole.xOffsets.slice(g, h),
    yOffsets: whole.yOffsets.slice(g, h),
    codePoints: whole.codePoints.slice(g, h),
    // No cuts: harfbuzz promises a piece's glyphs and positions, not the flags it would give the piece alone.
    advanceWidth,
  };
}

/** The first glyph of the cluster that starts exactly at `index` (clusters rise left to right), else undefined. */
function glyphAt(clusters: readonly number[], index: number): number | undefined {
  let lo = 0;
  let hi = clusters.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clusters[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo < clusters.length && clusters[lo] === index ? lo : undefined;
}

/** Whether this is the first piece of `whole` to miss the table (and remember that it was). */
function firstMiss(table: RunTable, whole: string): boolean {
  if (table.missedOnce.has(whole)) return false;
  if (table.missedOnce.size >= 1_000) table.missedOnce.clear();
  table.missedOnce.add(whole);
  return true;
}

function tableOf(font: Font): RunTable {
  let table = tables.get(font);
  if (!table)
    tables.set(font, (table = { runs: new Map(), cuts: { tried: 0, made: 0 }, missedOnce: new Set() }));
  return table;
}

function remember(table: RunTable, key: string, run: Shaped): void {
  if (table.runs.size >= MAX_RUNS) table.runs = new Map();
  table.runs.set(key, run);
}

function layout(font: Font, text: string, direction: ShapingDirection | undefined): Shaped {
  const run = unitsRun(font, text, direction);
  const scale = 1000 / font.unitsPerEm;
  // The run's own ids: each way of shaping below makes them for this call alone.
  const glyphs = run.ids;
  const advances: number[] = [];
  const widths: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < run.ids.length; i++) {
    const id = run.ids[i]!;
    const advance = run.xAdvances[i]! * scale;
    advances.push(advance);
    // The glyph's own advance from hmtx: fontkit's `glyph.advanceWidth` decodes the outline's box first (metrics.ts).
    widths.push(hmtxAdvance(font, id) * scale);
    xOffsets.push(run.xOffsets[i]! * scale);
    yOffsets.push(run.yOffsets[i]! * scale);
    advanceWidth += advance;
  }
  const cuts =
    run.clusters && run.unsafeToBreak
      ? { clusters: run.clusters, unsafeToBreak: run.unsafeToBreak }
      : undefined;
  return {
    glyphs,
    advances,
    widths,
    xOffsets,
    yOffsets,
    codePoints: run.codePoints,
    advanceWidth,
    ...(cuts ? { cuts } : {}),
  };
}

/**
 * The run in font units: harfbuzz's (harfbuzz.ts; for a word of Hangul syllables, what it provably gives, read from
 * cmap and hmtx: plain-hangul.ts); where harfbuzz is not loaded yet, the face was not opened by a
 * FontBook or the run is right to left, fontkit's: what cmap and hmtx say where no lookup touches the run
 * (fast-path.ts: it saves fontkit's layout, ~0.3 ms, at the price of analysing the face's lookups once), else its
 * layout. test/fonts/harfbuzz.test.ts and fast-path.test.ts show all three give the same glyphs.
 */
/** A run in font units; only harfbuzz's has cluster starts and break flags. */
type UnitsRun = Omit<HarfBuzzRun, 'clusters' | 'unsafeToBreak'> & Partial<HarfBuzzRun>;

function unitsRun(font: Font, text: string, direction: ShapingDirection | undefined): UnitsRun {
  // A word of Hangul syllables the face leaves be: what harfbuzz gives, without a call into it (plain-hangul.ts).
  const hangul = direction === 'rtl' ? undefined : plainHangulRun(font, text);
  if (hangul) return hangul;
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
      codePoints: [...text].map((ch) => singleCodePoint(ch.codePointAt(0)!)),
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
