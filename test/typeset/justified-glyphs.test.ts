/**
 * A justified line reaches the renderer as one item per stretch in one styled run, its widening in the glyphs'
 * advances, and no glyph moved for it: every glyph (id, x, y) and emphasis dot of the test-owned justified letters is
 * where the layout of one item per chunk with character spacing put it (test/reference/justified-glyphs.json, recorded
 * from that layout at 2d0c62b), and the PDF's content streams draw each glyph where the paged letter says.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { typesetLetter, type PagedLetter, type TextItem } from '../../src/typeset/index.js';
import { placedGlyphs } from '../pdf/content-glyphs.js';
import {
  JUSTIFIED_WIDTHS,
  justifiedLetter,
  marginsFor,
  modelDots,
  modelGlyphs,
  type JustifiedLang,
} from './justified-letters.js';

const TOLERANCE = 0.001;
const LANGS = ['ko', 'zh', 'en'] as const;

interface Recorded {
  /** Text items of the letter in the chunked layout. */
  readonly items: number;
  /** [page, glyph id, x, y], x and y rounded to 0.0001 pt. */
  readonly glyphs: readonly [number, number, number, number][];
  readonly dots: readonly [number, number, number][];
}

const recorded = JSON.parse(
  readFileSync(new URL('../reference/justified-glyphs.json', import.meta.url), 'utf8'),
) as Record<JustifiedLang, Record<string, Recorded>>;

const fonts = toolFontBook();

function typeset(lang: JustifiedLang, width: number): PagedLetter {
  return typesetLetter(justifiedLetter(lang), { fonts, geometry: { margins: marginsFor(width) } });
}

function textItems(letter: PagedLetter): TextItem[] {
  return letter.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text'));
}

describe('justified lines as glyph advances', () => {
  for (const lang of LANGS) {
    for (const width of JUSTIFIED_WIDTHS) {
      it(`${lang} at ${width} pt: every glyph and dot where the chunked layout put it, in fewer items`, () => {
        const letter = typeset(lang, width);
        const before = recorded[lang][String(width)]!;
        const glyphs = modelGlyphs(letter);
        expect(glyphs.length).toBe(before.glyphs.length);
        glyphs.forEach((g, i) => {
          const [page, gid, x, y] = before.glyphs[i]!;
          expect([g.page, g.gid], `glyph ${i}`).toEqual([page, gid]);
          expect(Math.abs(g.x - x), `glyph ${i} x`).toBeLessThanOrEqual(TOLERANCE);
          expect(Math.abs(g.y - y), `glyph ${i} y`).toBeLessThanOrEqual(TOLERANCE);
        });
        const dots = modelDots(letter);
        expect(dots.length).toBe(before.dots.length);
        if (lang !== 'en') expect(dots.length).toBeGreaterThan(0);
        dots.forEach((d, i) => {
          const [page, x, y] = before.dots[i]!;
          expect(d.page).toBe(page);
          expect(Math.abs(d.x - x), `dot ${i} x`).toBeLessThanOrEqual(TOLERANCE);
          expect(Math.abs(d.y - y), `dot ${i} y`).toBeLessThanOrEqual(TOLERANCE);
        });
        expect(textItems(letter).length).toBeLessThan(before.items);
      });
    }
  }

  it('leaves separate only what differs: two neighbours on a line never share face, size, tag, link and dots', () => {
    for (const lang of LANGS) {
      for (const width of JUSTIFIED_WIDTHS) {
        const items = textItems(typeset(lang, width));
        let lines = 0;
        items.forEach((item, i) => {
          const next = items[i + 1];
          if (!next || next.y !== item.y) return lines++;
          const key = (t: TextItem): string =>
            JSON.stringify([t.font, t.size, t.tag, t.link, t.emphasisDots?.position]);
          expect(key(next), `${lang} ${width}: "${item.text}" | "${next.text}"`).not.toBe(key(item));
        });
        expect(lines).toBeGreaterThan(3);
      }
    }
  });

  it('draws every glyph in the PDF where the paged letter places it', async () => {
    for (const lang of LANGS) {
      const width = JUSTIFIED_WIDTHS[1];
      const geometry = { margins: marginsFor(width) };
      const letter = typesetLetter(justifiedLetter(lang), { fonts, geometry });
      const { bytes } = await renderPdf(justifiedLetter(lang), { fonts, geometry });
      const height = letter.geometry.height;
      const model = modelGlyphs(letter);
      const drawn = placedGlyphs(bytes);
      expect(drawn.length, lang).toBe(model.length);
      drawn.forEach((g, i) => {
        const m = model[i]!;
        expect(g.page).toBe(m.page);
        expect(Math.abs(g.x - m.x), `${lang} glyph ${i} x`).toBeLessThanOrEqual(TOLERANCE);
        // PDF user space has y up from the page's bottom edge.
        expect(Math.abs(g.y - (height - m.y)), `${lang} glyph ${i} y`).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  });
});
