/** The unit pagination works on: a block's lines, with the spacing and keep rules that decide where pages break. */

import type { Line } from './break/paragraph.js';

/** A block set into lines, not yet on a page. */
export interface Unit {
  readonly lines: readonly Line[];
  /** Space above, dropped when the unit starts a page. */
  readonly gapBefore: number;
  /** The lines may be split across pages (a body paragraph); otherwise the unit moves whole. */
  readonly splittable: boolean;
  /** Keep at least this many lines of a split unit on each page (no widows, no orphans). */
  readonly minLines: number;
  /** Keep this unit on the same page as the start of the next one. */
  readonly keepWithNext: boolean;
  /** Start a new page before this unit (a `pagebreak` block; it has no lines). */
  readonly breakBefore: boolean;
}

/** A unit with the usual defaults: splittable paragraphs, no keeps. */
export function unit(lines: readonly Line[], gapBefore: number, overrides: Partial<Unit> = {}): Unit {
  return {
    lines,
    gapBefore,
    splittable: true,
    minLines: 2,
    keepWithNext: false,
    breakBefore: false,
    ...overrides,
  };
}

/** Total height of lines. */
export function linesHeight(lines: readonly Line[]): number {
  let h = 0;
  for (const line of lines) h += line.height;
  return h;
}

/** An empty line of the given height: the gap between blocks that were merged into one unit. */
export function spacer(height: number): Line {
  return { height, baseline: 0, items: [] };
}
