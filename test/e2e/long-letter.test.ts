/** A letter of three pages, built from its project: page numbers in each language's form, the close and signatures whole. */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { localeValues, plain } from '../support/text.js';
import { pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'long-letter');
const LANGS = ['en', 'ko', 'zh'] as const;
const LABEL = {
  en: (p: number, n: number) => `Page ${p} of ${n}`,
  ko: (p: number, n: number) => `${p} / ${n}`,
  zh: (p: number, n: number) => `第${p}页 共${n}页`,
};
const SIGNATORIES = {
  en: ['General Federation of North Korean Defectors in Canada', 'crossingnk@gmail.com'],
  ko: ['캐나다 탈북인 총연합회', 'crossingnk@gmail.com'],
  zh: ['加拿大脱北者总联合会', 'crossingnk@gmail.com'],
};
const out = tempDir('letter-long-');

beforeAll(async () => {
  const result = await build({ dir: FIXTURE, out, formats: ['pdf'] });
  expect(result.errors).toEqual([]);
});

const pdf = (lang: string) => join(out, 'cn', `long-letter.${lang}.pdf`);
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)?.[1]);
const pageText = (file: string, page: number) =>
  pdfText(file, ['-raw', '-f', String(page), '-l', String(page)]);

describe.each(LANGS)('the long letter in %s', (lang) => {
  it("runs over several pages, each numbered in the language's form", () => {
    if (!toolAvailable('pdfinfo')) return;
    const pages = pageCount(pdf(lang));
    expect(pages).toBeGreaterThanOrEqual(lang === 'zh' ? 2 : 3);
    for (let p = 1; p <= pages; p++) expect(pageText(pdf(lang), p)).toContain(LABEL[lang](p, pages));
  });

  it('keeps the close and every signatory on one page', () => {
    if (!toolAvailable('pdftotext')) return;
    const pages = pageCount(pdf(lang));
    const closing = plain(localeValues(join(FIXTURE, 'locales', lang, 'letter.json'))['closing']!).replace(
      /\s+/g,
      '',
    );
    const withFirst = [...Array(pages).keys()]
      .map((i) => pageText(pdf(lang), i + 1).replace(/\s+/g, ''))
      .filter((t) => t.includes(SIGNATORIES[lang][0]!.replace(/\s+/g, '')));
    expect(withFirst).toHaveLength(1);
    expect(withFirst[0]).toContain(SIGNATORIES[lang][1]);
    expect(withFirst[0]).toContain(closing);
  });

  it('never leaves the close alone on its page: the end of the body comes along', () => {
    if (!toolAvailable('pdftotext')) return;
    const pages = pageCount(pdf(lang));
    const closing = plain(localeValues(join(FIXTURE, 'locales', lang, 'letter.json'))['closing']!).replace(
      /\s+/g,
      '',
    );
    const page = [...Array(pages).keys()]
      .map((i) => pageText(pdf(lang), i + 1))
      .find((t) => t.replace(/\s+/g, '').includes(closing))!;
    const lines = page.split('\n').map((l) => l.replace(/\s+/g, ''));
    const before = lines
      .slice(
        0,
        lines.findIndex((l) => closing.startsWith(l) && l.length > 0),
      )
      .filter(Boolean);
    expect(before.length).toBeGreaterThanOrEqual(2);
  });

  it('breaks no Korean word and no line against the CJK punctuation rules, across page breaks too', () => {
    if (!toolAvailable('pdftotext') || lang === 'en') return;
    const source = Object.values(localeValues(join(FIXTURE, 'locales', lang, 'letter.json')))
      .map(plain)
      .join('\n');
    const lines = pdfText(pdf(lang), ['-raw'])
      .split(/\n|\f/)
      .map((l) => l.trim())
      .filter((l) => l && !/^(\d+ \/ \d+|第\d+页 共\d+页)$/.test(l));
    const bad: string[] = [];
    let joins = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      const before = lines[i]!.split(' ').pop()!;
      const after = lines[i + 1]!.split(' ')[0]!;
      if (/^[，。、；：？！）」』》〉】〕…”’]/.test(after))
        bad.push(`line starts with closing mark: ${after}`);
      if (/[（「『《〈【〔“‘]$/.test(before)) bad.push(`line ends with opening mark: ${before}`);
      // A break inside a word: the source has the two halves joined, and nowhere with a space between them.
      if (!source.includes(before + after) || source.includes(`${before} ${after}`)) continue;
      joins++;
      const lastBefore = before.at(-1)!;
      const firstAfter = after[0]!;
      if (/[\uac00-\ud7a3]/.test(lastBefore) && /[\uac00-\ud7a3]/.test(firstAfter))
        bad.push(`Korean word split: ${before}|${after}`);
      if (/[A-Za-z0-9]/.test(lastBefore) && /[A-Za-z0-9]/.test(firstAfter))
        bad.push(`Latin word or number split: ${before}|${after}`);
    }
    expect(lines.length).toBeGreaterThan(60);
    expect(bad).toEqual([]);
    // Chinese breaks between characters, so many of its line ends join (the rest end paragraphs, headings and list
    // items); Korean ones fall between words. Justification moved a few breaks: a share, not a count, is what matters.
    if (lang === 'zh') expect(joins).toBeGreaterThan(lines.length / 3);
  });
});
