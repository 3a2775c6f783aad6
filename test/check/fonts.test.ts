/** `letter check` warns when a language written in Han or Hangul has no font chain of its own and borrows the `*` chain. */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

/** The corpus project with one more language, its text a copy of the English with `extra` appended to every value. */
function withLanguage(lang: string, extra: string): CorpusProject {
  const p = new CorpusProject();
  const en = JSON.parse(readFileSync(join(p.dir, 'locales', 'en', 'letter.json'), 'utf8')) as Record<
    string,
    string
  >;
  mkdirSync(join(p.dir, 'locales', lang));
  writeFileSync(
    join(p.dir, 'locales', lang, 'letter.json'),
    JSON.stringify(Object.fromEntries(Object.entries(en).map(([k, v]) => [k, `${v} ${extra}`])), null, 2),
  );
  p.edit('letter.yaml', 'languages: [en, ko, zh]', `languages: [en, ko, zh, ${lang}]`);
  return p;
}

describe('font chain warnings', () => {
  it('a Japanese letter added by its locale file alone: a warning naming the face that draws its Han, and how to add a chain', async () => {
    const result = await check({ dir: withLanguage('ja', '日本語の手紙です。').dir });
    expect(result.errors).toEqual([]);
    const found = result.warnings.filter((w) => w.code === 'font-chain');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'fonts/fonts.json' });
    expect(found[0]!.message).toMatch(
      /^'ja' has no font chain of its own: .* draws its Han in Noto Serif SC \(Simplified Chinese Han, Latin\) and its Hangul in Noto Serif KR/,
    );
    // The project's own fonts.json, not the tool's: a user of the installed package cannot edit the tool's.
    expect(found[0]!.hint).toMatch(
      /^bring a face of ja's own forms in the project: copy its \.ttf and licence into fonts\/, and in fonts\/fonts\.json add it under "faces" and "ja": \[its id, "latin"\] under "chains"/,
    );
  });

  it('says nothing for ko and zh (chains of their own) or for a Latin-script language, which the * chain sets right', async () => {
    const result = await check({ dir: withLanguage('fr', 'Lettre française.').dir });
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.code === 'font-chain')).toEqual([]);
  });
});
