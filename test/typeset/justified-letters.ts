/**
 * Justified paragraphs owned by the tests (not the example's locale text, which others edit): Korean, Chinese and
 * English with Latin words, digits, compressed punctuation pairs, emphasis (dots in CJK) and a link, set in two
 * column widths, and every glyph of the letter as placed on its page (test/reference/justified-glyphs.json).
 */

import type { Block, Inline, LetterDoc } from '../../src/model/index.js';
import type { PagedLetter } from '../../src/typeset/index.js';
import { exampleLetter, text } from '../pdf/helpers.js';

export type JustifiedLang = 'ko' | 'zh' | 'en';

/** Column widths in points: the example's A4 measure, and a narrow one where Korean syllables must take slack. */
export const JUSTIFIED_WIDTHS = [451.28, 200] as const;

const emphasis = (value: string): Inline => ({ type: 'emphasis', children: [{ type: 'text', value }] });
const unhcrLink = (value: string): Inline => ({
  type: 'link',
  url: 'https://www.unhcr.org/',
  children: [{ type: 'text', value }],
});

/** Per language: a paragraph of mixed scripts and digits, then one with emphasis and a link. */
const PARAGRAPHS: Record<JustifiedLang, readonly (readonly (string | Inline)[])[]> = {
  ko: [
    [
      '저희는 Toronto, Ottawa, Vancouver에서 Crossing NK와 함께 일하며, 전화 +1 416 555 0199 또는 ',
      'canadanorthkorean@gmail.com으로 연락하실 수 있습니다. 1951년 「난민의 지위에 관한 협약」 제33조는 ',
      '강제송환금지 원칙(non-refoulement)을 규정하고 있으며, 중국은 1982년에 가입하였습니다.',
    ],
    [
      '탈북민은 ',
      emphasis('난민으로서 보호받아야 합니다'),
      '. 중국 정부는 국제법상의 의무를 지켜 ',
      unhcrLink('유엔난민기구'),
      '의 접근을 허용하고, 강제로 송환된 사람들이 겪는 고문과 처벌을 외면하지 말아야 합니다.',
    ],
  ],
  zh: [
    [
      '根据2014年联合国调查委员会（DPRK COI）的报告，“遣返者遭受酷刑、任意拘留和强迫劳动。”',
      '《关于难民地位的公约》（1951年）第33条规定了不驱回原则（non-refoulement），中国于1982年加入该公约。',
    ],
    [
      '我们恳请阁下',
      emphasis('立即停止强制遣返'),
      '，并允许',
      unhcrLink('联合国难民署'),
      '接触在华的朝鲜人，使他们能够依照国际法寻求庇护，而不必担心被送回受迫害的地方。',
    ],
  ],
  en: [
    [
      'We write on behalf of North Korean refugees in Canada, with Crossing NK in Toronto, Ottawa and Vancouver: ',
      'call +1 416 555 0199 or write to canadanorthkorean@gmail.com. Article 33 of the 1951 Refugee Convention ',
      'sets out the principle of non-refoulement, and China acceded to it in 1982.',
    ],
    [
      'Those returned ',
      emphasis('face torture, arbitrary detention and forced labour'),
      '. We ask your government to let the ',
      unhcrLink('UN refugee agency'),
      ' reach North Koreans in China, so that they may seek asylum as international law allows them to.',
    ],
  ],
};

/** The justified paragraphs of `lang` as a body-only letter. */
export function justifiedLetter(lang: JustifiedLang): LetterDoc {
  const body = PARAGRAPHS[lang].map(
    (parts, p): Block => ({
      type: 'paragraph',
      inlines: parts.map((part, i) =>
        typeof part === 'string' ? text(part, `justified${p}.${i}`, lang) : part,
      ),
    }),
  );
  return exampleLetter(lang, { bodyOnly: true, body });
}

/** Margins that leave a text column `width` points wide on A4. */
export function marginsFor(width: number): { top: number; bottom: number; left: number; right: number } {
  return { top: 72, bottom: 72, left: 72, right: 595.28 - 72 - width };
}

/** Every glyph of a paged letter as placed: its glyph id and origin (x from the page's left, y its baseline). */
export interface PlacedModelGlyph {
  readonly page: number;
  readonly gid: number;
  readonly x: number;
  readonly y: number;
}

/** Each glyph at its item's x plus the advances before it (and its own offset), in drawing order. */
export function modelGlyphs(letter: PagedLetter): PlacedModelGlyph[] {
  const out: PlacedModelGlyph[] = [];
  letter.pages.forEach((page, p) => {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      const run = item.glyphs;
      const scale = item.size / 1000;
      let x = item.x;
      run.glyphs.forEach((gid, g) => {
        out.push({ page: p, gid, x: x + run.xOffsets[g]! * scale, y: item.y - run.yOffsets[g]! * scale });
        x += run.advances[g]! * scale;
      });
    }
  });
  return out;
}

/** Every emphasis dot's centre on its page. */
export function modelDots(letter: PagedLetter): { page: number; x: number; y: number }[] {
  return letter.pages.flatMap((page, p) =>
    page.items.flatMap((item) =>
      item.kind === 'text' && item.emphasisDots
        ? item.emphasisDots.centers.map((c) => ({ page: p, x: item.x + c, y: item.y }))
        : [],
    ),
  );
}
