/**
 * Shaped runs of text, one table per parsed face, shared by the measurer (typeset) and pdfkit (render/pdf): the same
 * word is shaped once per process, not once to measure it and again, for every document, to draw it.
 */

import type { Font, Glyph } from 'fontkit';

/** A run as pdfkit keeps it in its layout cache: fontkit's layout, positions in thousandths of an em. */
export interface ShapedRun {
  readonly glyphs: readonly Glyph[];
  readonly positions: readonly Record<string, number>[];
  /** Sum of the x advances, in thousandths of an em. */
  readonly advanceWidth: number;
}

/**
 * Past this many distinct runs a face's table starts over, so a long batch holds a bounded amount. The body of a
 * letter is the same for every recipient: a batch draws the same words again and again.
 */
const MAX_RUNS = 20_000;

interface RunTable {
  runs: Record<string, ShapedRun>;
  /** Runs added through `shape`; pdfkit adds its own to `runs` without counting (see `boundRuns`). */
  added: number;
}

const tables = new WeakMap<Font, RunTable>();

function table(font: Font): RunTable {
  let t = tables.get(font);
  if (!t) tables.set(font, (t = { runs: Object.create(null) as Record<string, ShapedRun>, added: 0 }));
  return t;
}

/** The face's table of runs by text, in the shape of pdfkit's `EmbeddedFont.layoutCache`, which may add to it. */
export function shapedRuns(font: Font): Record<string, ShapedRun> {
  return table(font).runs;
}

/** `text` shaped in `font` with its default features, exactly as pdfkit's `EmbeddedFont.layoutRun` shapes it. */
export function shape(font: Font, text: string): ShapedRun {
  const t = table(font);
  let run = t.runs[text];
  if (!run) {
    if (++t.added > MAX_RUNS) {
      t.runs = Object.create(null) as Record<string, ShapedRun>;
      t.added = 1;
    }
    run = layoutRun(font, text);
    t.runs[text] = run;
  }
  return run;
}

/** Starts a face's table over once it holds more than the bound, whoever filled it; call between documents. */
export function boundRuns(font: Font): void {
  const t = tables.get(font);
  // Counting keys is cheap next to drawing a document, and done once per face per document.
  if (t && Object.keys(t.runs).length > MAX_RUNS) {
    t.runs = Object.create(null) as Record<string, ShapedRun>;
    t.added = 0;
  }
}

/** pdfkit 0.20's `layoutRun`: fontkit's positions scaled to 1000 units per em, each with the glyph's advance. */
function layoutRun(font: Font, text: string): ShapedRun {
  const run = font.layout(text);
  const scale = 1000 / font.unitsPerEm;
  const positions = run.positions as unknown as Record<string, number>[];
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    for (const key in position) position[key]! *= scale;
    position.advanceWidth = run.glyphs[i]!.advanceWidth * scale;
  }
  return run as unknown as ShapedRun;
}
