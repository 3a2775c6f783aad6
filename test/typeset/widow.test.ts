/**
 * No paragraph, title or heading of Chinese (or Japanese) ends on a line holding one character (clreq 孤字): the line
 * before gives one character up. Pure breaking first, then the letter's title as the PDF prints it.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { breakLines } from '../../src/typeset/break/lines.js';
import { withoutLoneLastCharacter } from '../../src/typeset/break/widow.js';
import { breakOpportunities } from '../../src/typeset/segment/breaks.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

/** Lines of `text` with every character 10 pt wide and lines `width` pt wide, the rule applied. */
function lines(text: string, lang: string, width: number, lastWidth = width): string[] {
  const input = {
    text,
    opportunities: breakOpportunities(text, () => lang),
    width: (start: number, end: number) => [...text.slice(start, end)].length * 10,
    lineWidth: (index: number) => (index === 0 ? width : lastWidth),
  };
  return withoutLoneLastCharacter(breakLines(input), input).map((s) => text.slice(s.start, s.end));
}

describe('a lone last character takes one from the line before', () => {
  it('a Chinese paragraph of 21 characters on lines of 10 ends on two, not one', () => {
    const text = '旅居加拿大的朝鲜难民致教宗的公开信敦促停止';
    expect(lines(text, 'zh', 100)).toEqual(['旅居加拿大的朝鲜难民', '致教宗的公开信敦促', '停止']);
  });

  it('closing punctuation does not count as company: 民。alone is still a lone character', () => {
    expect(lines('一二三四五六七八九十民。', 'zh', 100)).toEqual(['一二三四五六七八九', '十民。']);
    // Nor do the kana block's marks (・ a middle dot, ゠ a hyphen), nor an ideograph outside the Unified block (𠀀).
    expect(lines('一二三四五六七八九十民・゠', 'zh', 100)).toEqual(['一二三四五六七八九', '十民・゠']);
    expect(lines('一二三四五六七八九十𠀀」', 'zh', 100)).toEqual(['一二三四五六七八九', '十𠀀」']);
    expect(lines('一二三四五六七八九十民a', 'zh', 100)).toEqual(['一二三四五六七八九十', '民a']);
  });

  it('each part of a hard line break is a paragraph end of its own', () => {
    expect(lines('一二三四五六七八九十甲\n一二三四五六七八九十乙', 'zh', 100)).toEqual([
      '一二三四五六七八九',
      '十甲',
      '一二三四五六七八九',
      '十乙',
    ]);
  });

  it('leaves a last line of two characters, a Latin or Korean word, and a line that would not fit', () => {
    expect(lines('一二三四五六七八九十甲乙', 'zh', 100)).toEqual(['一二三四五六七八九十', '甲乙']);
    expect(lines('abcd efgh i', 'en', 90)).toEqual(['abcd efgh', 'i']);
    expect(lines('가나다 라마바 사', 'ko', 70)).toEqual(['가나다 라마바', '사']);
    // The last line has room for one character only: moving another there would overflow it.
    expect(lines('一二三四五六七八九十民', 'zh', 100, 10)).toEqual(['一二三四五六七八九十', '民']);
  });
});

describe("the letter's title in the PDF", () => {
  // The open letter's zh title to the Pope (title_holiness): at the title's size its last line held 民 alone.
  it('zh to va: no line of the title holds one character', async () => {
    const out = tempDir('letter-widow-');
    const dir = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
    const result = await build({ dir, out, to: ['va'], langs: ['zh'], formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    if (!toolAvailable('pdftotext')) return;
    const text = pdfText(join(out, 'va', 'open-letter-2023.zh.pdf'), ['-layout']);
    const titleLines = text
      .split('\n')
      .map((l) => l.trim())
      .slice(
        0,
        text.split('\n').findIndex((l) => l.includes('请停止强制遣返朝鲜难民！')),
      )
      .filter(Boolean);
    expect(titleLines.join('')).toBe('旅居加拿大的朝鲜难民致教宗的公开信——敦促停止强制遣返朝鲜难民');
    expect(titleLines.length).toBe(2);
    // Was 旅居…朝鲜难 / 民 (the title's lines are balanced since: test/typeset/balance.test.ts).
    for (const line of titleLines) expect([...line].length, line).toBeGreaterThan(1);
  });
});
