/** The DOCX signature blocks in the PDF's order (SPEC §7): image, organisation, person, title, e-mail, for each signatory. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { writeShortLocales } from '../support/example.js';
import { signaturePng } from '../support/png.js';
import { docxParts } from '../support/text.js';
import { run, tempDir, toolAvailable } from '../support/tools.js';
import { paragraphTexts } from './helpers.js';

const LANGS = ['en', 'ko', 'zh'] as const;
type Lang = (typeof LANGS)[number];
const IMAGE = '[image]';

/** Each signatory's lines as the letter gives them, per language; the second one's person is not localized. */
const SIGNATORIES: Record<Lang, string[][]> = {
  en: [
    ['Crossing NK', 'Jane Doe', 'Chair', 'one@example.org'],
    ['Free Korea Forum', 'Kim Min-su', 'Director', 'two@example.org'],
  ],
  ko: [
    ['크로싱 엔케이', '제인 도', '대표', 'one@example.org'],
    ['자유한국포럼', 'Kim Min-su', 'Director', 'two@example.org'],
  ],
  zh: [
    ['穿越朝鲜', '简·多伊', '主席', 'one@example.org'],
    ['自由韩国论坛', 'Kim Min-su', 'Director', 'two@example.org'],
  ],
};

function project(): string {
  const dir = tempDir('letter-sigorder-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'one.png'), signaturePng());
  writeFileSync(join(dir, 'assets', 'two.png'), signaturePng());
  const loc = (i: number, j: number) =>
    `{ ${LANGS.map((l) => `${l}: "${SIGNATORIES[l][i]![j]}"`).join(', ')} }`;
  writeFileSync(
    join(dir, 'letter.yaml'),
    [
      'template: formal',
      'date: 2026-11-01',
      'slug: order',
      'to: [kr]',
      'title: title',
      'body: [{ p: body }]',
      'signatories:',
      `  - org: ${loc(0, 0)}`,
      `    person: { name: ${loc(0, 1)}, title: ${loc(0, 2)} }`,
      '    email: one@example.org',
      '    signature: assets/one.png',
      `  - org: ${loc(1, 0)}`,
      '    person: { name: Kim Min-su, title: Director }',
      '    email: two@example.org',
      '    signature: assets/two.png',
      '',
    ].join('\n'),
  );
  writeShortLocales(dir);
  return dir;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The signature lines and images of the PDF's signatures page, top to bottom: text lines from pdftotext, images from the tagged Figures' boxes. */
function pdfOrder(file: string, wanted: ReadonlySet<string>): string[] {
  const layout = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']).stdout;
  const pages = [...layout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  const page = pages.find((p) => p[3]!.includes('one@example.org'))!;
  const height = Number(page[2]);
  const items: { y: number; label: string }[] = [];
  for (const [, yMin, inner] of page[3]!.matchAll(
    /<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g,
  )) {
    const line = [...inner!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
    if (wanted.has(squash(line))) items.push({ y: Number(yMin), label: squash(line) });
  }
  // The Figure's /BBox is in PDF space (origin bottom left); its top edge, measured from the top, orders it among the lines.
  const struct = run('pdfinfo', ['-struct', file]).stdout;
  for (const [, top] of struct.matchAll(/Figure:[\s\S]*?\/BBox \[[\d.]+ [\d.]+ [\d.]+ ([\d.]+)\]/g))
    items.push({ y: height - Number(top), label: IMAGE });
  return items.sort((a, b) => a.y - b.y).map((i) => i.label);
}

/** The signature paragraphs of word/document.xml in order; a paragraph holding a drawing is an image. */
function docxOrder(file: string, wanted: ReadonlySet<string>): string[] {
  const xml = docxParts(file)['word/document.xml']!;
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p);
  const texts = paragraphTexts(xml);
  return paragraphs.flatMap((p, i) =>
    p.includes('<w:drawing>') ? [IMAGE] : wanted.has(squash(texts[i]!)) ? [squash(texts[i]!)] : [],
  );
}

describe('signature blocks with a person, a title and an image', () => {
  const out = tempDir('letter-sigorder-out-');
  beforeAll(async () => {
    const result = await build({ dir: project(), out });
    expect(result.errors).toEqual([]);
    expect(result.outputs).toHaveLength(LANGS.length * 2);
  });

  it.each(LANGS)(
    "%s: the DOCX has the PDF's order, image above organisation, person, title, e-mail",
    (lang) => {
      if (!toolAvailable('pdftotext') || !toolAvailable('pdfinfo')) return;
      const wanted = new Set(SIGNATORIES[lang].flat().map(squash));
      const expected = SIGNATORIES[lang].flatMap((lines) => [IMAGE, ...lines.map(squash)]);
      const pdf = pdfOrder(join(out, 'kr', `order.${lang}.pdf`), wanted);
      const docx = docxOrder(join(out, 'kr', `order.${lang}.docx`), wanted);
      expect(pdf).toEqual(expected);
      expect(docx).toEqual(pdf);
    },
  );

  it.each(LANGS)('%s: the organisation is strong in the DOCX, as it is bold in the PDF', (lang) => {
    const xml = docxParts(join(out, 'kr', `order.${lang}.docx`))['word/document.xml']!;
    const org = SIGNATORIES[lang][0]![0]!;
    const run = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find(([r]) => r.includes(`>${org}<`))!;
    expect(run[1]).toMatch(/<w:rStyle w:val="Strong"\/>/);
  });
});
