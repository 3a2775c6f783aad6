/** The ko and zh letters at 20 column widths: every line end of the written PDF obeys keep-all and kinsoku. */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { PAPER } from '../../src/typeset/index.js';
import { bodyParagraphs, exampleLetter, scratch, writePdf, type ExampleLang } from './helpers.js';
import { lineEndViolations } from './line-check.js';
import { hasPoppler } from './tools.js';

const WIDTHS = Array.from({ length: 20 }, (_, i) => 120 + i * 20); // 120 … 500 pt
const PAGE_NUMBER = /^(-\d+\/\d+-|第\d+页，共\d+页)$/;

describe.skipIf(!hasPoppler())('line ends in the written PDF', () => {
  const dir = scratch();
  const fonts = toolFontBook();

  for (const lang of ['ko', 'zh'] as ExampleLang[]) {
    it(`${lang}: no mid-word Korean break, no prohibited line start or end, at 20 widths`, async () => {
      const paragraphs = bodyParagraphs(lang);
      let breaks = 0;
      for (const width of WIDTHS) {
        const margins = { top: 72, bottom: 72, left: 72, right: PAPER.A4.width - 72 - width };
        const { bytes } = await renderPdf(exampleLetter(lang, { bodyOnly: true }), {
          fonts,
          geometry: { margins },
        });
        const path = writePdf(bytes, dir, `${lang}-${width}.pdf`);
        // -raw keeps the drawing order: one output line per typeset line, however wide a justified gap is.
        const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
        const result = lineEndViolations(text, paragraphs, PAGE_NUMBER);
        expect(result.violations, `${lang} at ${width} pt`).toEqual([]);
        breaks += result.breaks;
      }
      // The check looked at real breaks: narrow columns give hundreds of them.
      expect(breaks).toBeGreaterThan(500);
    });
  }
});

describe('the line-end check itself', () => {
  it('catches each kind of bad break', () => {
    const src = ['저희는 중국 정부의 《关于》，Crossing NK'];
    expect(
      lineEndViolations('저희는 중\n국 정부의 《关于》，Crossing NK', src, /^$/).violations.map(
        (v) => v.kind,
      ),
    ).toEqual(['mid-word']);
    expect(
      lineEndViolations('저희는 중국 정부의 《\n关于》，Crossing NK', src, /^$/).violations.map(
        (v) => v.kind,
      ),
    ).toEqual(['ends-with-opening']);
    expect(
      lineEndViolations('저희는 중국 정부의 《关于》\n，Crossing NK', src, /^$/).violations.map(
        (v) => v.kind,
      ),
    ).toEqual(['starts-with-closing']);
    expect(
      lineEndViolations('저희는 중국 정부의 《关于》，Cross\ning NK', src, /^$/).violations.map(
        (v) => v.kind,
      ),
    ).toEqual(['split-latin']);
    expect(lineEndViolations('저희는 중국\n정부의 《关于》，\nCrossing\nNK', src, /^$/)).toEqual({
      violations: [],
      breaks: 3,
    });
  });
});
