/**
 * Quotation marks in CJK letters, on the written PDF: Chinese “ ” ‘ ’ come from the CJK face, full-width (an em each,
 * as clreq sets them); Korean ones are the Western marks of Noto Serif KR, proportional, as klreq's horizontal
 * Korean uses them. Measured from pdftotext's word boxes and pdffonts, not from the code that sets them.
 */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import type { Block } from '../../src/model/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { typesetLetter } from '../../src/typeset/index.js';
import { exampleLetter, scratch, text, writePdf } from './helpers.js';
import { hasPoppler } from './tools.js';

const fonts = toolFontBook();
const SIZE = 10.5;
const QUOTES = /[“”‘’]/u;

/** The one word pdftotext finds in a PDF of `line` set alone (ragged, no indent), and its width in em. */
async function wordOf(
  line: string,
  lang: 'ko' | 'zh',
): Promise<{ text: string; ems: number; fonts: string }> {
  const body: Block[] = [{ type: 'paragraph', inlines: [text(line, 'p', lang)] }];
  const doc = exampleLetter(lang, { bodyOnly: true, body, bodyAlign: 'start' });
  const { bytes } = await renderPdf(
    { ...doc, sections: doc.sections.map((s) => ({ ...s, firstLineIndent: 0 })) },
    { fonts },
  );
  const path = writePdf(bytes, scratch(), `quotes-${lang}.pdf`);
  const bbox = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const words = [
    ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
  ];
  expect(words).toHaveLength(1);
  const [, xMin, xMax, word] = words[0]!;
  return {
    text: word!,
    ems: (Number(xMax) - Number(xMin)) / SIZE,
    fonts: execFileSync('pdffonts', [path], { encoding: 'utf8' }),
  };
}

describe.skipIf(!hasPoppler())('quotation marks in CJK letters', () => {
  it('zh: “ ” ‘ ’ between Chinese characters are full-width, from Noto Serif SC', async () => {
    // Six ideographs and four marks, none of them side by side: ten ems, nothing compressed.
    const { text: word, ems, fonts: listed } = await wordOf('他说“好”和‘对’了', 'zh');
    expect(word).toBe('他说“好”和‘对’了');
    expect(ems).toBeCloseTo(10, 2);
    expect(listed).toMatch(/NotoSerifSC-Regular/);
    expect(listed).not.toMatch(/NotoSerif-Regular|NotoSerifKR/);
  });

  it("zh: quotes around Latin words in Chinese text are the CJK face's too", async () => {
    const { ems, fonts: listed } = await wordOf('称为“NK”的', 'zh');
    const latin = fonts.open('sc');
    const nk = latin.layout('NK').advanceWidth / latin.unitsPerEm;
    expect(ems).toBeCloseTo(5 + nk, 2);
    expect(listed).not.toMatch(/NotoSerif-Regular/);
  });

  it("ko: quotes are Noto Serif KR's proportional Western marks (klreq), not full-width", async () => {
    const { text: word, ems, fonts: listed } = await wordOf('그는“좋다”고', 'ko');
    expect(word).toBe('그는“좋다”고');
    const kr = fonts.open('kr');
    const marks =
      (kr.glyphForCodePoint(0x201c).advanceWidth + kr.glyphForCodePoint(0x201d).advanceWidth) / kr.unitsPerEm;
    expect(marks).toBeLessThan(1);
    // Five syllables and the two marks as Noto Serif KR shapes them (it kerns the marks against Hangul): well
    // under the seven ems full-width marks would take.
    expect(ems).toBeCloseTo(kr.layout('그는“좋다”고').advanceWidth / kr.unitsPerEm, 2);
    expect(ems).toBeLessThan(6);
    expect(listed).toMatch(/NotoSerifKR-Regular/);
  });

  it('zh example: every quotation mark is drawn in the SC face, an em wide', () => {
    const letter = typesetLetter(exampleLetter('zh'), { fonts });
    let marks = 0;
    for (const page of letter.pages) {
      for (const item of page.items) {
        if (item.kind !== 'text' || !QUOTES.test(item.text)) continue;
        expect(item.font.face, item.text).toBe('sc');
        item.glyphs.codePoints.forEach((cps, g) => {
          if (cps.length !== 1 || !QUOTES.test(String.fromCodePoint(cps[0]!))) return;
          expect(item.glyphs.widths[g], item.text).toBe(1000);
          marks++;
        });
      }
    }
    // The mother's words: “…。”
    expect(marks).toBeGreaterThanOrEqual(2);
  });
});
