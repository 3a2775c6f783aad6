/**
 * Justified Korean and Chinese body text, on the written PDF: every line but a paragraph's last ends at the measure
 * (within 0.5 pt), no gap stretches past JUSTIFY_LIMITS, no Latin word or number is spaced out; on the example letter
 * and on a letter mixing Latin words, digits and long URLs into the CJK text, at several column widths.
 */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import type { Block } from '../../src/model/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { JUSTIFY_LIMITS } from '../../src/typeset/break/justify.js';
import { Measurer } from '../../src/typeset/measure.js';
import { PAPER, typesetLetter } from '../../src/typeset/index.js';
import { bodyParagraphs, exampleLetter, scratch, text, writePdf, type ExampleLang } from './helpers.js';
import { gaps, shortLines } from './justify-check.js';
import { lineEndViolations } from './line-check.js';
import { hasPoppler } from './tools.js';

const WIDTHS = [340, 451.28];
const PAGE_NUMBER = /^(-\d+\/\d+-|第\d+页，共\d+页)$/;
const QUOTE = 5; // the mother's words: a block quote, indented 2 em on both sides
const SIZE = 10.5;
const FULL_WIDTH_PUNCTUATION = /^[，。、；：？！）」』》〉】〕〗〙〛｝］”’（「『《〈【〔〖〘〚｛［“‘]{2}$/u;

const MIXED = {
  zh: [
    '根据2014年联合国调查委员会（DPRK COI）的报告，详见https://www.ohchr.org/en/hr-bodies/hrc/co-idprk/reportofthe-commission-of-inquiry-dprk，共372页。',
    '我们在Toronto、Ottawa和Vancouver与Crossing NK的同事一起工作，电话+1 416 555 0199，邮箱canadanorthkorean@gmail.com。',
    '“我亲爱的儿子，”她写道，“等你长大了，就会明白。”《关于难民地位的公约》（1951年）第33条规定了不驱回原则（non-refoulement）。',
  ],
  ko: [
    '2014년 유엔 조선민주주의인민공화국 인권조사위원회(DPRK COI)의 보고서 https://www.ohchr.org/en/hr-bodies/hrc/co-idprk/reportofthe-commission-of-inquiry-dprk 는 372쪽입니다.',
    '저희는 Toronto, Ottawa, Vancouver에서 Crossing NK와 함께 일하며, 전화 +1 416 555 0199 또는 canadanorthkorean@gmail.com으로 연락하실 수 있습니다.',
    '1951년 「난민의 지위에 관한 협약」 제33조는 강제송환금지 원칙(non-refoulement)을 규정하고 있으며, 중국은 1982년에 가입하였습니다.',
  ],
} as const;

function mixedBody(lang: 'ko' | 'zh'): Block[] {
  return MIXED[lang].map(
    (value, i): Block => ({ type: 'paragraph', inlines: [text(value, `mixed${i}`, lang)] }),
  );
}

describe.skipIf(!hasPoppler())('justified CJK body text', () => {
  const dir = scratch();
  const fonts = toolFontBook();
  const measurer = new Measurer(fonts);

  for (const lang of ['ko', 'zh'] as const) {
    for (const source of ['example', 'mixed'] as const) {
      it(`${lang} ${source}: non-final lines end at the measure, gaps within the limits`, async () => {
        const paragraphs = source === 'example' ? bodyParagraphs(lang as ExampleLang) : [...MIXED[lang]];
        let checked = 0;
        let compressed = 0;
        for (const width of WIDTHS) {
          const margins = { top: 72, bottom: 72, left: 72, right: PAPER.A4.width - 72 - width };
          const doc = exampleLetter(lang, {
            bodyOnly: true,
            ...(source === 'mixed' ? { body: mixedBody(lang) } : {}),
          });
          const { bytes } = await renderPdf(doc, { fonts, geometry: { margins } });
          const path = writePdf(bytes, dir, `${lang}-${source}-${width}.pdf`);

          const bbox = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-'], {
            encoding: 'utf8',
          });
          const right = 72 + width;
          const quoted = source === 'example' ? QUOTE : -1;
          const edge = (p: number): number => (p === quoted ? right - 2 * SIZE : right);
          const result = shortLines(bbox, paragraphs, edge, PAGE_NUMBER);
          // A line holding the start of a long URL has one or two spaces and a large slack: past the limits, so ragged.
          expect(
            result.short.filter((line) => !line.text.includes('/')),
            `${lang} ${source} at ${width} pt`,
          ).toEqual([]);
          checked += result.checked;

          const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
          expect(
            lineEndViolations(raw, paragraphs, PAGE_NUMBER).violations,
            `${lang} ${source} at ${width} pt`,
          ).toEqual([]);

          for (const gap of gaps(typesetLetter(doc, { fonts, geometry: { margins } }), measurer)) {
            const pair = gap.before + gap.after;
            // Compression only where clreq puts it: the first of two full-width marks, by half an em.
            // (Kerning narrows a Latin pair by hundredths of an em; a compressed mark gives up half of one.)
            if (gap.compression > 0.2) {
              expect(FULL_WIDTH_PUNCTUATION.test(pair), `compressed outside a pair of marks: ${pair}`).toBe(
                true,
              );
              expect(gap.compression, pair).toBeCloseTo(0.5, 3);
              compressed++;
            }
            if (/^[A-Za-z0-9]{2}$/.test(pair))
              expect(Math.abs(gap.stretch), `inside a Latin word: ${pair}`).toBeLessThan(0.001);
            const limit =
              lang === 'zh'
                ? JUSTIFY_LIMITS.cjkGap
                : gap.before === ' '
                  ? JUSTIFY_LIMITS.koreanSpace
                  : JUSTIFY_LIMITS.koreanSyllable;
            expect(gap.stretch, `${lang} ${source} at ${width} pt: ${pair}`).toBeLessThanOrEqual(
              limit + 0.001,
            );
          }
        }
        expect(checked).toBeGreaterThanOrEqual(source === 'example' ? 50 : 6);
        // The zh texts have pairs to compress (“ after ，, 。 before ”, 》 before （); the ko ones have none.
        if (lang === 'zh') expect(compressed, `${lang} ${source}: compressed pairs`).toBeGreaterThan(0);
      });
    }
  }
});

describe('the justification checks themselves', () => {
  const line = (x: number, text: string): string =>
    `<line xMin="72" yMin="1" xMax="${x}" yMax="2"><word xMin="72" yMin="1" xMax="${x}" yMax="2">${text}</word></line>`;
  it("report a short non-final line, and ignore a paragraph's last line", () => {
    const html = line(300, '我们怀着') + line(200, '急迫的心情') + line(250, '下一段');
    const result = shortLines(html, ['我们怀着 急迫的心情', '下一段'], () => 300, /^$/);
    expect(result).toEqual({ short: [], checked: 1, unbreakable: 0 });
    const bad = shortLines(
      line(299, '我们怀着') + line(200, '急迫的心情'),
      ['我们怀着急迫的心情'],
      () => 300,
      /^$/,
    );
    expect(bad.short.map((s) => s.text)).toEqual(['我们怀着']);
  });
  it('throws when the PDF does not follow the source', () => {
    expect(() => shortLines(line(300, '我们'), ['他们'], () => 300, /^$/)).toThrow(/does not follow/);
  });
});
