/** Templates as SPEC §6 has them: a project's partial overrides by language, its own template, data escaped for Markdown. */

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';
import { docxParts, docxText, normalise } from '../support/text.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

function project(): string {
  const dir = tempDir('letter-tpl-');
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

/** Replaces one piece of the project's letter.yaml. */
function editLetter(dir: string, from: string, to: string): void {
  writeFileSync(join(dir, 'letter.yaml'), readFileSync(join(dir, 'letter.yaml'), 'utf8').replace(from, to));
}

/** The example with one letter.yaml edit, built to PDF in every language: the PDFs' text, normalised per language. */
async function builtWith(from: string, to: string): Promise<(lang: string) => string> {
  const dir = project();
  editLetter(dir, from, to);
  const out = join(dir, 'dist');
  const result = await build({ dir, out, formats: ['pdf'] });
  expect(result.errors).toEqual([]);
  return (lang) => normalise(pdfText(join(out, 'cn', `open-letter-2023.${lang}.pdf`)), lang);
}

describe('project templates', () => {
  it('templates/closing.zh.hbs overrides the Chinese close and leaves the other languages alone', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = project();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(
      join(dir, 'templates', 'closing.zh.hbs'),
      ':::close\n此致敬礼（本会专用格式）\n:::\n\n:::signatures{align=end}\n{{#each signatories}}\n::signature{index="{{index}}"}\n{{/each}}\n:::\n',
    );
    const out = join(dir, 'dist');
    const result = await build({ dir, out, formats: ['pdf'], langs: ['zh', 'en'] });
    expect(result.errors).toEqual([]);
    expect(pdfText(join(out, 'cn', 'open-letter-2023.zh.pdf'))).toContain('此致敬礼（本会专用格式）');
    expect(pdfText(join(out, 'cn', 'open-letter-2023.en.pdf'))).not.toContain('本会专用格式');
  });

  it("a template of the project's own (template: ./templates/x.hbs) draws the letter", async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = project();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(
      join(dir, 'templates', 'brief.hbs'),
      ':::title{align=center}\n{{title}}\n:::\n\n:::salutation\n{{recipient.salutation}}\n:::\n\n:::body\n{{> body}}\n:::\n\n{{> closing}}\n',
    );
    editLetter(dir, 'template: open-letter', 'template: ./templates/brief.hbs');
    const out = join(dir, 'dist');
    const result = await build({ dir, out, formats: ['pdf'], langs: ['en'] });
    expect(result.errors).toEqual([]);
    const text = pdfText(join(out, 'cn', 'open-letter-2023.en.pdf'));
    expect(text).toContain('Dear President Xi,');
    expect(text).not.toContain('December 10, 2023');
  });

  it('names with Markdown characters stay literal in PDF and DOCX', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = project();
    const odd = 'Xi *Jin* _ping_ [1](x) `c` <b>';
    editLetter(
      dir,
      'name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }',
      `name: { en: "${odd}", ko: 시진핑, zh: 习近平 }`,
    );
    const out = join(dir, 'dist');
    const result = await build({ dir, out, langs: ['en'] });
    expect(result.errors).toEqual([]);
    expect(pdfText(join(out, 'cn', 'open-letter-2023.en.pdf')).replace(/\s+/g, ' ')).toContain(odd);
    expect(docxText(docxParts(join(out, 'cn', 'open-letter-2023.en.docx'))['word/document.xml']!)).toContain(
      odd,
    );
  });

  it("enclosures and cc stand in each language's form and place (ko: 참조 under 수신); a cc id becomes its office title", async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = project();
    editLetter(
      dir,
      'close: closing',
      'close: closing\nenclosures: [annex1]\ncc: [kr, { en: Amnesty International, ko: 국제앰네스티, zh: 国际特赦组织 }]',
    );
    const annex = {
      en: 'Report of the Commission of Inquiry',
      ko: '조사위원회 보고서',
      zh: '调查委员会报告',
    };
    for (const lang of ['en', 'ko', 'zh'] as const) {
      const file = join(dir, 'locales', lang, 'letter.json');
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), annex1: annex[lang] }));
    }
    const out = join(dir, 'dist');
    const result = await build({ dir, out, formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    const text = (lang: string) => pdfText(join(out, 'cn', `open-letter-2023.${lang}.pdf`));
    expect(text('en')).toMatch(
      /Enclosures:\s+1\. Report of the Commission of Inquiry[\s\S]*cc: President of the Republic of Korea; Amnesty International/,
    );
    // Korean heads the letter with 수신 and 참조 (official correspondence); the cc is not repeated at the end.
    expect(text('ko')).toMatch(
      /수신: [^\n]+\n참조: 대한민국 대통령, 국제앰네스티[\s\S]*붙임\s+1\. 조사위원회 보고서/,
    );
    expect(text('ko').match(/참조:/g)).toHaveLength(1);
    expect(text('zh')).toMatch(/附件：\s+1\. 调查委员会报告[\s\S]*抄送：大韩民国总统、国际特赦组织/);
  });

  it('a recipient also named in cc keeps its own name and delivery address', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = project();
    const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8')
      .replace('to:\n  - id: cn', 'to:\n  - id: kr\n  - id: cn')
      .replace('close: closing', 'close: closing\ncc: [cn]');
    writeFileSync(join(dir, 'letter.yaml'), yaml);
    const out = join(dir, 'dist');
    const result = await build({ dir, out, formats: ['pdf'], langs: ['en'] });
    expect(result.errors).toEqual([]);
    const text = pdfText(join(out, 'cn', 'open-letter-2023.en.pdf'));
    expect(text).toContain('H.E. Xi Jinping'); // one form for every Excellency in a batch (issue 14)
    expect(text).toContain('c/o Consulate General of the People');
    expect(pdfText(join(out, 'kr', 'open-letter-2023.en.pdf'))).toMatch(
      /cc: President of the People.s Republic of China/,
    );
  });
  it("a project recipient in cc is shown with its name, in each language's order (recipients.yaml xi)", async () => {
    if (!toolAvailable('pdftotext')) return;
    const text = await builtWith('close: closing', 'close: closing\ncc: [xi, kr]');
    expect(text('en')).toContain(
      "cc: Xi Jinping, President of the People's Republic of China; President of the Republic of Korea",
    );
    expect(text('ko')).toContain('참조:중화인민공화국주석시진핑,대한민국대통령');
    expect(text('zh')).toContain('抄送：中华人民共和国主席习近平、大韩民国总统');
  });

  it("the formal subject line joins title and subtitle with the language's colon: full-width in Chinese", async () => {
    if (!toolAvailable('pdftotext')) return;
    const text = await builtWith('template: open-letter', 'template: formal');
    expect(text('zh')).toContain('敦促停止强制遣返朝鲜难民：请停止强制遣返朝鲜难民！');
    expect(text('zh')).not.toMatch(/[\u4e00-\u9fff]:/);
    expect(text('ko')).toContain('강제송환의중단을촉구하며:탈북난민의강제송환을');
    expect(text('en')).toContain(
      'forced return of North Korean refugees: Please stop the forced repatriation',
    );
  });
});
