/** A language added without code changes: a project's locales/fr/letter.json is enough to build French letters. */

import { cpSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

function withFrench(): string {
  const dir = tempDir('letter-fr-');
  cpSync(EXAMPLE, dir, { recursive: true });
  const en = JSON.parse(readFileSync(join(dir, 'locales', 'en', 'letter.json'), 'utf8')) as Record<string, string>;
  const fr = Object.fromEntries(Object.keys(en).map((k) => [k, `Texte français du paragraphe « ${k} », avec des accents : é, è, ç, œ.`]));
  mkdirSync(join(dir, 'locales', 'fr'));
  writeFileSync(join(dir, 'locales', 'fr', 'letter.json'), JSON.stringify(fr, null, 2));
  writeFileSync(join(dir, 'letter.yaml'), readFileSync(join(dir, 'letter.yaml'), 'utf8').replace('languages: [en, ko, zh]', 'languages: [en, ko, zh, fr]'));
  return dir;
}

describe('a fourth language', () => {
  it('builds French PDF and DOCX from locales/fr/letter.json alone, with the date in French', async () => {
    const dir = withFrench();
    const result = await build({ dir, out: join(dir, 'dist'), langs: ['fr'] });
    expect(result.errors).toEqual([]);
    expect(result.outputs.map((o) => o.file)).toEqual(['cn/open-letter-2023.fr.pdf', 'cn/open-letter-2023.fr.docx']);
    if (!toolAvailable('pdftotext')) return;
    const text = pdfText(join(dir, 'dist', 'cn', 'open-letter-2023.fr.pdf'));
    expect(text).toContain('10 décembre 2023');
    expect(text).toContain('Texte français du paragraphe « intro », avec des accents : é, è, ç, œ.');
  });

  it('letter check warns that French borrows the English forms of address', async () => {
    const result = await check({ dir: withFrench(), now: new Date('2026-01-01T00:00:00Z') });
    expect(result.exitCode).toBe(0);
    expect(result.warnings.map((w) => w.file)).toContain('locales/fr/directory.json');
  });
});
