/**
 * A right-to-left letter is set in a logical frame whose x runs from the start edge (bidi/place.ts); mirroring about
 * the text column's centre turns it into page coordinates: indents, list markers, quote rules, signature images and the
 * signature field's box move to the other side, and the column itself stays where the page's margins put it.
 */

import type { Line } from '../break/paragraph.js';
import type { PageGeometry, PageItem } from '../types.js';
import type { Unit } from '../unit.js';

/** Units set in the logical frame of a right-to-left letter, in page coordinates. */
export function mirrorUnits(units: readonly Unit[], geometry: PageGeometry): Unit[] {
  const axis = columnAxis(geometry);
  return units.map((u) => ({ ...u, lines: u.lines.map((line) => mirrorLine(line, axis)) }));
}

/** Items placed in the logical frame, in page coordinates (`axis`: left plus right edge of the column). */
export function mirrorItems<T extends PageItem>(items: readonly T[], axis: number): T[] {
  return items.map((item) => ({ ...item, x: axis - item.x - item.width }));
}

/** The sum of the text column's left and right edges: x maps to this minus x. */
export function columnAxis(geometry: PageGeometry): number {
  return geometry.margins.left + geometry.width - geometry.margins.right;
}

function mirrorLine(line: Line, axis: number): Line {
  return {
    ...line,
    items: mirrorItems(line.items, axis),
    ...(line.reserved
      ? { reserved: { x: axis - line.reserved.x - line.reserved.width, width: line.reserved.width } }
      : {}),
  };
}
