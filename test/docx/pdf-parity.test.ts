/** Where the DOCX follows what the PDF typesets: quote italics per language, no italics from a face that has none,
 *  page 1's number on a letter longer than one page, and no automatic gap between East Asian text and digits. */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, LetterDoc } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { typesetLetter } from '../../src/typeset/index.js';
import { toolAvailable } from '../support/tools.js';
import {
  exampleLetter,
  fonts,
  LANGS,
  libreOfficePdfs,
  part,
  pdfText,
  runs,
  text,
  type ExampleLang,
} from './helpers.js';

const styleXml = (bytes: Uint8Array, id: string): string =>
  new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(part(bytes, 'word/styles.xml'))![0];
const UPRIGHT = '<w:i w:val="false"/>';
const HAN_OR_HANGUL = /[\p{Script=Hangul}\p{Script=Han}]/u;

describe('quotes, italic as in the PDF', () => {
  const bytes = new Map<ExampleLang, Uint8Array>();
  beforeAll(async () => {
    for (const lang of LANGS) bytes.set(lang, (await renderDocx(exampleLetter(lang), { fonts })).bytes);
  });

  it.each(LANGS)(
    '%s: Block Quote is italic only in a Latin-script letter; its attribution is upright',
    (lang) => {
      const quote = styleXml(bytes.get(lang)!, 'BlockQuote');
      if (lang === 'en') expect(quote).toContain('<w:i/><w:iCs/>');
      else expect(quote).not.toMatch(/<w:i\b/);
      expect(styleXml(bytes.get(lang)!, 'QuoteAttribution')).toContain('<w:i w:val="0"/><w:iCs w:val="0"/>');
    },
  );
});

describe('italics only from faces that have them', () => {
  const t = (lang: string) => (value: string) => text(value, 'extra', lang);
  const italicBody = (lang: ExampleLang, emphasised: string, quoted: string): Block[] => [
    {
      type: 'paragraph',
      inlines: [t(lang)('— '), { type: 'emphasis', children: [t(lang)(emphasised)] }, t(lang)(' —')],
    },
    { type: 'quote', blocks: [{ type: 'paragraph', inlines: [t(lang)(quoted)] }] },
  ];
  const rendered = new Map<ExampleLang, string>();
  beforeAll(async () => {
    const bodies: Record<ExampleLang, Block[]> = {
      en: italicBody('en', 'human rights (인권, 人权) for all', 'Our mothers said 어머니 to us'),
      ko: italicBody('ko', '기울임 italic', '어머니 said'),
      zh: italicBody('zh', '斜体 italic', '母亲 said'),
    };
    for (const lang of LANGS)
      rendered.set(
        lang,
        part((await renderDocx(exampleLetter(lang, bodies[lang]), { fonts })).bytes, 'word/document.xml'),
      );
  });

  it('English: Latin words keep their italics, Hangul and Han inside them are set upright, in runs of their own', () => {
    const all = runs(rendered.get('en')!);
    const emphasised = all.filter((r) => r.rPr.includes('<w:rStyle w:val="Emphasis"/>'));
    expect(emphasised.map((r) => r.text).join('')).toBe('human rights (인권, 人权) for all');
    for (const run of emphasised) {
      // A run is either all East Asian (upright) or all Latin (italic): w:i covers every slot of a run.
      const cjk = HAN_OR_HANGUL.test(run.text);
      expect(cjk && /[A-Za-z]/.test(run.text), run.text).toBe(false);
      if (cjk) expect(run.rPr, run.text).toContain(UPRIGHT);
      else expect(run.rPr, run.text).not.toContain(UPRIGHT);
    }
    expect(emphasised.find((r) => r.text.includes('인권'))).toBeDefined();
    // In the quote, italic by its style, the Hangul word is upright and the English around it is not.
    const quoteRuns = runs(
      /<w:p>(?:(?!<\/w:p>)[\s\S])*?w:val="BlockQuote"[\s\S]*?<\/w:p>/.exec(rendered.get('en')!)![0],
    );
    expect(quoteRuns.map((r) => r.text).join('')).toBe('Our mothers said 어머니 to us');
    for (const run of quoteRuns)
      expect(run.rPr.includes(UPRIGHT), run.text).toBe(HAN_OR_HANGUL.test(run.text));
  });

  it.each([
    ['ko', 'dot', 'over'],
    ['zh', 'underDot', 'under'],
  ] as const)(
    '%s: emphasis drawn from the CJK face keeps its mark, as emphasis dots in both (DOCX w:em="%s", PDF dots %s)',
    async (lang, em, position) => {
      const emphasised = runs(rendered.get(lang)!).filter((r) =>
        r.rPr.includes('<w:rStyle w:val="Emphasis"/>'),
      );
      for (const run of emphasised) expect(run.rPr, run.text).toContain(`<w:em w:val="${em}"/>`);
      // The PDF of the same letter: the emphasised text carries dots over/under each letter, nothing else does.
      const items = typesetLetter(
        exampleLetter(
          lang,
          lang === 'ko'
            ? italicBody(lang, '기울임 italic', '어머니 said')
            : italicBody(lang, '斜体 italic', '母亲 said'),
        ),
        { fonts },
      )
        .pages.flatMap((p) => p.items)
        .filter((item) => item.kind === 'text');
      const dotted = items.filter((item) => item.kind === 'text' && item.emphasisDots);
      expect(dotted.map((item) => (item.kind === 'text' ? item.text : '')).join('')).toBe(
        lang === 'ko' ? '기울임 italic' : '斜体 italic',
      );
      for (const item of dotted) {
        if (item.kind !== 'text') continue;
        expect(item.emphasisDots!.position).toBe(position);
        expect(item.emphasisDots!.centers).toHaveLength(
          [...item.text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length,
        );
        for (const c of item.emphasisDots!.centers)
          expect(c).toBeGreaterThan(0), expect(c).toBeLessThan(item.width);
      }
    },
  );

  it('English: italic emphasis needs no dots, and a quote italic by its style is not emphasis', () => {
    // Only the Hangul and Han inside the emphasis, set upright from their own faces, are marked: 인권 over, 人权 under.
    const marked = runs(rendered.get('en')!).filter((run) => run.rPr.includes('<w:em '));
    expect(marked.map((run) => `${run.text}:${/<w:em w:val="(\w+)"/.exec(run.rPr)![1]}`)).toEqual([
      '인권:dot',
      '人权:underDot',
    ]);
    const items = typesetLetter(
      exampleLetter(
        'en',
        italicBody('en', 'human rights (인권, 人权) for all', 'Our mothers said 어머니 to us'),
      ),
      { fonts },
    ).pages.flatMap((p) => p.items);
    // Hangul and Han inside English emphasis are set upright from their own faces, and marked with dots there.
    const dotted = items.flatMap((item) => (item.kind === 'text' && item.emphasisDots ? [item.text] : []));
    expect(dotted.join('')).toBe('인권人权');
  });

  it.each(['ko', 'zh'] as const)(
    '%s: emphasis drawn from the CJK face (Latin letters included) is upright, as in the PDF',
    (lang) => {
      const emphasised = runs(rendered.get(lang)!).filter((r) =>
        r.rPr.includes('<w:rStyle w:val="Emphasis"/>'),
      );
      expect(emphasised.length).toBeGreaterThan(0);
      for (const run of emphasised) expect(run.rPr, run.text).toContain(UPRIGHT);
    },
  );
});

describe('page numbers', () => {
  it('numbers every page, page 1 included, when the letter typesets to more than one page', async () => {
    const bytes = (await renderDocx(exampleLetter('ko'), { fonts, typesetPages: 3 })).bytes;
    const documentXml = part(bytes, 'word/document.xml');
    expect(documentXml).not.toContain('<w:titlePg/>');
    expect([...documentXml.matchAll(/<w:footerReference w:type="(\w+)"/g)].map((m) => m[1])).toEqual([
      'default',
    ]);
    const footer = part(bytes, 'word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });

  it.each([1, undefined])(
    'leaves page 1 bare when the letter typesets to %s page(s)',
    async (typesetPages) => {
      const bytes = (
        await renderDocx(exampleLetter('ko'), { fonts, ...(typesetPages ? { typesetPages } : {}) })
      ).bytes;
      expect(part(bytes, 'word/document.xml')).toContain('<w:titlePg/>');
    },
  );
});

describe('East Asian auto-spacing', () => {
  it.each(LANGS)(
    '%s: w:autoSpaceDE and w:autoSpaceDN are off in the paragraph defaults and in Normal',
    async (lang) => {
      const styles = part((await renderDocx(exampleLetter(lang), { fonts })).bytes, 'word/styles.xml');
      const pPrDefault = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)![0];
      const normal = /<w:style [^>]*w:styleId="Normal">[\s\S]*?<\/w:style>/.exec(styles)![0];
      for (const xml of [pPrDefault, normal]) {
        expect(xml).toContain('<w:autoSpaceDE w:val="0"/>');
        expect(xml).toContain('<w:autoSpaceDN w:val="0"/>');
      }
    },
  );
});

const canRun = toolAvailable('soffice') && toolAvailable('pdftotext');

describe.skipIf(!canRun)('LibreOffice reading a letter of several pages', () => {
  let doc: LetterDoc;
  let pdf: string;
  beforeAll(async () => {
    doc = exampleLetter('ko');
    const typesetPages = typesetLetter(doc, { fonts }).pages.length;
    expect(typesetPages).toBeGreaterThan(1);
    pdf = libreOfficePdfs({ ko: (await renderDocx(doc, { fonts, typesetPages })).bytes })['ko']!;
  }, 180_000);

  it('shows the page label on page 1, with the page count, as the PDF does', () => {
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    const squash = (s: string) => s.replace(/\s+/g, '');
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(
        squash(doc.pageLabel.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length))),
      );
    });
  });
});

describe('e-mail addresses and links look the same in both', () => {
  it.each(LANGS)('%s: a signatory’s e-mail is plain text in the DOCX, as in the PDF', async (lang) => {
    const doc = exampleLetter(lang);
    const emails = doc.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.type === 'signature' && b.email ? [b.email] : []));
    expect(emails.length).toBeGreaterThan(0);
    const documentXml = part((await renderDocx(doc, { fonts })).bytes, 'word/document.xml');
    const pdfItems = typesetLetter(doc, { fonts }).pages.flatMap((p) => p.items);
    for (const email of emails) {
      const paragraph = [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
        .map((m) => m[0])
        .find((p) => p.includes(email))!;
      expect(paragraph).not.toContain('<w:hyperlink');
      expect(paragraph).not.toContain('Hyperlink');
      const drawn = pdfItems.filter((item) => item.kind === 'text' && item.text.includes(email));
      expect(drawn.length, email).toBeGreaterThan(0);
      for (const item of drawn) expect(item.kind === 'text' && item.link, email).toBeFalsy();
    }
  });

  it('a link in the text is drawn like the text around it, as the PDF draws it (no colour, no underline)', async () => {
    const styles = part((await renderDocx(exampleLetter('en'), { fonts })).bytes, 'word/styles.xml');
    const hyperlink = /<w:style [^>]*w:styleId="Hyperlink">[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(hyperlink).not.toMatch(/<w:color |<w:u /);
  });
});
