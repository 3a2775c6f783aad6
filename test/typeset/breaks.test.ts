/** The line-breaking rules as pure functions: keep-all for Korean, kinsoku for Chinese, Latin words and numbers kept whole. */

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakLines, type LineSpan } from '../../src/typeset/break/lines.js';
import { breakOpportunities } from '../../src/typeset/segment/breaks.js';
import { isAlphanumeric } from '../../src/typeset/segment/classes.js';
import { LETTER_NUMBER_OR_MARK } from '../../src/unicode/index.js';

/** Texts of the pieces between opportunities, as a reader sees where lines may break. */
function pieces(text: string, lang: string): string[] {
  let last = 0;
  return breakOpportunities(text, () => lang).map(({ position }) => {
    const piece = text.slice(last, position);
    last = position;
    return piece;
  });
}

/** Lines of `text` with every character 10 pt wide and lines `width` pt wide. */
function lines(text: string, lang: string, width: number): string[] {
  const spans: LineSpan[] = breakLines({
    text,
    opportunities: breakOpportunities(text, () => lang),
    width: (start, end) => [...text.slice(start, end)].length * 10,
    lineWidth: () => width,
  });
  return spans.map((span) => text.slice(span.start, span.end));
}

describe('Korean: keep-all', () => {
  it('breaks only at spaces, never between syllables', () => {
    expect(pieces('저희는 중국 정부의 탈북 난민 강제송환과', 'ko')).toEqual([
      '저희는 ',
      '중국 ',
      '정부의 ',
      '탈북 ',
      '난민 ',
      '강제송환과',
    ]);
  });

  it('keeps a number, a parenthesis and Latin letters with the Hangul they touch', () => {
    expect(pieces('2023년 12월 인권조사위원회(DPRK COI)는 투먼(도문)시의', 'ko')).toEqual([
      '2023년 ',
      '12월 ',
      '인권조사위원회(DPRK ',
      'COI)는 ',
      '투먼(도문)시의',
    ]);
  });

  it('keeps Hanja inside a Korean word', () => {
    expect(pieces('華僑들의 漢字語', 'ko')).toEqual(['華僑들의 ', '漢字語']);
  });

  it('wraps a paragraph between words only', () => {
    const out = lines('억압과 죽음을 피해 탈출하려는 탈북 난민들의 행렬은', 'ko', 80);
    expect(out).toEqual(['억압과 죽음을', '피해 탈출하려는', '탈북 난민들의', '행렬은']);
  });

  it('breaks a word longer than the line between syllables, and only that word', () => {
    const out = lines('그 조선민주주의인민공화국의 인권', 'ko', 50);
    expect(out).toEqual(['그', '조선민주주', '의인민공화', '국의 인권']);
  });

  it('never splits a word that fits a line (random sentences, random widths)', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((cp) => String.fromCodePoint(cp));
    const word = fc.array(syllable, { minLength: 1, maxLength: 6 }).map((s) => s.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 60, max: 400 }),
        (words, width) => {
          const text = words.join(' ');
          const out = lines(text, 'ko', width);
          expect(out.join(' ')).toBe(text);
          for (const line of out) for (const w of line.split(' ')) expect(words).toContain(w);
        },
      ),
    );
  });
});

describe('Chinese: kinsoku', () => {
  const CLOSING = [...'，。、；：？！）」』》〉】〕…”’'];
  const OPENING = [...'（「『《〈【〔“‘'];

  it('never starts a piece with closing punctuation nor ends one with opening punctuation', () => {
    const text =
      '我们，你好。他说：“我亲爱的儿子！”《关于难民地位的公约》（CFNK）「引号」『书名』〈篇〉【注】〔补〕……‘单’？';
    for (const piece of pieces(text, 'zh')) {
      expect(CLOSING).not.toContain([...piece][0]);
      expect(OPENING).not.toContain([...piece].at(-1));
    }
  });

  it('keeps closing punctuation on the line before, even at the very edge', () => {
    // 5 characters fit; the sixth is a full stop, so the fifth character moves down with it.
    expect(lines('一二三四五。六七', 'zh', 50)).toEqual(['一二三四', '五。六七']);
    // An opening bracket at the end of the line moves down to the word it opens.
    expect(lines('一二三四《五六》', 'zh', 50)).toEqual(['一二三四', '《五六》']);
  });

  it('breaks between Han characters elsewhere', () => {
    expect(pieces('强制遣返', 'zh')).toEqual(['强', '制', '遣', '返']);
  });

  it('keeps a Latin word inside Chinese whole', () => {
    const text = '签署了Crossing NK的协议';
    const ps = pieces(text, 'zh');
    expect(ps).toContain('Crossing ');
    expect(ps.some((p) => p.startsWith('NK'))).toBe(true);
    for (let width = 80; width <= 200; width += 10) {
      for (const line of lines(text, 'zh', width)) {
        for (const latin of line.match(/[A-Za-z]+/g) ?? []) expect(['Crossing', 'NK']).toContain(latin);
      }
    }
  });

  it('keeps a number whole', () => {
    const ps = pieces('于1998年7月签署', 'zh');
    expect(ps.some((p) => p.includes('1998'))).toBe(true);
    expect(ps).not.toContain('1');
  });

  it('never cuts 1998 or 33 across lines at any width', () => {
    const text = '朝中两国于1998年7月签署的协定第33条及第3条';
    for (let width = 40; width <= 200; width += 10) {
      const out = lines(text, 'zh', width);
      for (let i = 1; i < out.length; i++) {
        expect(/\d$/.test(out[i - 1]!) && /^\d/.test(out[i]!)).toBe(false);
      }
      expect(out.join('')).toBe(text);
    }
  });
});

describe('en dashes', () => {
  it('never breaks after an en dash that joins two words or numbers; spaces around a dash still break', () => {
    expect(pieces('the Thailand–Myanmar border, 2023–2024', 'en')).toEqual([
      'the ',
      'Thailand–Myanmar ',
      'border, ',
      '2023–2024',
    ]);
    expect(pieces('pages 10 – 12', 'en')).toEqual(['pages ', '10 ', '– ', '12']);
  });
});

describe('languages of a paragraph', () => {
  it('keeps Hanja whole only where both characters are Korean text', () => {
    const langAt = (i: number) => (i < 3 ? 'ko' : 'zh');
    let last = 0;
    const ps = breakOpportunities('漢字語中文', langAt).map(({ position }) => {
      const piece = '漢字語中文'.slice(last, position);
      last = position;
      return piece;
    });
    expect(ps).toEqual(['漢字語', '中', '文']);
  });

  it('breaks a paragraph of one language the same, told it once or asked character by character', () => {
    const text =
      '2023년 12월 인권조사위원회(DPRK COI)는 華僑들의 漢字語 我们，你好。他说：“我亲爱的儿子！”《公约》（CFNK） Thailand–Myanmar 朝中两国于1998年7月签署的协定第33条 ひらがな、カタカナ。';
    for (const lang of ['ko', 'zh', 'ja', 'en'])
      expect(breakOpportunities(text, lang), lang).toEqual(breakOpportunities(text, () => lang));
  });

  it('tells ASCII letters and digits without the Unicode set, as the set does', () => {
    for (let cp = 0; cp < 0x80; cp++)
      expect(isAlphanumeric(cp), `U+${cp.toString(16)}`).toBe(LETTER_NUMBER_OR_MARK.has(cp));
  });
});
