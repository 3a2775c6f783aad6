/**
 * The paragraph table (src/typeset/break/memo.ts) and the measurer's glyph runs are keyed by everything their result
 * depends on: a paragraph set after another that differs from it in one thing only (a character, a span's language,
 * strong or emphasis, a link's target, a line break, the letter's language, size, weight, slant, column, indent,
 * alignment, leading) comes out exactly as when it is set alone, with a font book of its own.
 */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontBook, loadHarfBuzz } from '../../src/fonts/index.js';
import type { Inline } from '../../src/model/index.js';
import { setInlines, type BlockFrame } from '../../src/typeset/inlines.js';
import { Measurer } from '../../src/typeset/measure.js';
import { StructureBuilder } from '../../src/typeset/structure.js';

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'fonts');

beforeAll(() => loadHarfBuzz());

type Overrides = Partial<
  Pick<BlockFrame, 'lang' | 'x' | 'width' | 'style' | 'align' | 'firstLineIndent' | 'leading'>
>;

function linesOf(fonts: FontBook, inlines: readonly Inline[], overrides: Overrides = {}) {
  const lang = overrides.lang ?? 'en';
  const structure = new StructureBuilder(lang, fonts);
  const frame: BlockFrame = {
    fonts,
    measurer: new Measurer(fonts),
    lang,
    x: 72,
    width: 220,
    style: { size: 11, bold: false, italic: false },
    align: 'justify',
    firstLineIndent: 1,
    leading: 1.35,
    structure,
    parent: structure.root,
    paragraphRole: 'P',
    headingOffset: 0,
    ...overrides,
  };
  return setInlines(inlines, frame, structure.open(structure.root, 'P'));
}

const text = (value: string, lang?: 'ko' | 'zh'): Inline => ({
  type: 'text',
  value,
  ...(lang ? { lang } : {}),
});
const WORDS = 'We respectfully urge Your Excellency to stop the forced return of refugees to North Korea';
const BASE: Inline[] = [
  text(`${WORDS}, `),
  { type: 'strong', children: [text('now')] },
  text(' and for good.'),
];

const LINKED: Inline[] = [
  BASE[0]!,
  { type: 'link', url: 'https://a.example', children: [text('now')] },
  BASE[2]!,
];

/** What differs, the paragraph, its frame, and the paragraph set before it (BASE unless said). */
const VARIANTS: [string, Inline[], Overrides?, Inline[]?][] = [
  ['one character', [text(`${WORDS}; `), BASE[1]!, BASE[2]!]],
  ['strong as emphasis', [BASE[0]!, { type: 'emphasis', children: [text('now')] }, BASE[2]!]],
  ['a span in Korean', [BASE[0]!, { type: 'strong', children: [text('now', 'ko')] }, BASE[2]!]],
  ['a link', LINKED],
  [
    'a link target',
    [BASE[0]!, { type: 'link', url: 'https://b.example', children: [text('now')] }, BASE[2]!],
    {},
    LINKED,
  ],
  ['a line break', [BASE[0]!, { type: 'break' }, BASE[1]!, BASE[2]!]],
  [
    'the text moved into the strong node',
    [text(WORDS), { type: 'strong', children: [text(', now')] }, BASE[2]!],
  ],
  ['the letter in Korean', BASE, { lang: 'ko' }],
  ['size', BASE, { style: { size: 12, bold: false, italic: false } }],
  ['bold', BASE, { style: { size: 11, bold: true, italic: false } }],
  ['italic', BASE, { style: { size: 11, bold: false, italic: true } }],
  ['column x', BASE, { x: 90 }],
  ['column width', BASE, { width: 200 }],
  ['indent', BASE, { firstLineIndent: 2 }],
  ['alignment', BASE, { align: 'start' }],
  ['leading', BASE, { leading: 1.5 }],
];

describe('the paragraph table and the glyph runs are keyed by all a layout depends on', () => {
  for (const [what, inlines, overrides, before = BASE] of VARIANTS) {
    it(`a paragraph differing in ${what} is set as it is alone`, () => {
      const batch = new FontBook(FONTS_DIR);
      linesOf(batch, before);
      const afterBase = linesOf(batch, inlines, overrides);
      const aloneBook = new FontBook(FONTS_DIR);
      const alone = linesOf(aloneBook, inlines, overrides);
      expect(afterBase).toEqual(alone);
      // Not vacuous: the variant's lines are not the base's.
      expect(alone).not.toEqual(linesOf(aloneBook, before));
    });
  }

  it('the same paragraph asked again gives the same lines, from the table', () => {
    const fonts = new FontBook(FONTS_DIR);
    const first = linesOf(fonts, BASE);
    const again = linesOf(fonts, BASE);
    expect(again).toEqual(first);
    // Fresh line objects, sharing the shaped glyph runs.
    expect(again[0]).not.toBe(first[0]);
    const glyphs = (lines: typeof first) =>
      lines[0]!.items.map((i) => (i.kind === 'text' ? i.glyphs : undefined));
    expect(glyphs(again)).toEqual(glyphs(first));
    glyphs(again).forEach((g, i) => expect(g).toBe(glyphs(first)[i]));
  });

  it('a glyph run is kept by face, language and text', () => {
    const fonts = new FontBook(FONTS_DIR);
    const measurer = new Measurer(fonts);
    const latin = { face: 'latin', variant: 'regular' } as const;
    const bold = { face: 'latin', variant: 'bold' } as const;
    const en = measurer.glyphRun(latin, 'To the President ', 'en');
    expect(measurer.glyphRun(latin, 'To the President ', 'en')).toBe(en);
    expect(measurer.glyphRun(latin, 'To the President ', 'ko').lang).toBe('ko');
    expect(measurer.glyphRun(latin, 'To the president ', 'en').codePoints).not.toEqual(en.codePoints);
    const fresh = new Measurer(new FontBook(FONTS_DIR));
    expect(measurer.glyphRun(bold, 'To the President ', 'en')).toEqual(
      fresh.glyphRun(bold, 'To the President ', 'en'),
    );
    expect(fresh.glyphRun(bold, 'To the President ', 'en').advances).not.toEqual(en.advances);
  });
});
