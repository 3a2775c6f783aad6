/**
 * Page numbers come from the paragraph table (paginate/page-numbers.ts): a letter numbered after other letters of a
 * batch gets exactly the items it gets alone, whatever differs between them (the label, the page count, the
 * language, the paper), and the numbers stay artifacts (no structure id).
 */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontBook, loadHarfBuzz } from '../../src/fonts/index.js';
import type { LetterDoc } from '../../src/model/index.js';
import { typesetLetter, type PageItem } from '../../src/typeset/index.js';
import { exampleLetter } from '../pdf/helpers.js';

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'fonts');

beforeAll(() => loadHarfBuzz());

/** The items drawn in the bottom margin of each page: the page numbers. */
function numbers(doc: LetterDoc, fonts: FontBook): PageItem[][] {
  const paged = typesetLetter(doc, { fonts });
  const bottom = paged.geometry.height - paged.geometry.margins.bottom;
  return paged.pages.map((page) => page.items.filter((item) => item.y > bottom));
}

const long = (lang: 'en' | 'ko' | 'zh', repeat = 3): LetterDoc => exampleLetter(lang, { repeat });

const VARIANTS: [string, LetterDoc, LetterDoc][] = [
  ['the label', { ...long('ko'), pageLabel: '- {page} -' }, { ...long('ko'), pageLabel: '{page} / {pages}' }],
  ['the page count', long('en', 3), long('en', 6)],
  ['the language', { ...long('ko'), pageLabel: '{page}' }, { ...long('zh'), pageLabel: '{page}' }],
  ['the paper', { ...long('ko'), paper: 'A4' }, { ...long('ko'), paper: 'Letter' }],
];

describe('page numbers from the paragraph table', () => {
  for (const [what, before, doc] of VARIANTS) {
    it(`a letter whose numbers differ in ${what} from the letter before it numbers its pages as alone`, () => {
      const batch = new FontBook(FONTS_DIR);
      const first = numbers(before, batch);
      const after = numbers(doc, batch);
      const alone = numbers(doc, new FontBook(FONTS_DIR));
      expect(alone.length).toBeGreaterThan(1);
      expect(alone.flat().length).toBeGreaterThan(0);
      expect(after).toEqual(alone);
      // Not vacuous: the two letters' numbers differ.
      expect(after).not.toEqual(first);
    });
  }

  it('numbers are artifacts: no structure id, on every page', () => {
    const fonts = new FontBook(FONTS_DIR);
    numbers(long('ko'), fonts);
    const again = numbers(long('ko'), fonts);
    for (const page of again) {
      expect(page.length).toBeGreaterThan(0);
      for (const item of page) expect(item.tag).toBeUndefined();
    }
  });
});
