/** Pagination: units onto pages, keeping unsplittable units whole, keeps honoured, and no widowed or orphaned lines. */

import type { Line } from '../break/paragraph.js';
import type { PageGeometry, PageItem, ReservedBox } from '../types.js';
import { canSplit, linesHeight, type Unit } from '../unit.js';

/** Pages of absolutely positioned items, and the reserved box if a unit carried one. */
export interface Pagination {
  readonly pages: PageItem[][];
  readonly reserved?: ReservedBox;
}

// Rounding slack, so that a unit exactly as tall as the space left still fits.
const EPSILON = 0.01;

/** Put units on pages in order. */
export function paginate(units: readonly Unit[], geometry: PageGeometry): Pagination {
  const capacity = geometry.height - geometry.margins.top - geometry.margins.bottom;
  const pages: PageItem[][] = [[]];
  let y = 0;
  let reserved: ReservedBox | undefined;

  const newPage = (): void => {
    pages.push([]);
    y = 0;
  };
  const place = (line: Line): void => {
    const top = geometry.margins.top + y;
    // A letter must never lose a line: drawing below the bottom margin would cut it from the printed page.
    if (y + line.height > capacity + EPSILON)
      throw new Error(`pagination placed a line ${line.height} pt tall at ${y} pt of a ${capacity} pt page`);
    const page = pages[pages.length - 1]!;
    for (const item of line.items) page.push({ ...item, y: item.y + top });
    if (line.reserved)
      reserved = {
        pageIndex: pages.length - 1,
        x: line.reserved.x,
        y: top,
        width: line.reserved.width,
        height: line.height,
      };
    y += line.height;
  };
  const fitting = (lines: readonly Line[], from: number): number => {
    let k = 0;
    let h = from;
    while (k < lines.length && h + lines[k]!.height <= capacity + EPSILON) h += lines[k++]!.height;
    return k;
  };

  // A chain of keep-with-next taller than a page cannot stay on one. From a unit that leads into the next on (a close,
  // a signature block: alone at the foot of a page it is the orphan its keep is there to prevent) the chain fills
  // pages, each unit kept with the next one's start and placed where the one before kept room for it. Any other unit
  // in such a chain (the body's last paragraph) keeps with the next one's start only, and the next keeps its own chain
  // whole if that fits a page: a close stays with all the signatures that fit beside it (review of a5640a6).
  let filling = false;
  let promised = false;
  units.forEach((unit, index) => {
    if (unit.breakBefore) {
      if (y > 0) newPage();
      filling = false;
      promised = false;
      return;
    }
    const fits = !filling && chainFits(units, index, capacity);
    filling ||= !fits && unit.leadIn;
    const reach = fits ? MAX_CHAIN : 1;
    const placedFor = promised;
    promised = false;
    let lines = unit.lines;
    let first = true;
    while (lines.length > 0) {
      const gap = first && y > 0 ? unit.gapBefore : 0;
      const own = linesHeight(lines);
      // What follows by keep-with-next may be dropped when it cannot fit anyway; the unit's own lines never are.
      const keep = placedFor ? own : Math.min(own + keptHeight(units, index, reach), capacity);
      if (own <= capacity + EPSILON && y + gap + keep <= capacity + EPSILON) {
        y += gap;
        lines.forEach(place);
        promised = filling && unit.keepWithNext && y + keptHeight(units, index, 1) <= capacity + EPSILON;
        break;
      }
      if (canSplit(unit, lines)) {
        const k = Math.min(fitting(lines, y + gap), lines.length - unit.minLines);
        if (k >= unit.minLines) {
          y += gap;
          lines.slice(0, k).forEach(place);
          newPage();
          lines = lines.slice(k);
          first = false;
          continue;
        }
      }
      if (y > 0) {
        newPage();
        continue;
      }
      // Taller than a page even when it starts one: split wherever the page is full.
      const k = Math.max(1, fitting(lines, 0));
      lines.slice(0, k).forEach(place);
      lines = lines.slice(k);
      if (lines.length > 0) newPage();
      first = false;
    }
    filling &&= unit.keepWithNext;
  });
  while (
    pages.length > 1 &&
    pages[pages.length - 1]!.length === 0 &&
    reserved?.pageIndex !== pages.length - 1
  )
    pages.pop();
  return reserved ? { pages, reserved } : { pages };
}

/**
 * Whether a unit and what keep-with-next brings along fit on one page. A chain of keeps taller than a page (a close
 * and fourteen signatories) cannot stay on one whatever is done: waiting for an empty page for it left the close alone
 * on a page and a signatory alone on the next. Its units keep each with the next one's start, filling each page.
 */
function chainFits(units: readonly Unit[], index: number, capacity: number): boolean {
  return linesHeight(units[index]!.lines) + keptHeight(units, index, MAX_CHAIN) <= capacity + EPSILON;
}

/** Units a chain of keep-with-next is followed through. */
const MAX_CHAIN = 21;

/**
 * Height that must follow a unit on its page because of keep-with-next: the next unit's first lines, or all of it and
 * what that one keeps with, through at most `count` units.
 */
function keptHeight(units: readonly Unit[], index: number, count: number): number {
  const unit = units[index]!;
  const next = units[index + 1];
  if (!unit.keepWithNext || !next || next.breakBefore || count < 1) return 0;
  // A unit too short to split (a one-line close) moves whole, so what it keeps with comes along too.
  if (canSplit(next)) return next.gapBefore + linesHeight(next.lines.slice(0, next.minLines));
  return next.gapBefore + linesHeight(next.lines) + keptHeight(units, index + 1, count - 1);
}
