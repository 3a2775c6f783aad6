/** A letter never loses a line: blocks taller than a page are split, and no line is placed outside the page's box. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/typeset/break/paragraph.js';
import { paginate } from '../../src/typeset/paginate/index.js';
import { unit, type Unit } from '../../src/typeset/unit.js';

// Room for exactly 10 lines of 10 pt between the margins.
const geometry = { width: 200, height: 120, margins: { top: 10, right: 10, bottom: 10, left: 10 } };

// Pagination reads only sizes and positions: the synthetic lines need no shaped glyphs.
const NO_GLYPHS = {
  lang: 'en',
  glyphs: [],
  advances: [],
  widths: [],
  xOffsets: [],
  yOffsets: [],
  codePoints: [],
};

function lines(tag: string, n: number, height = 10): Line[] {
  return Array.from({ length: n }, (_, i) => ({
    height,
    baseline: height * 0.8,
    items: [
      {
        kind: 'text' as const,
        text: `${tag}${i}`,
        glyphs: NO_GLYPHS,
        font: { face: 'latin', variant: 'regular' as const },
        size: height,
        x: 10,
        y: height * 0.8,
        width: 10,
      },
    ],
  }));
}

const texts = (units: Unit[]) =>
  paginate(units, geometry).pages.map((page) => page.map((item) => (item.kind === 'text' ? item.text : '')));

describe('blocks taller than a page', () => {
  it('splits a paragraph that starts a page and is taller than it', () => {
    const pages = texts([unit(lines('p', 25), 0)]);
    expect(pages.flat()).toEqual(lines('p', 25).map((l) => (l.items[0] as { text: string }).text));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
  });

  it('splits again a remainder that is still taller than a page', () => {
    const pages = texts([unit(lines('a', 3), 0), unit(lines('p', 30), 0)]);
    expect(pages.flat()).toHaveLength(33);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(10);
  });

  it('splits an unsplittable block (an address, a name) taller than a page rather than drawing it off the page', () => {
    const pages = texts([
      unit(lines('a', 4), 0),
      unit(lines('n', 14), 0, { splittable: false, keepWithNext: true }),
      unit(lines('b', 2), 0),
    ]);
    expect(pages.flat()).toEqual(
      [...lines('a', 4), ...lines('n', 14), ...lines('b', 2)].map(
        (l) => (l.items[0] as { text: string }).text,
      ),
    );
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(10);
  });
});

/** Arbitrary units: lines of a few heights, every keep and split rule, page breaks. */
const unitArb = fc.record({
  n: fc.integer({ min: 0, max: 40 }),
  height: fc.constantFrom(8, 10, 12.5, 17),
  gap: fc.constantFrom(0, 5, 12),
  splittable: fc.boolean(),
  minLines: fc.integer({ min: 1, max: 3 }),
  keepWithNext: fc.boolean(),
  breakBefore: fc.boolean(),
});

describe('pagination over arbitrary letters', () => {
  it('places every line exactly once, in order, inside the page box', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const units = specs.map((s, u) =>
          s.breakBefore
            ? unit([], 0, { breakBefore: true, splittable: false })
            : unit(lines(`u${u}.`, s.n, s.height), s.gap, {
                splittable: s.splittable,
                minLines: s.minLines,
                keepWithNext: s.keepWithNext,
              }),
        );
        const expected = units.flatMap((u) => u.lines.map((l) => (l.items[0] as { text: string }).text));
        const { pages } = paginate(units, geometry);
        const placed = pages.flat().map((item) => (item.kind === 'text' ? item.text : ''));
        expect(placed).toEqual(expected);
        for (const item of pages.flat()) {
          if (item.kind !== 'text') continue;
          // The line box (its baseline lies 0.8 of its height below its top) stands inside the text area.
          expect(item.y - 0.8 * item.size).toBeGreaterThanOrEqual(geometry.margins.top - 0.01);
          expect(item.y + 0.2 * item.size).toBeLessThanOrEqual(
            geometry.height - geometry.margins.bottom + 0.01,
          );
        }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
