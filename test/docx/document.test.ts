/** The example letter's DOCX, read back from its bytes: text, fonts and languages per run, named styles. */

import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterDoc } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import {
  attr,
  exampleLetter,
  expectedParagraphs,
  fonts,
  LANGS,
  paragraphTexts,
  part,
  runs,
  taggedFamily,
  type ExampleLang,
} from './helpers.js';

const LOCALE = { en: 'en-US', ko: 'ko-KR', zh: 'zh-CN' } as const;
const CJK = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]/u;

const rendered = new Map<ExampleLang, { doc: LetterDoc; bytes: Uint8Array }>();
beforeAll(async () => {
  for (const lang of LANGS) {
    const doc = exampleLetter(lang);
    rendered.set(lang, { doc, bytes: (await renderDocx(doc, { fonts })).bytes });
  }
});

/**
 * w:lang's eastAsia is the language of a run's East Asian text: the letter's own in a Korean or Chinese letter; in an
 * English one, the language of the face drawing it (the Chinese title in the English example is zh-CN, not en-US).
 */
function eastAsianLanguage(lang: ExampleLang, text: string): string {
  if (lang !== 'en') return LOCALE[lang];
  if (/\p{Script=Hangul}/u.test(text)) return 'ko-KR';
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : LOCALE[lang];
}

describe.each(LANGS)('the %s example letter', (lang) => {
  const get = () => rendered.get(lang)!;

  it('holds every paragraph of the letter, exactly and in order', () => {
    const texts = paragraphTexts(part(get().bytes, 'word/document.xml')).filter((t) => t !== '');
    expect(texts).toEqual(expectedParagraphs(get().doc));
  });

  it('names the East Asian face and language on every run with CJK text', () => {
    const cjkRuns = runs(part(get().bytes, 'word/document.xml')).filter((r) => CJK.test(r.text));
    if (lang !== 'en') expect(cjkRuns.length).toBeGreaterThan(20);
    for (const run of cjkRuns) {
      const first = [...run.text].find((c) => CJK.test(c))!;
      const family = fonts.face(fonts.faceFor(first.codePointAt(0)!, lang)!).family;
      expect(taggedFamily(attr(run.rPr, 'w:rFonts', 'w:eastAsia')), run.text).toBe(family);
      expect(attr(run.rPr, 'w:lang', 'w:eastAsia'), run.text).toBe(eastAsianLanguage(lang, run.text));
    }
    if (lang === 'ko')
      expect(
        cjkRuns
          .filter((r) => /[가-힣]/.test(r.text))
          .every((r) => taggedFamily(attr(r.rPr, 'w:rFonts', 'w:eastAsia')) === 'Noto Serif KR'),
      ).toBe(true);
    if (lang === 'zh')
      expect(
        cjkRuns.every((r) => taggedFamily(attr(r.rPr, 'w:rFonts', 'w:eastAsia')) === 'Noto Serif SC'),
      ).toBe(true);
  });

  it('gives every text run its fonts and languages', () => {
    const latin = fonts.face(fonts.faceFor(0x61, lang)!).family;
    for (const run of runs(part(get().bytes, 'word/document.xml')).filter((r) => r.text !== '')) {
      expect(taggedFamily(attr(run.rPr, 'w:rFonts', 'w:ascii')), run.text).toBe(latin);
      expect(taggedFamily(attr(run.rPr, 'w:rFonts', 'w:hAnsi')), run.text).toBe(latin);
      expect(attr(run.rPr, 'w:lang', 'w:val'), run.text).toBe('en-US');
      expect(attr(run.rPr, 'w:lang', 'w:eastAsia'), run.text).toBe(eastAsianLanguage(lang, run.text));
    }
  });

  it('uses named paragraph styles that styles.xml defines, and no direct alignment or indent', () => {
    const documentXml = part(get().bytes, 'word/document.xml');
    const stylesXml = part(get().bytes, 'word/styles.xml');
    const paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    for (const p of paragraphs) {
      const style = attr(p, 'w:pStyle', 'w:val');
      expect(style, p.slice(0, 200)).not.toBe('');
      expect(stylesXml).toContain(`w:styleId="${style}"`);
      expect(p).not.toMatch(/<w:jc |<w:ind /);
    }
    for (const name of [
      'Letter Title',
      'Letter Subtitle',
      'Salutation',
      'Body Text',
      'Block Quote',
      'Closing',
      'Signature',
      'heading 1',
      'heading 2',
    ]) {
      expect(stylesXml).toContain(`<w:name w:val="${name}"/>`);
    }
    const styleIds = new Set(paragraphs.map((p) => attr(p, 'w:pStyle', 'w:val')));
    expect(styleIds).toEqual(
      new Set([
        'LetterTitle',
        'LetterSubtitle',
        'Salutation',
        'BodyText',
        'BlockQuote',
        'Closing',
        'Signature',
        'SignatureLine',
        'LetterDate',
      ]),
    );
  });

  it('sets the document default languages and East Asian line breaking in styles.xml', () => {
    const stylesXml = part(get().bytes, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(stylesXml)![0];
    expect(attr(defaults, 'w:lang', 'w:eastAsia')).toBe(LOCALE[lang]);
    expect(defaults).toContain('<w:kinsoku w:val="1"/>');
    expect(defaults).toContain('<w:wordWrap w:val="1"/>');
    expect(attr(part(get().bytes, 'word/settings.xml'), 'w:themeFontLang', 'w:eastAsia')).toBe(LOCALE[lang]);
  });

  it('folds the template’s alignment and indent into the part styles', () => {
    const stylesXml = part(get().bytes, 'word/styles.xml');
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(stylesXml)![0];
    expect(attr(style('LetterTitle'), 'w:jc', 'w:val')).toBe('center');
    expect(attr(style('BodyText'), 'w:jc', 'w:val')).toBe('both');
    // zh indents the first line two characters (SPEC §6); Word reads w:firstLineChars, LibreOffice w:firstLine.
    expect(attr(style('BodyText'), 'w:ind', 'w:firstLineChars')).toBe(lang === 'zh' ? '200' : '');
    // The close keeps with the signatures, and each signature block stays on one page.
    expect(style('Closing')).toContain('<w:keepNext w:val="1"/>');
    expect(style('Signature')).toContain('<w:keepLines w:val="1"/>');
  });

  it('writes metadata from the model, dated by doc.meta.created', () => {
    const core = part(get().bytes, 'docProps/core.xml');
    const { meta } = get().doc;
    expect(core).toContain(`<dc:title>${meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${meta.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${meta.subject}</dc:subject>`);
    expect(core).toContain('<cp:keywords>open letter, North Korea</cp:keywords>');
    expect(core).toContain(`<dc:language>${LOCALE[lang]}</dc:language>`);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2023-12-10T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-12-10T00:00:00Z</dcterms:modified>',
    );
  });

  it('puts the signature image in with its alt text', () => {
    const documentXml = part(get().bytes, 'word/document.xml');
    expect(attr(documentXml, 'wp:docPr', 'descr')).toMatch(/^Signature of /);
    expect(part(get().bytes, 'word/_rels/document.xml.rels')).toMatch(/Target="media\/[^"]+\.png"/);
  });

  it('numbers continuation pages in the footer with PAGE (and NUMPAGES) fields, and leaves the first page bare', () => {
    const documentXml = part(get().bytes, 'word/document.xml');
    expect(documentXml).toContain('<w:titlePg/>');
    const footers = [part(get().bytes, 'word/footer1.xml'), part(get().bytes, 'word/footer2.xml')];
    const numbered = footers.find((f) => f.includes('PAGE'))!;
    expect(numbered).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    if (get().doc.pageLabel.includes('{pages}'))
      expect(numbered).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(attr(documentXml, 'w:pgSz', 'w:w')).toBe('11906'); // A4
  });
});
