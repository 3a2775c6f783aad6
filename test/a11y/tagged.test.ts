/** Tagged PDF read back with poppler and qpdf: structure in reading order, /Lang per span, artifacts, alt text, outline. */

import { execFileSync } from 'node:child_process';
import { png } from '../support/png.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import type { Block, LetterDoc } from '../../src/model/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import {
  bodyParagraphs,
  exampleLetter,
  pdfText,
  scratch,
  text,
  writePdf,
  type ExampleLang,
} from '../pdf/helpers.js';
import { toolAvailable } from '../support/tools.js';
import {
  catalog,
  deref,
  flatten,
  pdfString,
  qpdfObjects,
  readStructure,
  type ReadNode,
} from './read-back.js';

const fonts = toolFontBook();
const squash = (s: string): string => s.replace(/\s+/gu, '');
const haveTools = toolAvailable('pdfinfo') && toolAvailable('qpdf');

async function rendered(doc: LetterDoc, name: string, dir: string): Promise<string> {
  const { bytes } = await renderPdf(doc, { fonts });
  return writePdf(bytes, dir, name);
}

function spans(tree: ReadNode): ReadNode[] {
  return flatten(tree).filter((n) => n.role === 'Span');
}

describe.skipIf(!haveTools)('tagged PDF of the example letter', () => {
  const dir = scratch();
  const trees = new Map<ExampleLang, ReadNode>();
  const paths = new Map<ExampleLang, string>();

  beforeAll(async () => {
    for (const lang of ['en', 'ko', 'zh'] as const) {
      const path = await rendered(exampleLetter(lang), `example.${lang}.pdf`, dir);
      paths.set(lang, path);
      trees.set(lang, readStructure(path));
    }
  });

  it('is tagged, with the letter language on the catalog and the title shown in the title bar', () => {
    for (const [lang, locale] of [
      ['en', 'en-US'],
      ['ko', 'ko-KR'],
      ['zh', 'zh-CN'],
    ] as const) {
      const path = paths.get(lang)!;
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      const objects = qpdfObjects(path);
      const root = catalog(objects);
      expect(pdfString(root['/Lang'])).toBe(locale);
      expect(deref(objects, root['/MarkInfo'])?.['/Marked']).toBe(true);
      expect(deref(objects, root['/ViewerPreferences'])?.['/DisplayDocTitle']).toBe(true);
    }
  });

  it('has the title as H1 and every body paragraph as a P, in reading order', () => {
    for (const lang of ['en', 'ko', 'zh'] as const) {
      const tree = trees.get(lang)!;
      expect(tree.role).toBe('Document');
      expect(tree.children[0]!.role).toBe('H1');
      // Paragraphs as the reader meets them; the quoted mother's words sit in a BlockQuote.
      const blocks = flatten(tree)
        .filter((n) => n.role === 'P')
        .map((n) => squash(n.text));
      const expected = bodyParagraphs(lang).map(squash);
      const found = expected.map((p) => blocks.indexOf(p));
      expect(found.every((i) => i >= 0)).toBe(true);
      expect([...found].sort((a, b) => a - b)).toEqual(found);
      const quote = tree.children.find((n) => n.role === 'BlockQuote');
      expect(quote?.children.map((n) => n.role)).toEqual(['P']);
    }
  });

  it('marks the Chinese agreement title inside the English letter as zh-CN, and nothing else in it', () => {
    const tree = trees.get('en')!;
    const zh = spans(tree).filter((n) => n.lang === 'zh-CN');
    expect(zh.map((n) => n.text)).toContain('关于在边境地区维护国家安全和社会秩序的工作');
    // The English text around it carries no /Lang of its own: it is in the catalog's language.
    const paragraph = flatten(tree).find((n) => n.role === 'P' && n.text.includes('关于在边境'))!;
    expect(paragraph.lang).toBeUndefined();
    expect(squash(paragraph.text)).toContain(
      squash('Border Areas” (关于在边境地区维护国家安全和社会秩序的工作), signed'),
    );
    expect(spans(tree).every((n) => n.lang === 'zh-CN')).toBe(true);
  });

  it('marks Latin names and e-mail addresses inside the Korean letter as en-US', () => {
    const latin = spans(trees.get('ko')!)
      .filter((n) => n.lang === 'en-US')
      .map((n) => n.text);
    expect(latin).toContain('canadanorthkorean@gmail.com');
    expect(latin).toContain('crossingnk@gmail.com');
    expect(latin).toContain('DPRK COI');
    // Hangul never lands in a Latin span.
    for (const t of latin) expect(t).not.toMatch(/\p{Script=Hangul}/u);
  });

  it('marks the English agreement title inside the Chinese letter as en-US', () => {
    const latin = spans(trees.get('zh')!)
      .filter((n) => n.lang === 'en-US')
      .map((n) => n.text);
    expect(latin.join(' ')).toContain('Agreement on Mutual Cooperation');
    expect(latin.every((t) => !/\p{Script=Han}/u.test(t))).toBe(true);
  });
});

describe.skipIf(!haveTools)('tagged PDF of composed letters', () => {
  const dir = scratch();

  it('gives a :span[…]{lang=…} its own /Lang, whatever its script', async () => {
    const body: Block[] = [
      {
        type: 'paragraph',
        inlines: [
          text('The consul wrote ', 'a', 'en'),
          { type: 'text', value: 'Merci', lang: 'fr' },
          text(' and signed.', 'b', 'en'),
        ],
      },
    ];
    const tree = readStructure(
      await rendered(exampleLetter('en', { bodyOnly: true, body }), 'span.pdf', dir),
    );
    const [p] = tree.children;
    expect(p?.role).toBe('P');
    expect(p?.text).toBe('The consul wrote Merci and signed.');
    expect(p?.children).toMatchObject([{ role: 'Span', lang: 'fr', text: 'Merci' }]);
  });

  it('keeps page numbers out of the structure (artifacts) while they stay on the page', async () => {
    const path = await rendered(exampleLetter('en', { repeat: 2 }), 'long.pdf', dir);
    expect(pdfText(path, 2, true)).toMatch(/- 2 -/);
    const all = flatten(readStructure(path))
      .map((n) => n.text)
      .join('\n');
    expect(all).not.toMatch(/- \d -/);
  });

  it('tags a list as L/LI/Lbl/LBody, a heading one level under the title, and makes a bookmark for it', async () => {
    const body: Block[] = [
      { type: 'heading', level: 1, inlines: [text('Our requests', 'h', 'en')] },
      {
        type: 'list',
        ordered: true,
        items: [
          [{ type: 'paragraph', inlines: [text('Stop the returns.', 'i1', 'en')] }],
          [{ type: 'paragraph', inlines: [text('Let UNHCR in.', 'i2', 'en')] }],
        ],
      },
    ];
    const doc = exampleLetter('en', { body });
    const path = await rendered(doc, 'list.pdf', dir);
    const tree = readStructure(path);
    const heading = tree.children.find((n) => n.role === 'H2');
    expect(heading?.text).toBe('Our requests');
    const list = tree.children.find((n) => n.role === 'L')!;
    expect(list.children.map((li) => li.children.map((c) => `${c.role}:${squash(c.text)}`))).toEqual([
      ['Lbl:1.', 'LBody:Stopthereturns.'],
      ['Lbl:2.', 'LBody:LetUNHCRin.'],
    ]);
    const objects = qpdfObjects(path);
    const outlines = deref(objects, catalog(objects)['/Outlines']);
    expect(pdfString(deref(objects, outlines?.['/First'])?.['/Title'])).toBe('Our requests');
    // A letter without headings has no outline.
    const plain = qpdfObjects(await rendered(exampleLetter('en'), 'plain.pdf', dir));
    expect(catalog(plain)['/Outlines']).toBeUndefined();
  });

  it('gives a signature image a Figure with the alt text from the letter', async () => {
    const doc = exampleLetter('ko');
    const sections = doc.sections.map((s) =>
      s.part !== 'signatures'
        ? s
        : {
            ...s,
            blocks: s.blocks.map((b, i) =>
              b.type === 'signature' && i === 0
                ? {
                    ...b,
                    image: {
                      data: png(60, 20),
                      format: 'png' as const,
                      width: 60,
                      height: 20,
                      alt: '캐나다 탈북인 총연합회 서명',
                    },
                  }
                : b,
            ),
          },
    );
    const tree = readStructure(await rendered({ ...doc, sections }, 'figure.pdf', dir));
    const figures = flatten(tree).filter((n) => n.role === 'Figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.alt).toBe('캐나다 탈북인 총연합회 서명');
    const group = tree.children.find((n) => n.role === 'Div' && n.children.some((c) => c.role === 'Figure'));
    expect(group?.children.map((c) => c.role)).toEqual(['Figure', 'P', 'P']);
  });

  it('identifies itself as PDF/UA-1 in XMP', async () => {
    const path = await rendered(exampleLetter('zh'), 'ua.pdf', dir);
    const xmp = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).not.toContain('pdfaid:part');
  });
});
