/** A CJK block quote is set off as a quote in both formats: a rule down its left side (model/quote.ts), where a
 *  Latin quote has italics. Before, a Chinese quote differed from a body paragraph only by its indent. */

import { describe, expect, it } from 'vitest';
import { inlineText, QUOTE_RULE } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { typesetLetter } from '../../src/typeset/index.js';
import { exampleLetter, fonts, LANGS, part } from './helpers.js';

const styleXml = (styles: string, id: string): string =>
  new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)![0];

describe.each(LANGS)('the %s example letter’s quote', (lang) => {
  const cjk = lang !== 'en';

  it(
    cjk
      ? 'DOCX: Block Quote has a left rule (one border for its paragraphs)'
      : 'DOCX: Block Quote is italic, without a rule',
    async () => {
      const styles = part((await renderDocx(exampleLetter(lang), { fonts })).bytes, 'word/styles.xml');
      const quote = styleXml(styles, 'BlockQuote');
      if (cjk)
        expect(quote).toMatch(
          /<w:pBdr><w:left w:val="single" w:sz="6" w:space="9" w:color="808080"\/><\/w:pBdr>/,
        );
      else expect(quote).not.toContain('<w:pBdr>');
    },
  );

  it(
    cjk ? 'PDF: a rule beside every line of the quote, left of its text, and nowhere else' : 'PDF: no rule',
    () => {
      const doc = exampleLetter(lang);
      const pages = typesetLetter(doc, { fonts }).pages;
      const rules = pages.flatMap((p) => p.items.filter((item) => item.kind === 'rule'));
      if (!cjk) return expect(rules).toEqual([]);
      const quote = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'quote');
      const quoted =
        quote?.type === 'quote' && quote.blocks[0]?.type === 'paragraph'
          ? inlineText(quote.blocks[0].inlines)
          : '';
      expect(quoted).not.toBe('');
      // The quote's lines: text items whose text is part of the quote, on the quote's indented left edge.
      const texts = pages
        .flatMap((p) => p.items)
        .filter((item) => item.kind === 'text' && quoted.includes(item.text));
      const left = Math.min(...texts.map((t) => t.x));
      expect(rules.length).toBeGreaterThanOrEqual(2);
      for (const rule of rules) {
        if (rule.kind !== 'rule') continue;
        expect(rule.width).toBe(QUOTE_RULE.widthPt);
        expect(rule.x + rule.width).toBeLessThan(left);
        expect(left - rule.x).toBeLessThan(2 * 11);
        // Each rule spans a quote line: some quote text has its baseline inside it.
        expect(texts.some((t) => t.y > rule.y && t.y < rule.y + rule.height)).toBe(true);
      }
    },
  );
});
