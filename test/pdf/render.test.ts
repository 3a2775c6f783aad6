/** renderPdf on real letters: text round-trips, fallback faces, page numbers, kept signatures, fonts, metadata, bytes. */

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import type { Block } from '../../src/model/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import {
  exampleLetter,
  pdfFonts,
  pdfPages,
  pdfText,
  scratch,
  text,
  writePdf,
  type ExampleLang,
} from './helpers.js';
import { hasPoppler } from './tools.js';

const fonts = toolFontBook();
const LANGS: ExampleLang[] = ['en', 'ko', 'zh'];
const squash = (s: string): string => s.replace(/\s+/gu, '');

describe.skipIf(!hasPoppler())('renderPdf', () => {
  const dir = scratch();

  it('gives back every character of a Korean paragraph with 华 and 签, drawn in the SC face', async () => {
    const value = '캐나다의 华人 단체가 签名한 서한입니다. 주석님께 드립니다.';
    const body: Block[] = [{ type: 'paragraph', inlines: [text(value, 'body.test', 'ko')] }];
    const { bytes } = await renderPdf(exampleLetter('ko', { bodyOnly: true, body }), { fonts });
    const path = writePdf(bytes, dir, 'ko-fallback.pdf');
    expect(pdfText(path)).toContain(value);
    const names = pdfFonts(path).map((f) => f.name);
    expect(names.some((n) => n.endsWith('+NotoSerifSC-Regular'))).toBe(true);
    expect(names.some((n) => n.endsWith('+NotoSerifKR-Regular'))).toBe(true);
  });

  it('gives back a Chinese paragraph with a Latin name and a number exactly', async () => {
    const value = '朝中两国于1998年7月签署协定。我们与Crossing NK一起，致函阁下（CFNK）。';
    const body: Block[] = [{ type: 'paragraph', inlines: [text(value, 'body.test', 'zh')] }];
    const { bytes } = await renderPdf(exampleLetter('zh', { bodyOnly: true, body }), { fonts });
    const path = writePdf(bytes, dir, 'zh-latin.pdf');
    expect(pdfText(path)).toContain(value);
  });

  for (const lang of LANGS) {
    describe(`${lang}: a long letter`, () => {
      let path = '';
      let pages = 0;
      beforeAll(async () => {
        const result = await renderPdf(exampleLetter(lang, { repeat: 3 }), { fonts });
        path = writePdf(result.bytes, dir, `${lang}-long.pdf`);
        pages = result.pages;
      });

      it('has page numbers on every page, in the language form', () => {
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(pdfPages(path)).toBe(pages);
        for (let page = 1; page <= pages; page++) {
          const label = { en: `- ${page} -`, ko: `- ${page} / ${pages} -`, zh: `第${page}页，共${pages}页` }[
            lang
          ];
          expect(pdfText(path, page, true), `page ${page}`).toContain(label);
        }
      });

      it('keeps the close and the signatures whole on one page', () => {
        const marks = [
          'canadanorthkorean@gmail.com',
          'crossingnk@gmail.com',
          lang === 'ko' ? '크로싱 엔케이' : 'Crossing NK',
        ];
        const onPages = Array.from({ length: pages }, (_, i) => pdfText(path, i + 1));
        const holding = onPages
          .map((t, i) => (marks.some((m) => t.includes(m)) ? i : -1))
          .filter((i) => i >= 0);
        expect(holding).toHaveLength(1);
        for (const mark of marks) expect(onPages[holding[0]!]).toContain(mark);
        const closing = { en: 'Yours sincerely', ko: '진심을 담아 올립니다.', zh: '谨致崇高的敬意。' }[lang];
        expect(squash(onPages[holding[0]!]!)).toContain(squash(closing));
      });

      it('gives back the whole body text', () => {
        const all = squash(pdfText(path));
        for (const p of exampleLetter(lang).sections.find((s) => s.part === 'body')!.blocks) {
          const value =
            p.type === 'paragraph'
              ? p.inlines
              : p.type === 'quote' && p.blocks[0]?.type === 'paragraph'
                ? p.blocks[0].inlines
                : [];
          for (const inline of value) if (inline.type === 'text') expect(all).toContain(squash(inline.value));
        }
      });

      it('embeds and subsets every font, Noto faces only: no Type 3, no base-14', () => {
        const rows = pdfFonts(path);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
          expect(row.type).not.toContain('Type 3');
          expect(row.name).toMatch(/^[A-Z]{6}\+NotoSerif(KR|SC)?-(Regular|Bold|Italic|BoldItalic)$/);
        }
      });

      it('is a clean PDF 1.7 with the letter metadata', () => {
        execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
        const info = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
        const doc = exampleLetter(lang);
        expect(info).toMatch(/PDF version:\s+1\.7/);
        expect(info).toContain(`Title:           ${doc.meta.title}`);
        expect(info).toContain('Author:          CFNK, Crossing NK');
        expect(info).toContain('Keywords:        North Korea, refugees');
        expect(info).toMatch(/CreationDate:\s+2023-12-10T00:00:00/);
        expect(info).toMatch(/ModDate:\s+2023-12-10T00:00:00/);
        const raw = Buffer.from(
          execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-']),
        ).toString('latin1');
        expect(raw).toContain(`/Lang (${doc.locale})`);
        expect(raw).toContain('/DisplayDocTitle true');
      });
    });
  }

  it('gives identical bytes for the same letter, even after rendering others', async () => {
    const first = await renderPdf(exampleLetter('ko'), { fonts });
    await renderPdf(exampleLetter('zh'), { fonts });
    await renderPdf(exampleLetter('en'), { fonts });
    const second = await renderPdf(exampleLetter('ko'), { fonts });
    expect(Buffer.compare(Buffer.from(first.bytes), Buffer.from(second.bytes))).toBe(0);
  });

  it('adds a signature field in the box under the signatures when asked', async () => {
    const signatureField = {
      name: 'Signature1',
      reason: 'Open letter',
      location: 'Toronto',
      contactInfo: 'crossingnk@gmail.com',
      signerName: 'Crossing NK',
      signingTime: new Date('2023-12-10T00:00:00Z'),
      appearanceLines: ['Crossing NK', '2023-12-10'],
    };
    const { bytes, pages } = await renderPdf(exampleLetter('en'), { fonts, signatureField });
    const path = writePdf(bytes, dir, 'en-field.pdf');
    execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
    const raw = Buffer.from(execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'])).toString(
      'latin1',
    );
    expect(raw).toContain('/FT /Sig');
    expect(pdfText(path, pages)).toContain('crossingnk@gmail.com');
    for (const row of pdfFonts(path)) expect(row.name).toMatch(/\+NotoSerif/);
  });
});
