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
import { breakOpportunities } from '../../src/typeset/segment/breaks.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

/** Lines of `text` with every character 10 pt wide on lines `width` pt wide: greedy, and balanced. */
function lines(text: string, lang: string, width: number): { greedy: string[]; balanced: string[] } {
  const opportunities = breakOpportunities(text, () => lang);
  const measure = (start: number, end: number) => [...text.slice(start, end)].length * 10;
  const breakIn = (lineWidth: (index: number) => number) => {
    const input = { text, opportunities, width: measure, lineWidth };
    return withoutLoneLastCharacter(breakLines(input), input);
  };
  const greedy = breakIn(() => width);
  const balanced = balancedLines(greedy, {
    text,
    opportunities,
    width: measure,
    lineWidth: () => width,
    breakAt: (scale) => breakIn(() => width * scale),
  });
  const texts = (spans: typeof greedy) => spans.map((s) => text.slice(s.start, s.end));
  return { greedy: texts(greedy), balanced: texts(balanced) };
}

describe('balanced lines', () => {
  it('a Chinese title of 32 characters on lines of 30 splits 16 / 16, not 30 / 2', () => {
    const text = '旅居加拿大的朝鲜难民致泰王国国王的公开信敦促停止强制遣返朝鲜难民';
    const { greedy, balanced } = lines(text, 'zh', 300);
    expect(greedy.map((l) => [...l].length)).toEqual([30, 2]);
    expect(balanced.map((l) => [...l].length)).toEqual([16, 16]);
    expect(balanced.join('')).toBe(text);
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
