/**
 * A language added without code changes: a project's locales/fr/letter.json is enough to build French letters, and a
 * project with its own fonts/ and forms of address sets Japanese in a Japanese face.
 */

import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { letterCli, pdfText, run, tempDir, toolAvailable } from '../support/tools.js';
import { docxParts } from '../support/text.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

function withFrench(): string {
  const dir = tempDir('letter-fr-');
  cpSync(EXAMPLE, dir, { recursive: true });
  const en = JSON.parse(readFileSync(join(dir, 'locales', 'en', 'letter.json'), 'utf8')) as Record<
    string,
    string
  >;
  // Each value keeps the English one's placeholders (the recipient's name in the title), as a translation would.
  const placeholders = (value: string) => (value.match(/\{\{[^}]+\}\}/g) ?? []).map((p) => ` ${p}`).join('');
  const fr = Object.fromEntries(
    Object.entries(en).map(([k, v]) => [
      k,
      `Texte français du paragraphe « ${k} », avec des accents : é, è, ç, œ.${placeholders(v)}`,
    ]),
  );
  mkdirSync(join(dir, 'locales', 'fr'));
  writeFileSync(join(dir, 'locales', 'fr', 'letter.json'), JSON.stringify(fr, null, 2));
  writeFileSync(
    join(dir, 'letter.yaml'),
    readFileSync(join(dir, 'letter.yaml'), 'utf8').replace(
      'languages: [en, ko, zh]',
      'languages: [en, ko, zh, fr]',
    ),
  );
  return dir;
}

describe('a fourth language', () => {
  it('builds French PDF and DOCX from locales/fr/letter.json alone, with the date in French', async () => {
    const dir = withFrench();
    const result = await build({ dir, out: join(dir, 'dist'), langs: ['fr'] });
    expect(result.errors).toEqual([]);
    expect(result.outputs.map((o) => o.file)).toEqual([
      'cn/open-letter-2023.fr.pdf',
      'cn/open-letter-2023.fr.docx',
    ]);
    if (!toolAvailable('pdftotext')) return;
    const text = pdfText(join(dir, 'dist', 'cn', 'open-letter-2023.fr.pdf'));
    expect(text).toContain('10 décembre 2023');
    expect(text).toContain('Texte français du paragraphe « intro », avec des accents : é, è, ç, œ.');
  });

  it('addresses the recipient with the tool’s French forms (locales/fr/directory.json), labels and title', async () => {
    const dir = withFrench();
    const checked = await check({ dir, now: new Date('2026-01-01T00:00:00Z') });
    expect(checked.warnings.map((w) => w.file)).not.toContain('locales/fr/directory.json');
    const result = await build({ dir, out: join(dir, 'dist'), langs: ['fr'], formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    if (!toolAvailable('pdftotext')) return;
    const text = pdfText(join(dir, 'dist', 'cn', 'open-letter-2023.fr.pdf'));
    expect(text).toContain('Président de la République populaire de Chine');
    expect(text).toContain('Aux bons soins de');
    // The directory knows the holder (Xi Jinping, male): the gendered French form.
    expect(text).toMatch(/^Monsieur le Président,$/m);
    expect(text).not.toMatch(/Dear|President of|c\/o/);
  });

  it('letter check warns that a language without forms of its own (German) borrows the English ones', async () => {
    const dir = withFrench();
    cpSync(join(dir, 'locales', 'fr'), join(dir, 'locales', 'de'), { recursive: true });
    writeFileSync(
      join(dir, 'letter.yaml'),
      readFileSync(join(dir, 'letter.yaml'), 'utf8').replace(
        'languages: [en, ko, zh, fr]',
        'languages: [en, ko, zh, de]',
      ),
    );
    const result = await check({ dir, now: new Date('2026-01-01T00:00:00Z') });
    expect(result.exitCode).toBe(0);
    expect(result.warnings.map((w) => w.file)).toContain('locales/de/directory.json');
  });
});

const JAPANESE = join(import.meta.dirname, '..', 'fixtures', 'japanese');

/** The fixture copied, so that a test may take files out of it. */
function japaneseProject(): string {
  const dir = tempDir('letter-ja-');
  cpSync(JAPANESE, dir, { recursive: true });
  return dir;
}

describe('a language a project brings with its own fonts and forms (test/fixtures/japanese)', () => {
  it('letter check is silent: the project’s chain for ja, its forms of address and its faces’ licence', async () => {
    const result = await check({ dir: JAPANESE, now: new Date('2024-01-01T00:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('embeds subsets of the project’s Noto Serif JP in the PDF and the DOCX, and addresses Xi Jinping in Japanese', async () => {
    const dir = japaneseProject();
    const result = await build({ dir, out: join(dir, 'dist') });
    expect(result.errors).toEqual([]);
    expect(result.outputs.map((o) => o.file)).toEqual([
      'cn/japanese-letter.ja.pdf',
      'cn/japanese-letter.ja.docx',
    ]);
    const docx = docxParts(join(dir, 'dist', 'cn', 'japanese-letter.ja.docx'));
    expect(docx['word/fontTable.xml']).toMatch(
      /<w:font w:name="[A-Z]{6}\+Noto Serif JP"><w:altName w:val="Noto Serif JP"\/>.*<w:embedRegular /,
    );
    expect(docx['word/document.xml']).toMatch(/w:eastAsia="[A-Z]{6}\+Noto Serif JP"/);
    expect(docx['word/document.xml']).not.toContain('Noto Serif SC');
    if (!toolAvailable('pdffonts')) return;
    const pdf = join(dir, 'dist', 'cn', 'japanese-letter.ja.pdf');
    const fonts = run('pdffonts', [pdf]).stdout;
    // A subset ("ABCDEF+"), embedded (emb yes, sub yes); no Chinese or Korean face draws the Japanese text.
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifJP-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/NotoSerif(SC|KR)/);
    const text = pdfText(pdf);
    expect(text).toContain('中華人民共和国主席\n習近平閣下');
    expect(text).toMatch(/^拝啓$/m);
    expect(text).toMatch(/^敬具$/m);
    expect(text).toContain('2023年12月10日');
    expect(text).not.toMatch(/Dear|President|Yours/);
  });

  it('worker threads draw with the project’s faces too (letter build -j 2)', () => {
    const dir = japaneseProject();
    // Eight documents: past the handful drawn in the main thread alone, so a worker draws half of the letters.
    const r = letterCli(['build', dir, '--to', 'cn,fr,us,kr', '-j', '2', '--out', join(dir, 'dist')]);
    expect(r.stderr).toContain('wrote 8 documents');
    expect(r.status).toBe(0);
    if (!toolAvailable('pdffonts')) return;
    for (const id of ['cn', 'fr', 'us', 'kr']) {
      const fonts = run('pdffonts', [join(dir, 'dist', id, 'japanese-letter.ja.pdf')]).stdout;
      expect(fonts).toContain('NotoSerifJP-Regular');
      expect(fonts).not.toMatch(/NotoSerif(SC|KR)/);
    }
    expect(pdfText(join(dir, 'dist', 'fr', 'japanese-letter.ja.pdf'))).toContain('フランス共和国大統領閣下');
  });

  it('without the project’s fonts/ the same letter falls back to the Chinese face, and check says where to add one', async () => {
    const dir = japaneseProject();
    rmSync(join(dir, 'fonts'), { recursive: true });
    const checked = await check({ dir, now: new Date('2024-01-01T00:00:00Z') });
    const chain = checked.warnings.find((w) => w.code === 'font-chain');
    expect(chain?.file).toBe('fonts/fonts.json');
    expect(chain?.hint).toContain(
      'in fonts/fonts.json add it under "faces" and "ja": [its id, "latin"] under "chains"',
    );
    if (!toolAvailable('pdffonts')) return;
    const result = await build({ dir, out: join(dir, 'dist'), formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    expect(run('pdffonts', [join(dir, 'dist', 'cn', 'japanese-letter.ja.pdf')]).stdout).toMatch(
      /NotoSerifSC-Regular/,
    );
  });
});

describe('letter recipients in the UN languages and Japanese', () => {
  it.each([
    ['fr', 'france', 'fr\tPrésident de la République française\t'],
    ['ru', 'франция', 'fr\tПрезидент Французской Республики\t'],
    ['es', 'Francia', 'fr\tPresidente de la República Francesa\t'],
    ['ja', 'フランス', 'fr\tフランス共和国大統領\t'],
    ['ar', 'فرنسا', 'fr\tرئيس الجمهورية الفرنسية\t'],
  ])('--lang %s %s finds France’s head of state with that language’s title', (lang, query, line) => {
    const r = letterCli(['recipients', '--lang', lang, query], { cwd: tempDir('letter-rcpt-') });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]!.startsWith(line)).toBe(true);
  });
});
