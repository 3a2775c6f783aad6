/** The walking skeleton on the real output: the example letter in en, ko and zh, as PDF and DOCX. */

import { existsSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { docxParts, docxText, normalise, plain } from '../support/text.js';
import { localeStrings } from '../support/example.js';
import { docxToPdf, letterCli, pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const LANGS = ['en', 'ko', 'zh'] as const;
const out = tempDir('letter-example-');
let result: BuildResult;

beforeAll(async () => {
  result = await build({ dir: EXAMPLE, out });
});

/**
 * The PDF's text without its page-number footers, which pdftotext puts between a split paragraph's halves (the Korean
 * "1 / 2" comes out as "1/2": its spaces are gaps, not drawn glyphs).
 */
const letterText = (lang: string) => {
  const footer = { en: /Page \d+ of \d+/g, ko: /\d+ ?\/ ?\d+\n/g, zh: /第\d+页 共\d+页/g }[
    lang as 'en' | 'ko' | 'zh'
  ];
  return normalise(pdfText(pdfOf(lang)).replace(footer, ' '), lang);
};
const pdfOf = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.pdf`);
const docxOf = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.docx`);

describe('building the example letter', () => {
  it('writes every language × format and a manifest, exit 0', () => {
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    for (const lang of LANGS) {
      expect(existsSync(pdfOf(lang))).toBe(true);
      expect(existsSync(docxOf(lang))).toBe(true);
    }
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(result.outputs).toHaveLength(6);
  });

  it.each(LANGS)('%s PDF: the extracted text holds every paragraph of the locale file', (lang) => {
    if (!toolAvailable('pdftotext')) return;
    const text = letterText(lang);
    for (const [key, value] of Object.entries(localeStrings(lang))) {
      expect(text, `${lang} key ${key}`).toContain(normalise(plain(value), lang));
    }
  });

  it.each(LANGS)('%s DOCX: word/document.xml holds every paragraph of the locale file', (lang) => {
    const text = normalise(docxText(docxParts(docxOf(lang))['word/document.xml']!), lang);
    for (const [key, value] of Object.entries(localeStrings(lang))) {
      expect(text, `${lang} key ${key}`).toContain(normalise(plain(value), lang));
    }
  });

  it.each(LANGS)('%s PDF: every font embedded and subset, none base-14 or Type 3', (lang) => {
    if (!toolAvailable('pdffonts')) return;
    const rows = run('pdffonts', [pdfOf(lang)])
      .stdout.trim()
      .split('\n')
      .slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Noto/);
      expect(row).not.toMatch(/Type 3/);
      const cols = row.trim().split(/\s+/);
      // name type… emb sub uni object ID: emb, sub and uni are the three yes/no columns before the object number.
      expect(cols.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('ko PDF is set in the Korean face, zh PDF in the Simplified Chinese face', () => {
    if (!toolAvailable('pdffonts')) return;
    expect(run('pdffonts', [pdfOf('ko')]).stdout).toMatch(/NotoSerifKR/);
    expect(run('pdffonts', [pdfOf('zh')]).stdout).toMatch(/NotoSerifSC/);
    expect(run('pdffonts', [pdfOf('zh')]).stdout).not.toMatch(/NotoSerifKR/);
  });

  it.each(['ko', 'zh'] as const)(
    '%s DOCX: every run with CJK text names its East Asian face and language',
    (lang) => {
      const xml = docxParts(docxOf(lang))['word/document.xml']!;
      const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
        .map((m) => m[1]!)
        .filter((r) => /<w:t[^>]*>[^<]*[\u3000-\u9fff\uac00-\ud7af]/.test(r));
      expect(runs.length).toBeGreaterThan(10);
      const face = lang === 'ko' ? 'Noto Serif KR' : 'Noto Serif SC';
      const tag = lang === 'ko' ? 'ko-KR' : 'zh-CN';
      for (const r of runs) {
        expect(r).toMatch(/w:eastAsia="[A-Z]{6}\+Noto Serif (KR|SC)"/);
        expect(r).toMatch(new RegExp(`<w:lang [^>]*w:eastAsia="${tag}"`));
      }
      expect(runs.some((r) => new RegExp(`w:eastAsia="[A-Z]{6}\\+${face}"`).test(r))).toBe(true);
    },
  );

  it('DOCX paragraphs use named styles', () => {
    const parts = docxParts(docxOf('en'));
    const styles = [...parts['word/document.xml']!.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]);
    const paragraphs = [...parts['word/document.xml']!.matchAll(/<w:p[ >]/g)].length;
    expect(styles.length).toBeGreaterThanOrEqual(paragraphs - 2);
    for (const s of new Set(styles)) expect(parts['word/styles.xml']).toContain(`w:styleId="${s}"`);
  });

  it.each(LANGS)("%s: the parts stand in that language's order (protocol.md §6)", (lang) => {
    if (!toolAvailable('pdftotext')) return;
    const text = letterText(lang);
    const values = localeStrings(lang);
    const at = (s: string) => {
      const i = text.indexOf(normalise(s, lang));
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const date = { en: 'December 10, 2023', ko: '2023년 12월 10일', zh: '2023年12月10日' }[lang];
    const salutation = {
      en: 'Dear President Xi,',
      ko: '존경하는 시진핑 주석님께',
      zh: '尊敬的习近平主席：',
    }[lang];
    const title = at(plain(values['title']!));
    const body = at(plain(values['intro']!));
    const quote = at(plain(values['mother']!));
    const close = at(plain(values['closing']!));
    const signatory = at({ en: 'Crossing NK', ko: '크로싱 엔케이', zh: 'Crossing NK' }[lang]);
    expect(title).toBeLessThan(at(salutation));
    expect(at(salutation)).toBeLessThan(body);
    expect(body).toBeLessThan(quote);
    expect(quote).toBeLessThan(close);
    expect(close).toBeLessThan(signatory);
    if (lang === 'en') expect(at(date)).toBeLessThan(at(salutation));
    else expect(text.lastIndexOf(normalise(date, lang))).toBeGreaterThan(close);
    if (lang === 'zh') expect(text.lastIndexOf(normalise(date, lang))).toBeGreaterThan(signatory);
  });

  it("ko: the letter is headed 수신 with the recipient's title and name, before 경유 and the salutation", () => {
    if (!toolAvailable('pdftotext')) return;
    const lines = pdfText(pdfOf('ko'), ['-layout'])
      .split('\n')
      .map((l) => l.trim());
    const receiver = lines.findIndex((l) => l.startsWith('수신:'));
    expect(lines[receiver]).toBe('수신: 중화인민공화국 주석 시진핑 귀하');
    expect(receiver).toBeLessThan(lines.findIndex((l) => l.startsWith('경유:')));
    expect(receiver).toBeLessThan(lines.indexOf('존경하는 시진핑 주석님께'));
    expect(normalise(docxText(docxParts(docxOf('ko'))['word/document.xml']!), 'ko')).toContain(
      normalise('수신: 중화인민공화국 주석 시진핑 귀하', 'ko'),
    );
    for (const lang of ['en', 'zh']) expect(pdfText(pdfOf(lang))).not.toContain('수신');
  });

  it('zh: body paragraphs indent two characters, the mid-letter re-address stands flush like the salutation', () => {
    if (!toolAvailable('pdftotext')) return;
    const lines = pdfText(pdfOf('zh'), ['-layout']).split('\n');
    const indentOf = (start: string) => {
      const line = lines.find((l) => l.trim().startsWith(start))!;
      expect(line, start).toBeDefined();
      return line.length - line.trimStart().length;
    };
    const margin = indentOf('尊敬的习近平主席：');
    expect(indentOf('习近平主席：')).toBe(margin);
    expect(indentOf('我们怀着急迫的心情')).toBeGreaterThan(margin);
    const xml = docxParts(docxOf('zh'))['word/document.xml']!;
    const vocative = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
      .map((m) => m[0])
      .find((p) => p.includes('>习近平主席：<'))!;
    expect(vocative).toContain('<w:ind w:firstLine="0" w:firstLineChars="0"/>');
  });

  it.each(LANGS)('%s DOCX converts in LibreOffice, and its PDF holds the letter', (lang) => {
    if (!toolAvailable('soffice') || !toolAvailable('pdftotext')) return;
    const dir = tempDir('letter-lo-');
    const pdf = docxToPdf(docxOf(lang), dir);
    // The text above the footer (A4, 72 pt margins): the page labels of a paragraph that runs on would split it.
    const text = normalise(pdfText(pdf, ['-x', '0', '-y', '0', '-W', '595', '-H', '790']), lang);
    for (const [key, value] of Object.entries(localeStrings(lang))) {
      expect(text, `${lang} key ${key}`).toContain(normalise(plain(value), lang));
    }
  });
});

describe('bad input through the CLI', () => {
  it('a YAML syntax error gives exit 2, letter.yaml:LINE:COL, and writes nothing', () => {
    const dir = tempDir('letter-bad-yaml-');
    cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/dist') });
    writeFileSync(
      join(dir, 'letter.yaml'),
      'template: open-letter\ndate: 2023-12-10\nto:\n  - id: cn\n    name: { en: Xi\ntitle: title\n',
    );
    const outDir = join(dir, 'out');
    const r = letterCli(['build', dir, '--out', outDir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/letter\.yaml:\d+:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outDir)).toBe(false);
  });

  it('`letter build --lang zh --format pdf` writes the one Chinese PDF', () => {
    const outDir = tempDir('letter-cli-');
    const r = letterCli(['build', EXAMPLE, '--lang', 'zh', '--format', 'pdf', '--out', outDir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(outDir, 'cn'))).toEqual(['open-letter-2023.zh.pdf']);
  });
});
