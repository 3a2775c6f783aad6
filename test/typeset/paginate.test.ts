/** Pagination rules on synthetic units: no widows or orphans, unsplittable units move whole, keep-with-next. */

import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/typeset/break/paragraph.js';
import { paginate } from '../../src/typeset/paginate/index.js';
import { unit, type Unit } from '../../src/typeset/unit.js';

// A page with room for exactly 10 lines of 10 pt.
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

function lines(tag: string, n: number): Line[] {
  return Array.from({ length: n }, (_, i) => ({
    height: 10,
    baseline: 8,
    items: [
      {
        kind: 'text' as const,
        text: `${tag}${i}`,
        glyphs: NO_GLYPHS,
        font: { face: 'latin', variant: 'regular' as const },
        size: 10,
        x: 10,
        y: 8,
        width: 10,
        lang: 'en',
      },
    ],
  }));
}

function layout(units: Unit[]): string[][] {
  return paginate(units, geometry).pages.map((page) =>
    page.map((item) => (item.kind === 'text' ? item.text : '')),
  );
}

describe('paginate', () => {
  it('never leaves one line of a paragraph alone at the foot of a page (orphan)', () => {
    const pages = layout([unit(lines('a', 9), 0), unit(lines('b', 4), 0)]);
    expect(pages[0]).toEqual(lines('a', 9).map((l) => (l.items[0] as { text: string }).text));
    expect(pages[1]).toEqual(['b0', 'b1', 'b2', 'b3']);
  });

  it('never carries one line of a paragraph alone to the next page (widow)', () => {
    const pages = layout([unit(lines('a', 6), 0), unit(lines('b', 5), 0)]);
    // 4 lines are left on page 1; 4 of b would fit but leave b4 alone, so 3 stay and 2 move.
    expect(pages[0]!.filter((t) => t.startsWith('b'))).toEqual(['b0', 'b1', 'b2']);
    expect(pages[1]).toEqual(['b3', 'b4']);
  });

  it('moves an unsplittable unit whole to the next page', () => {
    const pages = layout([unit(lines('a', 7), 0), unit(lines('s', 4), 0, { splittable: false })]);
    expect(pages[1]).toEqual(['s0', 's1', 's2', 's3']);
  });

  it('keeps a unit with the start of the next one', () => {
    const pages = layout([
      unit(lines('a', 8), 0),
      unit(lines('h', 1), 0, { splittable: false, keepWithNext: true }),
      unit(lines('b', 4), 0),
    ]);
    expect(pages[0]).toEqual(lines('a', 8).map((l) => (l.items[0] as { text: string }).text));
    expect(pages[1]!.slice(0, 3)).toEqual(['h0', 'b0', 'b1']);
  });

  it('keeps a chain of keeps that fits on a page together, moving it whole', () => {
    const kept = { splittable: false, keepWithNext: true };
    const pages = layout([
      unit(lines('a', 6), 0),
      unit(lines('c', 1), 0, kept),
      unit(lines('s', 3), 0, kept),
      unit(lines('t', 3), 0, { splittable: false }),
    ]);
    expect(pages).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'],
      ['c0', 's0', 's1', 's2', 't0', 't1', 't2'],
    ]);
  });

  it('fills pages with a chain of keeps taller than a page, the close with the first signatory, none split', () => {
    // A close and five signatories of 3 lines each: 16 lines cannot stay on one page of 10. Waiting for an empty page
    // for the chain left the close alone on a page, then a signatory alone on each of the next two.
    const kept = { splittable: false, keepWithNext: true, leadIn: true };
    const signatories = ['s', 't', 'u', 'v', 'w'].map((tag, i) =>
      unit(lines(tag, 3), 0, i < 4 ? kept : { splittable: false }),
    );
    const pages = layout([unit(lines('a', 8), 0), unit(lines('c', 1), 0, kept), ...signatories]);
    expect(pages).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'],
      ['c0', 's0', 's1', 's2', 't0', 't1', 't2', 'u0', 'u1', 'u2'],
      ['v0', 'v1', 'v2', 'w0', 'w1', 'w2'],
    ]);
  });

  it('keeps a close with the signatures that fit with it, when the body paragraph kept with it makes the chain too tall', () => {
    // The letter's body keeps its last paragraph with the close: paragraph, close and signatures (11 lines) cannot
    // share a page of 10, but the close and the signatures (9) can. Parting the paragraph from the close is the break
    // to make; the review of a5640a6 found the close at the foot of page 1 and the signatures alone on page 2.
    const pages = layout([
      unit(lines('a', 4), 0),
      unit(lines('p', 2), 0, { keepWithNext: true }),
      unit(lines('c', 1), 0, { splittable: false, keepWithNext: true, leadIn: true }),
      unit(lines('s', 8), 0, { splittable: false }),
    ]);
    expect(pages).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'p0', 'p1'],
      ['c0', 's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7'],
    ]);
  });

  it('starts a new page at a page break and drops the gap at the top of a page', () => {
    const result = paginate(
      [
        unit(lines('a', 2), 0),
        unit([], 0, { breakBefore: true, splittable: false }),
        unit(lines('b', 1), 30),
      ],
      geometry,
    );
    expect(result.pages).toHaveLength(2);
    expect(result.pages[1]![0]!.y).toBe(10 + 8);
  });
});
