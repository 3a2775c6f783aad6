/** Everything the example letter does not use: headings, lists, links, page breaks, other-language spans, Letter
 *  paper, a differently aligned second section, Han characters outside the Korean face. */

import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, LetterDoc } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import {
  attr,
  exampleLetter,
  expectedParagraphs,
  fonts,
  paragraphTexts,
  part,
  parts,
  runs,
  section,
  taggedFamily,
  text,
} from './helpers.js';
import { deobfuscate } from '../support/text.js';

const t = (value: string, textLang?: string) => text(value, 'extra', 'ko', textLang);
const body: Block[] = [
  { type: 'heading', level: 1, inlines: [t('첫째 요청')] },
  {
    type: 'paragraph',
    inlines: [
      t('중화인민공화국(中华人民共和国)이 서명(签署)한 협약, '),
      { type: 'strong', children: [t('굵게 ')] },
      { type: 'emphasis', children: [t('기울임')] },
    ],
  },
  {
    type: 'paragraph',
    inlines: [
      t('중국어 제목: '),
      t('关于难民地位的公约', 'zh'),
      t(' 참조. '),
      { type: 'link', url: 'https://www.ohchr.org/', children: [t('유엔 인권')] },
    ],
  },
  {
    type: 'list',
    ordered: true,
    items: [
      [{ type: 'paragraph', inlines: [t('하나')] }],
      [
        { type: 'paragraph', inlines: [t('둘')] },
        { type: 'list', ordered: false, items: [[{ type: 'paragraph', inlines: [t('안쪽')] }]] },
      ],
    ],
  },
  { type: 'pagebreak' },
  { type: 'heading', level: 2, inlines: [t('둘째 요청')] },
  { type: 'list', ordered: true, items: [[{ type: 'paragraph', inlines: [t('다시 하나')] }]] },
  {
    type: 'quote',
    blocks: [{ type: 'paragraph', inlines: [t('인용문')] }],
    attribution: [t('— 어느 어머니')],
  },
];

function featureLetter(): LetterDoc {
  const base = exampleLetter('ko', body);
  // A second body section the template centres: it differs from the Body Text style, so it is direct formatting.
  const extra = section('body', [{ type: 'paragraph', inlines: [t('가운데 문단')] }], { align: 'center' });
  // An address block: one paragraph with forced line breaks.
  const recipient = section('recipient', [
    {
      type: 'paragraph',
      inlines: [t('주토론토 중국 총영사관'), { type: 'break' }, t('240 St. George Street')],
    },
  ]);
  const sections = base.sections.flatMap((s) =>
    s.part === 'body' ? [s, extra] : s.part === 'salutation' ? [recipient, s] : [s],
  );
  return { ...base, paper: 'Letter', sections };
}

let doc: LetterDoc;
let bytes: Uint8Array;
let documentXml: string;
beforeAll(async () => {
  doc = featureLetter();
  bytes = (await renderDocx(doc, { fonts })).bytes;
  documentXml = part(bytes, 'word/document.xml');
});

const paragraphWith = (needle: string) =>
  [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(needle))!;

describe('a letter with every kind of block', () => {
  it('keeps all text in order', () => {
    expect(paragraphTexts(documentXml).filter(Boolean)).toEqual(expectedParagraphs(doc));
  });

  it('sets 华 and 签 inside Korean text in the Chinese face, still as Korean', () => {
    for (const ch of ['华', '签']) {
      const run = runs(documentXml).find((r) => r.text.includes(ch))!;
      expect(taggedFamily(attr(run.rPr, 'w:rFonts', 'w:eastAsia'))).toBe('Noto Serif SC');
      expect(attr(run.rPr, 'w:lang', 'w:eastAsia')).toBe('ko-KR');
    }
    const hangul = runs(documentXml).find((r) => r.text.startsWith('중화인민공화국'))!;
    expect(taggedFamily(attr(hangul.rPr, 'w:rFonts', 'w:eastAsia'))).toBe('Noto Serif KR');
  });

  it('gives a Chinese span inside Korean its own language and face', () => {
    const run = runs(documentXml).find((r) => r.text === '关于难民地位的公约')!;
    expect(attr(run.rPr, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    expect(taggedFamily(attr(run.rPr, 'w:rFonts', 'w:eastAsia'))).toBe('Noto Serif SC');
  });

  it('marks strong and emphasis with character styles', () => {
    expect(runs(documentXml).find((r) => r.text === '굵게 ')!.rPr).toContain('<w:rStyle w:val="Strong"/>');
    expect(runs(documentXml).find((r) => r.text === '기울임')!.rPr).toContain('<w:rStyle w:val="Emphasis"/>');
  });

  it('writes headings in Heading styles with outline levels', () => {
    expect(attr(paragraphWith('첫째 요청'), 'w:pStyle', 'w:val')).toBe('Heading1');
    expect(attr(paragraphWith('둘째 요청'), 'w:pStyle', 'w:val')).toBe('Heading2');
    expect(part(bytes, 'word/styles.xml')).toMatch(/w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
  });

  it('numbers lists with real numbering, restarting for each list, nesting a level deeper', () => {
    const numId = (needle: string) => attr(paragraphWith(needle), 'w:numId', 'w:val');
    const ilvl = (needle: string) => attr(paragraphWith(needle), 'w:ilvl', 'w:val');
    expect(numId('하나')).not.toBe('');
    expect(numId('둘')).toBe(numId('하나'));
    expect(numId('다시 하나')).not.toBe(numId('하나'));
    expect(ilvl('안쪽')).toBe('1');
    const numbering = part(bytes, 'word/numbering.xml');
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    expect(numbering).toContain('<w:startOverride w:val="1"/>');
  });

  it('turns a page break into w:pageBreakBefore on the next paragraph', () => {
    expect(paragraphWith('둘째 요청')).toContain('<w:pageBreakBefore/>');
    expect(documentXml).not.toContain('w:type="page"');
  });

  it('links with an external relationship and the Hyperlink style', () => {
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(
      paragraphWith('유엔 인권'),
    )!;
    expect(link[2]).toContain('<w:rStyle w:val="Hyperlink"/>');
    const rels = part(bytes, 'word/_rels/document.xml.rels');
    expect(rels).toMatch(
      new RegExp(
        `Id="${link[1]}"[^>]*Target="https://www.ohchr.org/"[^>]*TargetMode="External"|Target="https://www.ohchr.org/"[^>]*Id="${link[1]}"`,
      ),
    );
  });

  it('writes the quote and its attribution in their styles', () => {
    expect(attr(paragraphWith('인용문'), 'w:pStyle', 'w:val')).toBe('BlockQuote');
    expect(attr(paragraphWith('어느 어머니'), 'w:pStyle', 'w:val')).toBe('QuoteAttribution');
  });

  it('aligns a section that differs from its part’s style directly, and only that one', () => {
    expect(attr(paragraphWith('가운데 문단'), 'w:jc', 'w:val')).toBe('center');
    expect(paragraphWith('첫째 요청')).not.toContain('<w:jc ');
  });

  it('keeps an address block’s lines in one Recipient paragraph with line breaks', () => {
    const p = paragraphWith('주토론토');
    expect(attr(p, 'w:pStyle', 'w:val')).toBe('Recipient');
    expect(p).toContain('<w:br/>');
  });

  it('sizes the page from doc.paper', () => {
    expect(attr(documentXml, 'w:pgSz', 'w:w')).toBe('12240');
    expect(attr(documentXml, 'w:pgSz', 'w:h')).toBe('15840');
  });

  it('embeds subsets that hold the document’s characters, in every face and weight used', () => {
    const table = part(bytes, 'word/fontTable.xml');
    const files = parts(bytes);
    const fontsIn = [...table.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)];
    expect(fontsIn.map((m) => taggedFamily(m[1]!))).toEqual(['Noto Serif KR', 'Noto Serif SC']);
    // Word falls back to the real family by w:altName where it does not load the embedded font.
    for (const [, name, inner] of fontsIn)
      expect(inner).toContain(`<w:altName w:val="${taggedFamily(name!)}"/>`);
    const rels = part(bytes, 'word/_rels/fontTable.xml.rels');
    for (const [, name, inner] of fontsIn) {
      for (const [, kind, id, key] of inner!.matchAll(
        /<w:embed(\w+) r:id="([^"]+)" w:fontKey="\{([^}]+)\}"\/>/g,
      )) {
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
        const font = fontkit.create(Buffer.from(deobfuscate(files[`word/${target}`]!, key!))) as fontkit.Font;
        expect(font.familyName).toBe(name);
        expect(font.numGlyphs, `${name} ${kind}`).toBeLessThan(2000);
        if (taggedFamily(name!) === 'Noto Serif SC' && kind === 'Regular')
          for (const ch of '华签关于难民地位的公约')
            expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
        if (taggedFamily(name!) === 'Noto Serif KR' && kind === 'Bold')
          expect(font.hasGlyphForCodePoint('굵'.codePointAt(0)!)).toBe(true);
      }
    }
  });
});
