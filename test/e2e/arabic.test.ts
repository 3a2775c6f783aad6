/**
 * An Arabic letter end to end (test/fixtures/arabic): set right to left, read back from the PDF as a recipient's
 * office would, by copying text (pdftotext) and by where the lines stand on the page (pdftotext -bbox-layout).
 */

import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { deobfuscate, docxParts } from '../support/text.js';
import { docxToPdf, pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'arabic');
const TEXT = JSON.parse(readFileSync(join(FIXTURE, 'locales', 'ar', 'letter.json'), 'utf8')) as Record<
  string,
  string
>;
const A4_WIDTH = 595.28;
const MARGIN = 72;

/**
 * Text compared as characters in order: poppler marks its own reordering with embedding controls (U+202A–U+202E) and
 * places a space between an Arabic and a Latin word on either side of it, so whitespace is left out of the comparison.
 */
function letters(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, '');
}

/** The page's lines as pdftotext reads them, each with where it stands (the two outputs list lines in one order). */
function placedLines(pdf: string): { text: string; xMin: number; xMax: number }[] {
  const texts = pdfText(pdf)
    .split('\n')
    .map((l) => l.replace(/[\u202a-\u202e\f]/g, ''))
    .filter((l) => l.trim() !== '');
  return placed(pdf, texts);
}

function placed(pdf: string, texts: readonly string[]): { text: string; xMin: number; xMax: number }[] {
  const boxes = [
    ...pdfText(pdf, ['-bbox-layout']).matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g),
  ];
  expect(boxes.length).toBe(texts.length);
  return texts.map((text, i) => ({ text, xMin: Number(boxes[i]![1]), xMax: Number(boxes[i]![2]) }));
}

describe('an Arabic letter', () => {
  let out = '';
  let pdf = '';
  let docx = '';
  beforeAll(async () => {
    out = tempDir('letter-ar-');
    const result = await build({ dir: FIXTURE, out });
    expect(result.errors).toEqual([]);
    pdf = join(out, 'un', 'arabic.ar.pdf');
    docx = join(out, 'un', 'arabic.ar.docx');
  });

  it('copies out in logical order, equal to the locale text (pdftotext)', () => {
    if (!toolAvailable('pdftotext')) return;
    const text = letters(pdfText(pdf));
    for (const key of ['title', 'intro', 'mixed', 'first', 'second', 'quote'])
      expect(text).toContain(letters(TEXT[key]!));
    // The intro breaks over three lines: each is read right to left, and the lines follow each other.
    expect(
      pdfText(pdf)
        .split('\n')
        .filter((l) => /[\u0600-\u06ff]/.test(l)).length,
    ).toBeGreaterThan(8);
  });

  it('reads a Latin name and numbers inside an Arabic sentence in their own direction and place', () => {
    if (!toolAvailable('pdftotext')) return;
    const line = placedLines(pdf).find((l) => l.text.startsWith('قال'))!;
    const order = ['قال', 'António Guterres', 'في عام', '2023', 'إن عدد', '110', 'ملايين', '(تقريبا).'].map(
      (s) => line.text.indexOf(s),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // On the page: the name reads left to right (António at its left), the number is whole, left of في عام.
    const words = [
      ...pdfText(pdf, ['-bbox']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
    const y = words.find((word) => word.text === 'António')!.y;
    const x = (w: string) => words.find((word) => word.text === w && word.y === y)!.x;
    expect(x('António')).toBeLessThan(x('Guterres'));
    expect(x('2023')).toBeLessThan(x('Guterres'));
    expect(x('110')).toBeLessThan(x('2023'));
  });

  it('starts the first line of a paragraph at the right margin and ends the signature block at the left', () => {
    if (!toolAvailable('pdftotext')) return;
    const lines = placedLines(pdf);
    const intro = lines.findIndex((l) => l.text.startsWith('نكتب إليكم'));
    expect(intro).toBeGreaterThan(0);
    expect(lines[intro]!.xMax).toBeCloseTo(A4_WIDTH - MARGIN, 0);
    // Justified: the first line fills the measure; the paragraph's last line stops short at the left.
    expect(lines[intro]!.xMin).toBeCloseTo(MARGIN, 0);
    const last = lines.findIndex((l) => l.text.startsWith('للمساعدة'));
    expect(last).toBeGreaterThan(intro);
    expect(lines[last]!.xMax).toBeCloseTo(A4_WIDTH - MARGIN, 0);
    expect(lines[last]!.xMin).toBeGreaterThan(MARGIN + 50);
    // List items hang from the right: the bullet stands at the right margin, the text in from it.
    const item = lines.find((l) => l.text.includes('احترام مبدأ'))!;
    expect(item.xMax).toBeGreaterThan(A4_WIDTH - MARGIN - 5);
    // The quote is indented from both margins (2 em of the 11 pt body): its first line starts 22 pt in from the right.
    const quote = lines.find((l) => l.text.startsWith('يولد جميع'))!;
    expect(quote.xMax).toBeCloseTo(A4_WIDTH - MARGIN - 22, 0);
    // The signatory's organisation is set at the end of the line: the left margin.
    const org = lines.find((l) => l.text.startsWith('الاتحاد العام'))!;
    expect(org.xMin).toBeCloseTo(MARGIN, 0);
  });

  it('embeds the tool’s Arabic face (pdffonts); joining is checked on the glyphs in test/typeset/bidi.test.ts', () => {
    if (!toolAvailable('pdffonts')) return;
    const fonts = run('pdffonts', [pdf]).stdout;
    expect(fonts).toMatch(/NotoNaskhArabic/);
  });

  it('writes the DOCX right to left: w:bidi paragraphs, w:rtl Arabic runs, the Arabic face in the complex-script slot', () => {
    const xml = docxParts(docx)['word/document.xml']!;
    const body = xml.slice(xml.indexOf('<w:body>'));
    const paragraphs = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(paragraphs.length).toBeGreaterThan(8);
    for (const p of paragraphs) expect(p).toMatch(/<w:bidi\/>/);
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    const arabic = runs.filter((r) => /<w:t[^>]*>[^<]*[\u0600-\u06ff]/.test(r));
    expect(arabic.length).toBeGreaterThan(5);
    for (const r of arabic) {
      expect(r).toMatch(/<w:rtl\/>/);
      expect(r).toMatch(/<w:rFonts [^>]*w:cs="[A-Z]{6}\+Noto Naskh Arabic"/);
      expect(r).toMatch(/<w:lang [^>]*w:bidi="ar-SA"/);
    }
    // The e-mail address is a left-to-right run.
    expect(runs.find((r) => r.includes('canadanorthkorean@gmail.com'))).not.toMatch(/<w:rtl\/>/);
    // The page label of a longer letter reads right to left too.
    const footers = Object.entries(docxParts(docx)).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.some(([, footer]) => /<w:bidi\/>[\s\S]*الصفحة/.test(footer))).toBe(true);
  });

  it('embeds the Arabic face with its joining forms (GSUB): a subset by code points would draw every letter isolated', () => {
    const files = unzipSync(new Uint8Array(readFileSync(docx)));
    const fontTable = new TextDecoder().decode(files['word/fontTable.xml']!);
    const rels = new TextDecoder().decode(files['word/_rels/fontTable.xml.rels']!);
    const naskh = /<w:font w:name="([A-Z]{6}\+Noto Naskh Arabic)">([\s\S]*?)<\/w:font>/.exec(fontTable)!;
    const [, id, key] = /<w:embedRegular r:id="([^"]+)" w:fontKey="\{([^}]+)\}"\/>/.exec(naskh[2]!)!;
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const font = fontkit.create(Buffer.from(deobfuscate(files[`word/${target}`]!, key!))) as fontkit.Font;
    expect(font.familyName).toBe(naskh[1]);
    const joined = font.layout('تين');
    const isolated = [...'تين'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    for (const glyph of joined.glyphs) expect(isolated).not.toContain(glyph.id);
  });

  it('LibreOffice opens the DOCX right to left: the Arabic text at the right margin, the signature block at the left', () => {
    if (!toolAvailable('soffice') || !toolAvailable('pdftotext')) return;
    const converted = docxToPdf(docx, tempDir('letter-ar-lo-'));
    // LibreOffice justifies Arabic with kashidas, and its PDF gives some glyphs (a final ن after a dotless base) no text
    // of their own, so whole paragraphs do not copy out of it exactly: lines without those are compared letter by letter.
    expect(letters(pdfText(converted))).toContain(letters(TEXT['title']!));
    expect(letters(pdfText(converted))).toContain(letters(TEXT['first']!));
    const texts = pdfText(converted)
      .split('\n')
      .map((l) => l.replace(/[\u202a-\u202e\f]/g, ''))
      .filter((l) => l.trim() !== '');
    const lines = placed(converted, texts);
    const intro = lines.find((l) => letters(l.text).startsWith(letters('نكتب إليكم')))!;
    expect(intro.xMax).toBeCloseTo(A4_WIDTH - MARGIN, 0);
    const quote = lines.find((l) => letters(l.text).startsWith(letters('يولد جميع')))!;
    expect(quote.xMax).toBeLessThan(A4_WIDTH - MARGIN - 10);
    expect(quote.xMin).toBeGreaterThan(MARGIN + 100);
    const org = lines.find((l) => letters(l.text).startsWith(letters('الاتحاد العام')))!;
    expect(org.xMin).toBeCloseTo(MARGIN, 0);
  });
});
