/**
 * Bounded work inside the documented limits: a letter whose only paragraph is one unbreakable run (160,000 Latin
 * characters, or 80,000 Korean ones without a space) is checked and built in linear work, and every character prints.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const RUNS = { en: 'Q'.repeat(160_000), ko: '가나다라마바사'.repeat(11_429).slice(0, 80_000) } as const;

function project(lang: 'en' | 'ko'): string {
  const dir = tempDir(`letter-run-${lang}-`);
  writeFileSync(
    join(dir, 'letter.yaml'),
    [
      'date: 2024-01-01',
      `languages: [${lang}]`,
      'formats: [pdf]',
      'slug: run',
      'to: [cn]',
      'title: title',
      'body: [{ p: run }]',
      'signatories: [{ org: Org }]',
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'locales', lang), { recursive: true });
  writeFileSync(join(dir, 'locales', lang, 'letter.json'), JSON.stringify({ title: 'T', run: RUNS[lang] }));
  return dir;
}

describe.each(['en', 'ko'] as const)('one unbreakable run in %s', (lang) => {
  it('is checked and built, every character on a page', async () => {
    const dir = project(lang);
    const checked = await check({ dir });
    expect(checked.errors).toEqual([]);
    const out = join(dir, 'dist');
    const result = await build({ dir, out });
    expect(result.errors).toEqual([]);
    if (!toolAvailable('pdftotext')) return;
    const text = pdfText(join(out, 'cn', `run.${lang}.pdf`));
    const char = lang === 'en' ? 'Q' : '가';
    expect([...text].filter((c) => c === char)).toHaveLength(
      [...RUNS[lang]].filter((c) => c === char).length,
    );
  });
});
