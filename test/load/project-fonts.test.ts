/** A project's own fonts/fonts.json: merged over the tool's, each mistake in it an error at its file:line:col. */

import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { FontBook, fontBookFor } from '../../src/fonts/index.js';
import { loadProject } from '../../src/load/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { LetterError, type Diagnostic } from '../../src/diag/index.js';
import { letterCli, tempDir } from '../support/tools.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'japanese');
// A small real TrueType face to stand for the project's own (the fixture's Noto Serif JP is 7 MB a file).
const SMALL_FACE = join(TOOL_DIR, 'fonts', 'NotoSerif-Regular.ttf');

/** The Japanese fixture without its big faces: one small face `own` in fonts/, and `fontsJson` as its fonts.json. */
function project(fontsJson: unknown): string {
  const dir = tempDir('letter-fonts-');
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.endsWith('.ttf') });
  copyFileSync(SMALL_FACE, join(dir, 'fonts', 'Own-Regular.ttf'));
  writeFileSync(
    join(dir, 'fonts', 'fonts.json'),
    typeof fontsJson === 'string' ? fontsJson : JSON.stringify(fontsJson, null, 2),
  );
  return dir;
}

const own = { family: 'Own Serif', files: { regular: 'Own-Regular.ttf' }, license: 'OFL-NotoSerifJP.txt' };

function loadProblems(dir: string): Diagnostic[] {
  try {
    loadProject({ dir, toolDir: TOOL_DIR });
  } catch (e) {
    if (e instanceof LetterError) return [...e.diagnostics];
    throw e;
  }
  return [];
}

describe("a project's fonts/fonts.json", () => {
  it('is merged over the tool’s: its faces join the tool’s, its chains and locale tags replace theirs, the rest stays', () => {
    const dir = project({ faces: { own }, chains: { ja: ['own', 'sc'] }, locales: { ja: 'ja-JP' } });
    const { fonts } = loadProject({ dir, toolDir: TOOL_DIR });
    const book = new FontBook(join(TOOL_DIR, 'fonts'), fonts);
    expect(book.chain('ja')).toEqual(['own', 'sc']);
    expect(book.hasOwnChain('ja')).toBe(true);
    expect(book.chain('ko')).toEqual(['kr', 'sc', 'latin', 'naskh']);
    expect(book.file('own', 'bold')).toBe(join(dir, 'fonts', 'Own-Regular.ttf'));
    expect(book.face('own').family).toBe('Own Serif');
    expect(book.locale('ja')).toBe('ja-JP');
    expect(book.faceFor(0x41, 'ja')).toBe('own');
    // The tool's own book is untouched, and a book for the same project fonts is made once.
    expect(fontBookFor(undefined).hasOwnChain('ja')).toBe(false);
    expect(fontBookFor(fonts)).toBe(fontBookFor(structuredClone(fonts)));
  });

  it('may give a tool face id its own file', () => {
    const dir = project({ faces: { latin: own } });
    const book = new FontBook(join(TOOL_DIR, 'fonts'), loadProject({ dir, toolDir: TOOL_DIR }).fonts);
    expect(book.file('latin', 'regular')).toBe(join(dir, 'fonts', 'Own-Regular.ttf'));
    expect(book.face('latin').family).toBe('Own Serif');
  });

  it('names each mistake at the line and column of its key, with what to do', () => {
    const dir = project(`{
  "faces": {
    "own": { "family": "Own Serif", "files": { "regular": "Own-Regular.ttf" } },
    "gone": { "family": "Gone", "files": { "regular": "Gone-Regular.ttf" } },
    "out": { "family": "Out", "files": { "regular": "../letter.yaml" } },
    "text": { "family": "Text", "files": { "regular": "OFL-NotoSerifJP.txt", "heavy": "Own-Regular.ttf" } }
  },
  "chains": { "ja": ["onw", "latin"], "Japanese": ["own"] },
  "locale": {}
}`);
    const problems = loadProblems(dir).map(
      (d) => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message} — ${d.hint}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^fonts\/fonts\.json:9:3 schema: unknown key 'locale' — did you mean 'locales'\?/,
        ),
        expect.stringMatching(/^fonts\/fonts\.json:4:44 missing-file: fonts\/Gone-Regular\.ttf not found/),
        expect.stringMatching(
          /^fonts\/fonts\.json:5:42 schema: '\.\.\/letter\.yaml' is outside the project's fonts\/ folder/,
        ),
        expect.stringMatching(
          /^fonts\/fonts\.json:6:44 schema: fonts\/OFL-NotoSerifJP\.txt \(face 'text', regular\) is not a TrueType font/,
        ),
        expect.stringMatching(/^fonts\/fonts\.json:6:78 schema: unknown key 'heavy'/),
        expect.stringMatching(
          /^fonts\/fonts\.json:8:15 schema: the chain of 'ja' .* names face 'onw', .* — did you mean 'own'\?/,
        ),
        expect.stringMatching(
          /^fonts\/fonts\.json:8:39 schema: 'Japanese' in "chains" .* is not a language code/,
        ),
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('a face refused for its file is reported once, not again where a chain names it', () => {
    const dir = project({ faces: { own }, chains: { ja: ['own', 'latin'] } });
    writeFileSync(
      join(dir, 'fonts', 'Own-Regular.ttf'),
      Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(64)]),
    );
    const problems = loadProblems(dir);
    expect(problems.map((d) => d.message)).toEqual([
      expect.stringMatching(/^fonts\/Own-Regular\.ttf \(face 'own', regular\) cannot be read as a font/),
    ]);
  });

  it('a chain, a face or a locale tag of the wrong type is quoted', () => {
    const dir = project({
      faces: { own, bare: 'Own-Regular.ttf' },
      chains: { ja: 'own' },
      locales: { ja: 'ja JP' },
    });
    expect(loadProblems(dir).map((d) => d.message)).toEqual([
      "face 'bare' in fonts/fonts.json must be an object, not 'Own-Regular.ttf'",
      "the chain of 'ja' in fonts/fonts.json must be a list of face ids, not 'own'",
      `"locales"."ja" in fonts/fonts.json must map a language code to a BCP 47 tag, not 'ja JP'`,
    ]);
  });

  it('refuses outlines the DOCX subsetter cannot use, and font collections, each with the reason', () => {
    const dir = project({ faces: { own } });
    writeFileSync(
      join(dir, 'fonts', 'Own-Regular.ttf'),
      Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(64)]),
    );
    expect(loadProblems(dir)[0]?.message).toMatch(/has CFF \(PostScript\) outlines/);
    writeFileSync(
      join(dir, 'fonts', 'Own-Regular.ttf'),
      Buffer.concat([Buffer.from('ttcf'), Buffer.alloc(64)]),
    );
    expect(loadProblems(dir)[0]?.message).toMatch(/is a font collection/);
    writeFileSync(
      join(dir, 'fonts', 'Own-Regular.ttf'),
      Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(64)]),
    );
    expect(loadProblems(dir)[0]?.message).toMatch(/cannot be read as a font/);
  });

  it('letter check warns about a face brought without its licence, and a text the face does not cover names the project’s fonts.json', async () => {
    const dir = project({ faces: { own: { ...own, license: undefined } }, chains: { ja: ['own'] } });
    const result = await check({ dir, now: new Date('2024-01-01T00:00:00Z') });
    expect(result.warnings.map((w) => `${w.file} ${w.message}`)).toContain(
      "fonts/fonts.json face 'own' (Own Serif) in fonts/fonts.json has no licence noted: its subsets are embedded in every letter",
    );
    // Noto Serif (Latin) has no kana or kanji: every Japanese character is an error, never a blank box.
    const uncovered = result.errors.find((e) => e.code === 'uncovered-character');
    expect(uncovered?.hint).toContain("give 'ja' a face that has it in the project's fonts/fonts.json");
    expect(result.exitCode).toBe(2);
  });

  it('a broken fonts.json stops the build before anything is written (exit 2)', () => {
    const dir = project({ faces: { own }, chains: { ja: ['missing'] } });
    const r = letterCli(['build', dir, '--out', join(dir, 'dist')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/fonts\/fonts\.json:\d+:\d+: .*names face 'missing'/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});

describe('right-to-left text', () => {
  it('is set from a face the project brings for it (no refusal once a face of the chain covers Arabic)', async () => {
    const naskh = {
      family: 'Noto Naskh Arabic',
      files: { regular: 'NotoNaskhArabic-Regular.ttf' },
      license: 'OFL-NotoNaskhArabic.txt',
    };
    // The fixture's own Japanese face is left out here (7 MB): a small Latin face stands in under its id.
    const dir = project({ faces: { jp: own, naskh }, chains: { ja: ['naskh', 'jp'] } });
    const arabic = join(import.meta.dirname, '..', 'fixtures', 'arabic-face');
    for (const f of ['NotoNaskhArabic-Regular.ttf', 'OFL-NotoNaskhArabic.txt'])
      copyFileSync(join(arabic, f), join(dir, 'fonts', f));
    const letter = join(dir, 'locales', 'ja', 'letter.json');
    writeFileSync(letter, JSON.stringify({ ...JSON.parse(readFileSync(letter, 'utf8')), hope: 'Hope سلام' }));
    const book = new FontBook(join(TOOL_DIR, 'fonts'), loadProject({ dir, toolDir: TOOL_DIR }).fonts);
    expect(book.faceFor(0x0633, 'ja')).toBe('naskh');
    const result = await check({ dir, now: new Date('2024-01-01T00:00:00Z') });
    // The stand-in Japanese face has no kana or kanji (those are errors here); the Arabic letters are set.
    expect(result.errors.filter((e) => /U\+06[0-9A-F]{2}/.test(e.message))).toEqual([]);
    expect(result.errors.some((e) => /U\+7FD2/.test(e.message))).toBe(true);
  });

  it('that no face of the chain covers is the usual uncovered-character error, pointing at fonts.json', async () => {
    const dir = project({ faces: { jp: own }, chains: { ja: ['jp'] } });
    const letter = join(dir, 'locales', 'ja', 'letter.json');
    writeFileSync(letter, JSON.stringify({ ...JSON.parse(readFileSync(letter, 'utf8')), hope: 'Hope سلام' }));
    const result = await check({ dir, now: new Date('2024-01-01T00:00:00Z') });
    const arabic = result.errors.find((e) => /U\+0633/.test(e.message));
    expect(arabic).toMatchObject({ code: 'uncovered-character', file: 'locales/ja/letter.json' });
    expect(arabic!.hint).toContain("give 'ja' a face that has it in the project's fonts/fonts.json");
    expect(result.exitCode).toBe(2);
  });
});
