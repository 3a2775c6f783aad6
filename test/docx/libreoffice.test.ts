/** The DOCX as another office suite sees it: LibreOffice converts each language to PDF, on a machine without Noto
 *  installed, so what it draws comes from the embedded subsets. */

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterDoc } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import {
  exampleLetter,
  expectedParagraphs,
  fonts,
  LANGS,
  libreOfficePdfs,
  midWordBreaks,
  pdfFonts,
  pdfText,
  type ExampleLang,
} from './helpers.js';
import { toolAvailable } from '../support/tools.js';

const canRun =
  toolAvailable('soffice') &&
  toolAvailable('pdftotext') &&
  toolAvailable('pdffonts') &&
  toolAvailable('pdfinfo');
const FACE = { en: 'NotoSerif-Regular', ko: 'NotoSerifKR-Regular', zh: 'NotoSerifSC-Regular' } as const;

const docs = new Map<ExampleLang, LetterDoc>();
let pdfs: Record<string, string> = {};
beforeAll(async () => {
  if (!canRun) return;
  const files: Record<string, Uint8Array> = {};
  for (const lang of LANGS) {
    docs.set(lang, exampleLetter(lang));
    files[lang] = (await renderDocx(docs.get(lang)!, { fonts })).bytes;
  }
  pdfs = libreOfficePdfs(files);
}, 180_000);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!canRun).each(LANGS)('LibreOffice reading the %s letter', (lang) => {
  it('lays out every paragraph of the letter', () => {
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfs[lang]!], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeGreaterThan(1);
    let all = squash(pdfText(pdfs[lang]!));
    // Page labels sit between the lines of a paragraph that runs across pages (page 1's too, when it is numbered).
    const label = docs.get(lang)!.pageLabel;
    for (let n = pages; n >= 1; n--)
      all = all.split(squash(label.replace('{page}', String(n)).replace('{pages}', String(pages)))).join('');
    for (const p of expectedParagraphs(docs.get(lang)!)) expect(all).toContain(squash(p));
  });

  it('draws with the embedded Noto Serif subsets, never a fallback font', () => {
    const names = pdfFonts(pdfs[lang]!)
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0]!.replace(/^([A-Z]{6}\+)+/, ''));
    expect(names).toContain(FACE[lang]);
    for (const name of names) expect(name).toMatch(/^NotoSerif/);
  });

  it('never breaks a line inside a word (Korean words, Latin words in every language)', () => {
    const out = pdfText(pdfs[lang]!);
    // Korean keeps whole words; Chinese may break between Han characters but not inside a Latin word or number.
    const wordChar = lang === 'ko' ? /[가-힣A-Za-z0-9]/ : /[A-Za-z0-9]/;
    expect(midWordBreaks(out, expectedParagraphs(docs.get(lang)!), wordChar)).toEqual([]);
  });

  it('starts no line with closing CJK punctuation', () => {
    const lines = pdfText(pdfs[lang]!)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines.filter((l) => /^[，。、；：？！）」』》]/.test(l))).toEqual([]);
  });
});
