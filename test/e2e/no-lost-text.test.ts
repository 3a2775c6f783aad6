/**
 * A letter never loses a line: a paragraph, a name or an address block taller than a page is carried over to the next
 * page, every word comes back from the PDF, every word lies inside the page, and the manifest counts the real pages.
 */

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { normalise } from '../support/text.js';
import { pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const LANGS = ['en', 'ko', 'zh'] as const;
// About 5,000 characters in each language: several pages of one paragraph.
const PARAGRAPH = {
  en: Array.from({ length: 560 }, (_, i) => `word${i}`).join(' '),
  ko: Array.from({ length: 420 }, (_, i) => `문장${i}번째입니다`).join(' '),
  zh: Array.from({ length: 700 }, (_, i) => `第${i}句。`).join(''),
};
// A 9,000-character recipient name: it fills the address block and the salutation far beyond one page.
const NAME = Array.from({ length: 1000 }, (_, i) => `N${String(i).padStart(3, '0')}x`)
  .join(' ')
  .slice(0, 9000);

let out: string;

beforeAll(async () => {
  const dir = tempDir('letter-tall-');
  writeFileSync(
    join(dir, 'letter.yaml'),
    [
      'date: 2024-01-01',
      'template: formal',
      'slug: tall',
      'formats: [pdf]',
      'to:',
      '  - id: cn',
      `    name: { en: "${NAME}", ko: "${NAME}", zh: "${NAME}" }`,
      'title: title',
      'body: [{ p: long }, { p: end }]',
      'signatories: [{ org: Crossing NK }]',
      '',
    ].join('\n'),
  );
  for (const lang of LANGS) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true });
    writeFileSync(
      join(dir, 'locales', lang, 'letter.json'),
      JSON.stringify({ title: 'T', long: PARAGRAPH[lang], end: 'END-OF-LETTER' }),
    );
  }
  out = join(dir, 'dist');
  const result = await build({ dir, out });
  expect(result.errors).toEqual([]);
}, 300_000);

const pdf = (lang: string) => join(out, 'cn', `tall.${lang}.pdf`);

describe.each(LANGS)('an over-tall paragraph and name in %s', (lang) => {
  it('come back whole from the PDF, the end of the letter included', () => {
    if (!toolAvailable('pdftotext')) return;
    // Page labels (artifacts) stand between a paragraph's parts on two pages; take them out before comparing.
    const labels = /^(?:Page \d+ of \d+|- \d+ -|\d+ \/ \d+|- \d+ \/ \d+ -|第\d+页\s*[，,]?\s*共\d+页)$/gm;
    const text = normalise(pdfText(pdf(lang)).replace(/\f/g, '\n').replace(labels, ' '), lang);
    // Page numbers stand between the pages' parts of one paragraph: compare word by word, in order.
    const missing = (words: string[]): string[] => {
      let at = 0;
      return words.filter((word) => {
        const found = text.indexOf(word, at);
        if (found < 0) return true;
        at = found + word.length;
        return false;
      });
    };
    const tokens = (value: string) =>
      (lang === 'zh' ? value.split(/(?<=。)/) : value.split(' ')).filter(Boolean);
    expect(missing(NAME.split(' '))).toEqual([]);
    expect(missing(tokens(PARAGRAPH[lang]))).toEqual([]);
    expect(text.endsWith('END-OF-LETTER') || text.includes('END-OF-LETTER')).toBe(true);
  });

  it('lie inside the page box, and the manifest counts every page', () => {
    if (!toolAvailable('pdftotext')) return;
    const bbox = pdfText(pdf(lang), ['-bbox']);
    const [, width, height] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox)!.map(Number);
    const words = [
      ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g),
    ];
    expect(words.length).toBeGreaterThan(500);
    for (const [, x0, y0, x1, y1] of words) {
      expect(Number(x0)).toBeGreaterThanOrEqual(0);
      expect(Number(y0)).toBeGreaterThanOrEqual(0);
      expect(Number(x1)).toBeLessThanOrEqual(width!);
      expect(Number(y1)).toBeLessThanOrEqual(height!);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf(lang)]).stdout)?.[1]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { path?: string; file?: string; pages: number; language?: string; lang?: string }[];
    };
    const entry = manifest.files.find((f) => JSON.stringify(f).includes(`tall.${lang}.pdf`))!;
    expect(entry.pages).toBe(pages);
    expect(pages).toBeGreaterThan(3);
  });
});
