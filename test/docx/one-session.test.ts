/**
 * DOCX files as an office converts or prints a batch: ONE LibreOffice process opens the example's and a batch's
 * en, ko and zh letters one after the other. A word processor keeps the fonts a document embeds for its whole
 * session, by family name, so each letter's subsets must go by names of their own (src/render/docx/embed.ts);
 * under the real family every letter after the first drew from the first one's subset, with blank boxes.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { libreOfficeToPdf, toolAvailable } from '../support/tools.js';
import { breakAgreement, letterLines, paragraphEnds, type BreakAgreement } from './line-breaks.js';
import { paragraphTexts, part, pdfFonts, pdfText, scratch } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const canRun = toolAvailable('soffice') && toolAvailable('pdftotext') && toolAvailable('pdffonts');
const LANGS = ['en', 'ko', 'zh'] as const;

/** One letter: its name in the flat folder LibreOffice converts, our PDF and our DOCX. */
interface Letter {
  readonly name: string;
  readonly lang: (typeof LANGS)[number];
  readonly pdf: string;
  readonly docx: string;
}

const letters: Letter[] = [];
let converted = '';
beforeAll(async () => {
  if (!canRun) return;
  const dir = scratch();
  const projects = [
    { dir: join(ROOT, 'examples', 'open-letter-2023'), slug: 'open-letter-2023', to: ['cn'] },
    // A king, the Pope, a president and the Secretary-General: different forms of address, different glyphs.
    { dir: join(ROOT, 'test', 'fixtures', 'batch'), slug: 'batch-letter', to: ['th', 'va', 'kr', 'un'] },
  ];
  for (const project of projects) {
    const out = join(dir, project.slug);
    const result = await build({
      dir: project.dir,
      out,
      to: project.to,
      formats: ['pdf', 'docx'],
      langs: [...LANGS],
    });
    expect(result.errors).toEqual([]);
    for (const to of project.to) {
      for (const lang of LANGS) {
        const base = join(out, to, `${project.slug}.${lang}`);
        letters.push({
          name: `${project.slug}-${to}.${lang}`,
          lang,
          pdf: `${base}.pdf`,
          docx: `${base}.docx`,
        });
      }
    }
  }
  // Interleaved by language (en, ko, zh of one letter, then the next), as a folder of a batch's files lists them.
  const flat = join(dir, 'flat');
  converted = join(dir, 'converted');
  mkdirSync(flat);
  for (const letter of letters) copyFileSync(letter.docx, join(flat, `${letter.name}.docx`));
  libreOfficeToPdf(
    letters.map((l) => join(flat, `${l.name}.docx`)),
    converted,
  );
}, 420_000);

const theirs = (letter: Letter) => join(converted, `${letter.name}.pdf`);

describe.skipIf(!canRun)('one LibreOffice process converting a batch of DOCX letters', () => {
  it('converts all 15 letters', () => {
    expect(letters).toHaveLength(15);
  });

  it('draws every letter only with the Noto subsets the letter itself embeds (no fallback, no blank boxes)', () => {
    for (const letter of letters) {
      const names = pdfFonts(theirs(letter))
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]!);
      expect(names.length, letter.name).toBeGreaterThan(0);
      for (const name of names) expect(name, letter.name).toMatch(/^[A-Z]{6}\+[A-Z]{6}\+NotoSerif/);
      // Each letter's subsets carry its own tags: no letter draws from another letter's font.
      const tags = new Set(names.map((n) => n.split('+')[1]));
      const docxTable = part(readFileSync(letter.docx), 'word/fontTable.xml');
      for (const tag of tags) expect(docxTable, letter.name).toContain(`w:name="${tag}+`);
    }
  });

  it('gives back the text of the PDF we made of the same letter, modulo line breaks and page labels', () => {
    for (const letter of letters) {
      const ours = letterLines(pdfText(letter.pdf), letter.lang).join('');
      expect(letterLines(pdfText(theirs(letter)), letter.lang).join(''), letter.name).toBe(ours);
    }
  });

  it('reports how many lines break at the same place as in our PDF (ko, zh)', () => {
    const report: string[] = [];
    for (const lang of ['ko', 'zh'] as const) {
      const total = { lines: 0, same: 0 } as { lines: number; same: number };
      for (const letter of letters.filter((l) => l.lang === lang)) {
        const ours = letterLines(pdfText(letter.pdf), lang);
        const paragraphs = paragraphTexts(part(readFileSync(letter.docx), 'word/document.xml')).filter(
          (p) => p !== '',
        );
        // The paragraph ends are only meaningful if the paragraphs are the PDF's text (checked above, here per letter).
        expect(paragraphs.join('').replace(/\s+/g, ''), letter.name).toBe(ours.join(''));
        const agreement: BreakAgreement = breakAgreement(
          ours,
          letterLines(pdfText(theirs(letter)), lang),
          paragraphEnds(paragraphs),
        );
        total.lines += agreement.lines;
        total.same += agreement.same;
      }
      expect(total.lines).toBeGreaterThan(20);
      report.push(
        `${lang}: ${total.same}/${total.lines} lines (${((100 * total.same) / total.lines).toFixed(0)}%) break where our PDF breaks them`,
      );
    }
    console.log(
      `LibreOffice ${execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim()} against our PDFs, 5 letters each:\n  ${report.join('\n  ')}`,
    );
  });
});
