/**
 * A Chinese or Japanese title in the DOCX breaks where the letter typeset it (render/docx/display-lines.ts): a word
 * processor breaks such text between any two ideographs, and LibreOffice set the Pope's title 「…遣返朝鲜难 / 民」.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { docxToPdf, pdfText, tempDir, toolAvailable } from '../support/tools.js';
import { exampleLetter, fonts, part, paragraphTexts } from './helpers.js';

const TITLE = '旅居加拿大的朝鲜难民致教宗的公开信——敦促停止强制遣返朝鲜难民';
const LINES = ['旅居加拿大的朝鲜难民致教宗的', '公开信——敦促停止强制遣返朝鲜难民'];

/** The example letter in `lang` with this title, its DOCX rendered with these typeset lines for it. */
async function titleParagraph(lang: 'zh' | 'en', title: string, lines?: readonly string[]): Promise<string> {
  const doc = exampleLetter(lang);
  const index = doc.sections.findIndex((s) => s.part === 'title');
  const sections = doc.sections.map((s, i) =>
    i === index
      ? { ...s, blocks: [{ type: 'paragraph' as const, inlines: [{ type: 'text' as const, value: title }] }] }
      : s,
  );
  const displayLines = lines ? new Map([[index, [lines]]]) : undefined;
  const { bytes } = await renderDocx(
    { ...doc, sections },
    { fonts, ...(displayLines ? { displayLines } : {}) },
  );
  const texts = paragraphTexts(part(bytes, 'word/document.xml'));
  return texts.find((t) => t.replace('\n', '') === title)!;
}

describe('display lines in the DOCX', () => {
  it('breaks a Chinese title where it was typeset, and leaves it whole without the lines', async () => {
    expect(await titleParagraph('zh', TITLE, LINES)).toBe(LINES.join('\n'));
    expect(await titleParagraph('zh', TITLE)).toBe(TITLE);
  });

  it('leaves an English title to the word processor, and lines that are not the text', async () => {
    const en = 'An open letter to the Pope from North Korean refugees in Canada';
    expect(
      await titleParagraph('en', en, ['An open letter to the Pope from', 'North Korean refugees in Canada']),
    ).toBe(en);
    expect(await titleParagraph('zh', TITLE, ['旅居加拿大的朝鲜难民', '致教宗的公开信'])).toBe(TITLE);
  });

  it("the Pope's zh letter: the DOCX title breaks as the PDF's, in LibreOffice too", async () => {
    const out = tempDir('letter-display-lines-');
    const dir = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
    const result = await build({ dir, out, to: ['va'], langs: ['zh'], formats: ['docx'] });
    expect(result.errors).toEqual([]);
    const docx = result.outputs.find((o) => o.path.endsWith('.zh.docx'))!.path;
    const xml = part(new Uint8Array(readFileSync(docx)), 'word/document.xml');
    expect(paragraphTexts(xml)).toContain(LINES.join('\n'));
    if (!toolAvailable('soffice') || !toolAvailable('pdftotext')) return;
    const lines = pdfText(docxToPdf(docx, out), ['-layout'])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(LINES);
  }, 120_000);
});
