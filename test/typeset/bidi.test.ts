/** Right-to-left setting: bidi levels and visual order (bidi-js), directed shaping (fontkit), the mirrored page. */

import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import { typesetLetter, type TextItem } from '../../src/typeset/index.js';
import { bidiParagraph, visualPieces } from '../../src/typeset/bidi/levels.js';
import { directedGlyphRun } from '../../src/typeset/bidi/shape.js';
import type { LetterDoc } from '../../src/model/index.js';

const fonts = toolFontBook();
const NASKH = { face: 'naskh', variant: 'regular' } as const;

/** The visual pieces of a one-run line, as text read left to right on the page. */
function seen(text: string, rtl: boolean): string[] {
  const paragraph = bidiParagraph(text, rtl)!;
  return visualPieces(paragraph, 0, text.length, () => 0).map((p) => text.slice(p.from, p.to));
}

describe('bidi levels and visual order', () => {
  it('a left-to-right paragraph without right-to-left text is left to the old path', () => {
    expect(bidiParagraph('Dear President, 2023', false)).toBeUndefined();
    expect(bidiParagraph('Dear President سلام', false)).toBeDefined();
    expect(bidiParagraph('Dear President', true)).toBeDefined();
  });

  it('a Latin name and a number inside Arabic keep their own direction, in the right places', () => {
    const text = 'قال António Guterres في عام 2023 إن';
    // Left to right on the page: the sentence's end first; the name and the number each read left to right.
    expect(seen(text, true)).toEqual([' إن', '2023', ' في عام ', 'António Guterres', 'قال ']);
  });

  it('lines are reordered one by one on the logical text (the second line is not the first reversed)', () => {
    const text = 'نكتب إليكم بشعور من الإلحاح';
    const paragraph = bidiParagraph(text, true)!;
    const cut = text.indexOf('بشعور');
    const line = (from: number, to: number) =>
      visualPieces(paragraph, from, to, () => 0).map((p) => text.slice(p.from, p.to));
    expect(line(0, cut)).toEqual(['نكتب إليكم ']);
    expect(line(cut, text.length)).toEqual(['بشعور من الإلحاح']);
  });
});

describe('directed shaping', () => {
  it('shapes Arabic joined, in visual order, each glyph standing for its own letter (ت and ي share a base glyph)', () => {
    const run = directedGlyphRun(fonts, NASKH, 'تين', 'ar', true);
    const font = fonts.open('naskh');
    // Joined: no glyph is the isolated form the cmap gives each letter alone.
    const isolated = [...'تين'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    for (const gid of run.glyphs) expect(isolated).not.toContain(gid);
    // Visual order: the last letter (ن) is drawn first, at the left.
    const letters = run.codePoints.filter((cps) => cps.length > 0).map((cps) => String.fromCodePoint(...cps));
    expect(letters).toEqual(['ن', 'ي', 'ت']);
  });

  it('gives a mark’s letter (shadda) to its base glyph, the pair stored in the run’s visual order, the raised mark none', () => {
    const run = directedGlyphRun(fonts, NASKH, 'وثّقت', 'ar', true);
    const texts = run.codePoints.map((cps) => String.fromCodePoint(...cps));
    expect(texts.filter((t) => t !== '')).toEqual(['ت', 'ق', '\u0651ث', 'و']);
    // Every raised glyph (a mark: no advance, an offset) copies out as nothing.
    run.glyphs.forEach((_, i) => {
      if (run.advances[i] === 0 && run.yOffsets[i] !== 0) expect(run.codePoints[i]).toEqual([]);
    });
  });

  it('mirrors brackets in right-to-left text and keeps their logical characters for copying', () => {
    const run = directedGlyphRun(fonts, NASKH, '(تقريبا)', 'ar', true);
    const font = fonts.open('naskh');
    // Leftmost glyph on the page is the closing bracket of the logical text, drawn as '('.
    expect(run.glyphs[0]).toBe(font.glyphForCodePoint(0x28).id);
    expect(run.codePoints[0]).toEqual([0x29]);
    expect(run.glyphs[run.glyphs.length - 1]).toBe(font.glyphForCodePoint(0x29).id);
    expect(run.codePoints[run.codePoints.length - 1]).toEqual([0x28]);
  });
});

function arabicLetter(text: string): LetterDoc {
  const section = (part: 'body' | 'signatures', align: 'justify' | 'end', value: string) => ({
    part,
    align,
    firstLineIndent: 0,
    keepTogether: false,
    keepWithNext: false,
    blocks: [{ type: 'paragraph' as const, inlines: [{ type: 'text' as const, value }] }],
  });
  return {
    lang: 'ar',
    locale: 'ar',
    paper: 'A4',
    pageLabel: '{page}',
    meta: { title: 't', author: 'a', keywords: [], created: new Date(0) },
    sections: [section('body', 'justify', text), section('signatures', 'end', 'التوقيع')],
  };
}

describe('the mirrored page', () => {
  const long =
    'نكتب إليكم بشعور من الإلحاح وقلق بالغ إزاء الإعادة القسرية للاجئين الكوريين الشماليين على يد الحكومة الصينية. '
      .repeat(3)
      .trim();
  const paged = typesetLetter(arabicLetter(long), { fonts });
  const { width, margins } = paged.geometry;
  const texts = paged.pages[0]!.items.filter((i): i is TextItem => i.kind === 'text');
  const lines = [...new Set(texts.map((t) => t.y))].map((y) => texts.filter((t) => t.y === y));
  const right = (items: TextItem[]) => Math.max(...items.map((t) => t.x + t.width));
  const left = (items: TextItem[]) => Math.min(...items.map((t) => t.x));

  it('starts every line of a paragraph at the right margin; justified lines reach the left one', () => {
    const body = lines.slice(0, -1);
    expect(body.length).toBeGreaterThan(2);
    for (const line of body) expect(right(line)).toBeCloseTo(width - margins.right, 1);
    for (const line of body.slice(0, -1)) expect(left(line)).toBeCloseTo(margins.left, 1);
    expect(left(body[body.length - 1]!)).toBeGreaterThan(margins.left + 1);
  });

  it('keeps the items of a line in reading order while drawing them right to left, a name and a number inside', () => {
    const mixed = typesetLetter(arabicLetter('قال António Guterres في عام 2023 إن'), { fonts });
    const items = mixed.pages[0]!.items.filter((i): i is TextItem => i.kind === 'text').slice(0, -1);
    expect(items.map((i) => i.text)).toEqual(['قال ', 'António Guterres', ' في عام ', '2023', ' إن']);
    const xs = items.map((i) => i.x);
    expect(xs).toEqual([...xs].sort((a, b) => b - a));
    expect(xs[0]! + items[0]!.width).toBeCloseTo(width - margins.right, 1);
  });

  it('sets the end-aligned signature block at the left margin', () => {
    const signature = lines[lines.length - 1]!;
    expect(left(signature)).toBeCloseTo(margins.left, 1);
  });
});
