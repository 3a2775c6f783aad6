/**
 * Headings and the letter's title break into lines of even length (break/balance.ts, CSS `text-wrap: balance`): as many
 * lines as the full measure gives, no word cut between its letters. Pure breaking first, then the titles as the PDFs
 * print them, where the greedy breaker left 「朝鲜难民」 or 「难民」 alone under a full line.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { balancedLines } from '../../src/typeset/break/balance.js';
import { breakLines } from '../../src/typeset/break/lines.js';
import { withoutLoneLastCharacter } from '../../src/typeset/break/widow.js';
import {
  betweenPhrases,
  breakOpportunities,
  type BreakOpportunity,
} from '../../src/typeset/segment/breaks.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

/** Lines of `text` with every character 10 pt wide on lines `width` pt wide: greedy, and balanced. */
function lines(text: string, lang: string, width: number): { greedy: string[]; balanced: string[] } {
  const opportunities = breakOpportunities(text, () => lang);
  const measure = (start: number, end: number) => [...text.slice(start, end)].length * 10;
  const breakIn = (lineWidth: (index: number) => number, at: readonly BreakOpportunity[] = opportunities) => {
    const input = { text, opportunities: at, width: measure, lineWidth };
    return withoutLoneLastCharacter(breakLines(input), input);
  };
  const greedy = breakIn(() => width);
  const balanced = balancedLines(greedy, {
    text,
    opportunities,
    width: measure,
    lineWidth: () => width,
    breakAt: (scale, at) => breakIn(() => width * scale, at),
  });
  const texts = (spans: typeof greedy) => spans.map((s) => text.slice(s.start, s.end));
  return { greedy: texts(greedy), balanced: texts(balanced) };
}

describe('balanced lines', () => {
  it('a Chinese title of 32 characters on lines of 30 splits after 「的」, 17 / 15, not 30 / 2', () => {
    const text = '旅居加拿大的朝鲜难民致泰王国国王的公开信敦促停止强制遣返朝鲜难民';
    const { greedy, balanced } = lines(text, 'zh', 300);
    expect(greedy.map((l) => [...l].length)).toEqual([30, 2]);
    // 16 / 16 would begin the second line with the particle: 「…泰王国国王 / 的公开信…」.
    expect(balanced).toEqual(['旅居加拿大的朝鲜难民致泰王国国王的', '公开信敦促停止强制遣返朝鲜难民']);
  });

  it('a Chinese title is balanced over the breaks between phrases: 「公开信」 stays whole', () => {
    // Balanced over every break it was 「旅居加拿大的朝鲜难民致教宗的公 / 开信——敦促停止强制遣返朝鲜难民」. Here (every
    // character as wide) the break before the dash is as even as the one after 「的」; the PDF's widths take the other.
    const text = '旅居加拿大的朝鲜难民致教宗的公开信——敦促停止强制遣返朝鲜难民';
    expect(lines(text, 'zh', 300).balanced).toEqual([
      '旅居加拿大的朝鲜难民致教宗的公开信',
      '——敦促停止强制遣返朝鲜难民',
    ]);
  });

  it('and at any break when those between phrases cannot give as many lines', () => {
    // No particle or punctuation: the only phrase break is the end, and one line of 16 does not fit in 10.
    expect(lines('一二三四五六七八九十一二三四五六', 'zh', 100).balanced).toEqual([
      '一二三四五六七八',
      '九十一二三四五六',
    ]);
  });

  it('English breaks between words only, in as many lines as before', () => {
    const text = 'An open letter to the Pope from North Korean refugees in Canada';
    const { greedy, balanced } = lines(text, 'en', 500);
    expect(greedy).toEqual(['An open letter to the Pope from North Korean', 'refugees in Canada']);
    expect(balanced).toEqual(['An open letter to the Pope from', 'North Korean refugees in Canada']);
  });

  it('never narrower than its widest word: the word is not cut between letters', () => {
    const { balanced } = lines('Vajiralongkorn is', 'en', 160);
    expect(balanced).toEqual(['Vajiralongkorn', 'is']);
  });

  it('one line stays as it is', () => {
    expect(lines('一二三四五', 'zh', 300).balanced).toEqual(['一二三四五']);
  });
});

describe('breaks between phrases', () => {
  it('any break but one between two ideographs or kana, unless the first is 的, 之 or の', () => {
    const at = (text: string) => [...text].map((_, i) => i).filter((i) => i > 0 && betweenPhrases(text, i));
    expect(at('致教宗的公开信')).toEqual([4]);
    expect(at('公開書簡への返信')).toEqual([6]);
    expect(at('教宗——敦促')).toEqual([2, 3, 4]);
    expect(at('North Korean')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(at('탈북 난민')).toEqual([1, 2, 3, 4]);
    // A character beyond the BMP (U+20B9F 𠮟) is one code point.
    expect(betweenPhrases('的𠮟', 1)).toBe(true);
    expect(betweenPhrases('𠮟的', 2)).toBe(false);
  });
});

describe("the letter's title in the PDF", () => {
  const out = tempDir('letter-balance-');
  const dir = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

  /** The title's lines as pdftotext prints them: everything above the subject line. */
  function titleLines(file: string, subject: string): string[] {
    const text = pdfText(file, ['-layout']).split('\n');
    return text
      .slice(
        0,
        text.findIndex((l) => l.includes(subject)),
      )
      .map((l) => l.trim())
      .filter(Boolean);
  }

  const subjects: Record<string, string> = {
    zh: '请停止强制遣返朝鲜难民！',
    ko: '탈북 난민의 강제송환을 중단해 주십시오!',
    en: 'Please stop the forced repatriation of North Korean refugees!',
  };

  it('to a king, the Pope and presidents, in zh, ko and en: the shortest line at least four fifths of the longest', async () => {
    const result = await build({
      dir,
      out,
      to: ['th', 'va', 'fr', 'us', 'cn'],
      langs: ['zh', 'ko', 'en'],
      formats: ['pdf'],
    });
    expect(result.errors).toEqual([]);
    if (!toolAvailable('pdftotext')) return;
    for (const to of ['th', 'va', 'fr', 'us', 'cn'])
      for (const lang of ['zh', 'ko', 'en']) {
        const file = join(out, to, `open-letter-2023.${lang}.pdf`);
        const title = titleLines(file, subjects[lang]!);
        const shown = `${to} ${lang}: ${title.join(' | ')}`;
        expect(title.length, shown).toBeGreaterThanOrEqual(2);
        const lengths = title.map((l) => [...l].length);
        expect(Math.min(...lengths) / Math.max(...lengths), shown).toBeGreaterThanOrEqual(0.8);
        // No word cut in two: the Pope's zh title broke 「…致教宗的公 / 开信…」.
        if (lang === 'zh') expect(betweenPhrases(title.join(''), title[0]!.length), shown).toBe(true);
      }
  });

  it('the subtitle too: the French headline of the UN letter on two even lines, not one and 「coréens !」', async () => {
    const unOut = tempDir('letter-balance-un-');
    const un = join(import.meta.dirname, '..', '..', 'examples', 'un-letter-2023');
    const result = await build({ dir: un, out: unOut, langs: ['fr'], formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    if (!toolAvailable('pdftotext')) return;
    const file = result.outputs.find((o) => o.path.endsWith('.fr.pdf'))?.path;
    expect(file).toBeDefined();
    const text = pdfText(file!, ['-layout'])
      .split('\n')
      .map((l) => l.trim());
    const first = text.findIndex((l) => l.startsWith('Aidez-nous'));
    const headline = [text[first]!, text[first + 1]!];
    expect(headline.join(' ')).toBe(
      'Aidez-nous à mettre fin au rapatriement forcé des réfugiés nord-coréens !',
    );
    const lengths = headline.map((l) => [...l].length);
    expect(Math.min(...lengths) / Math.max(...lengths), headline.join(' | ')).toBeGreaterThanOrEqual(0.8);
  });
});
