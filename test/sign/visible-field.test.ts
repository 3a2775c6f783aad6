/**
 * The visible signature field of a signed one-page letter: labelled in the letter's language, naming the certificate's
 * CN and the signing time at a legible size, inside the signing signatory's block, and never adding a page.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { tempDir, toolAvailable } from '../support/tools.js';

const ONE_PAGE = join(import.meta.dirname, '..', '..', 'examples', 'un-letter-2023');
const NOW = new Date('2027-05-05T10:11:12Z');
const LABEL = { en: 'Digitally signed by', ko: '전자서명', zh: '数字签名' } as const;
type Lang = keyof typeof LABEL;

async function buildPdf(lang: Lang, pki?: TestPki): Promise<string> {
  const out = tempDir('letter-field-');
  const sign = pki ? { sign: { p12: pki.p12, password: pki.password } } : {};
  const result = await build({
    dir: ONE_PAGE,
    out,
    langs: [lang],
    formats: ['pdf'],
    env: {},
    now: NOW,
    ...sign,
  });
  expect(result.errors).toEqual([]);
  return join(out, 'un', `un-letter-2023.${lang}.pdf`);
}

const pages = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

/** The signature widget's rectangle (PDF user space, y up) and the font sizes its appearance stream sets. */
function widget(pdf: string): { rect: number[]; page: number; sizes: number[] } {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json', '--json-key=acroform', pdf], { encoding: 'utf8' }),
  ) as {
    acroform: { fields: { fieldtype: string; pageposfrom1: number; annotation: { object: string } }[] };
  };
  const fields = json.acroform.fields.filter((f) => f.fieldtype === '/Sig');
  expect(fields).toHaveLength(1);
  const annot = execFileSync('qpdf', [`--show-object=${fields[0]!.annotation.object.split(' ')[0]}`, pdf], {
    encoding: 'utf8',
  });
  const rect = /\/Rect \[ ([^\]]+) \]/.exec(annot)![1]!.trim().split(/\s+/).map(Number);
  const appearance = /\/AP << \/N (\d+) 0 R >>/.exec(annot)![1]!;
  const stream = execFileSync('qpdf', [`--show-object=${appearance}`, '--filtered-stream-data', pdf], {
    encoding: 'utf8',
  });
  const sizes = [...stream.matchAll(/\/\S+ ([\d.]+) Tf/g)].map((m) => Number(m[1]));
  return { rect, page: fields[0]!.pageposfrom1, sizes };
}

interface TextLine {
  text: string;
  top: number;
  bottom: number;
}

/** The page's text lines with their boxes (pdftotext -bbox-layout: points, y down from the top). */
function textLines(pdf: string): TextLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  return [
    ...xml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
  ].map((m) => ({
    top: Number(m[1]),
    bottom: Number(m[2]),
    text: [...m[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
  }));
}

/** The field, in pdftotext's y-down coordinates, lies under `ownLast` (the signer's e-mail) and above `nextFirst`. */
function expectInsideBlock(pdf: string, ownLast: string, nextFirst: string | undefined): void {
  const { rect } = widget(pdf);
  const pageHeight = 841.89;
  const [top, bottom] = [pageHeight - rect[3]!, pageHeight - rect[1]!];
  const lines = textLines(pdf);
  const own = lines.find((l) => l.text.includes(ownLast));
  expect(own, ownLast).toBeDefined();
  expect(top).toBeGreaterThanOrEqual(own!.bottom);
  expect(top - own!.bottom).toBeLessThan(20);
  if (nextFirst) {
    const next = lines.find((l) => l.text.includes(nextFirst));
    expect(next, nextFirst).toBeDefined();
    expect(bottom).toBeLessThanOrEqual(next!.top);
  }
  // Inside the text frame: A4's 72 pt margins.
  expect(rect[0]).toBeGreaterThanOrEqual(72 - 0.5);
  expect(rect[2]).toBeLessThanOrEqual(595.28 - 72 + 0.5);
}

describe('the visible signature field of a signed one-page letter', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki(tempDir('letter-field-pki-'));
  });

  for (const lang of ['en', 'ko', 'zh'] as const) {
    it(`${lang}: says "${LABEL[lang]}", the CN and the signing time; stays one page; in the first signatory's block; ≥ 7 pt`, async () => {
      if (!toolAvailable('pdftotext') || !toolAvailable('qpdf') || !toolAvailable('pdfinfo')) return;
      const signed = await buildPdf(lang, pki);
      const unsigned = await buildPdf(lang);
      expect(pages(unsigned)).toBe(1);
      expect(pages(signed)).toBe(pages(unsigned));

      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', signed, '-'], { encoding: 'utf8' });
      const field = text.slice(text.indexOf(LABEL[lang]));
      expect(text).toContain(LABEL[lang]);
      expect(field).toContain('Letter Test Signer');
      expect(field).toContain('2027-05-05 10:11 UTC');
      // One signatory signs: the field never lists the organisations.
      expect(field.split('\n').slice(0, 3).join(' ')).not.toMatch(/Crossing NK|;/);

      const { sizes, page } = widget(signed);
      expect(page).toBe(1);
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(7);
      expectInsideBlock(signed, 'canadanorthkorean@gmail.com', 'Crossing NK');
    });
  }

  it("goes in the block of the signatory the certificate's organisation names (O=Crossing NK: the second)", async () => {
    if (!toolAvailable('pdftotext') || !toolAvailable('qpdf')) return;
    const crossing = makeTestPki(tempDir('letter-field-pki2-'), {
      signerName: 'Crossing Officer',
      organisation: 'Crossing NK',
    });
    const signed = await buildPdf('en', crossing);
    expectInsideBlock(signed, 'crossingnk@gmail.com', undefined);
    const lines = textLines(signed);
    const { rect } = widget(signed);
    const other = lines.find((l) => l.text.includes('canadanorthkorean@gmail.com'))!;
    expect(841.89 - rect[3]!).toBeGreaterThan(other.bottom);
  });

  it('pdfsig still validates the signature', async () => {
    if (!toolAvailable('pdfsig')) return;
    const signed = await buildPdf('ko', pki);
    const out = execFileSync('pdfsig', ['-nssdir', `sql:${pki.nssDir}`, signed], { encoding: 'utf8' });
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signer Certificate Common Name: Letter Test Signer');
    expect(readFileSync(signed).includes('/SigFlags 3')).toBe(true);
  });

  it("draws with the letter's own faces, in an AcroForm with SigFlags 3 and no NeedAppearances, qpdf --check clean", async () => {
    if (!toolAvailable('pdffonts') || !toolAvailable('qpdf')) return;
    const signed = await buildPdf('ko', pki);
    const unsigned = await buildPdf('ko');
    // The appearance's glyphs join the subsets of the faces the letter embeds: no font of its own (pdfkit's, once).
    const fonts = (pdf: string) =>
      execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts(signed)).toEqual(fonts(unsigned));
    const form = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=acroform', signed], { encoding: 'utf8' }),
    ) as { acroform: { hasacroform: boolean; needappearances: boolean; fields: { fieldtype: string }[] } };
    expect(form.acroform).toMatchObject({ hasacroform: true, needappearances: false });
    expect(form.acroform.fields.map((f) => f.fieldtype)).toEqual(['/Sig']);
    const root = execFileSync('qpdf', ['--show-object=trailer', signed], { encoding: 'utf8' });
    const catalog = execFileSync('qpdf', [`--show-object=${/\/Root (\d+) 0 R/.exec(root)![1]}`, signed], {
      encoding: 'utf8',
    });
    const acroForm = /\/AcroForm (\d+) 0 R/.exec(catalog)![1]!;
    expect(execFileSync('qpdf', [`--show-object=${acroForm}`, signed], { encoding: 'utf8' })).toMatch(
      /\/SigFlags 3/,
    );
    expect(execFileSync('qpdf', ['--check', signed], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors found',
    );
  });
});
