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
  /**
   * The unit leads into the next one (a heading, a close, a signature block kept with the next): at the foot of a page
   * without it, it would be the orphan its keep is there to prevent. A paragraph kept with the next (the body's last,
   * with the close) is not: its keep gives way first.
   */
  readonly leadIn: boolean;
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
    leadIn: false,
    breakBefore: false,
    ...overrides,
  };
}

/** Whether pagination may split `lines` of the unit (all of them by default): it may, and each page keeps `minLines`. */
export function canSplit(unit: Unit, lines: readonly Line[] = unit.lines): boolean {
  return unit.splittable && lines.length >= 2 * unit.minLines;
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
