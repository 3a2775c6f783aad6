/** One prepare step: `letter build` prints the warnings `letter check` prints, once each; --json carries them; --strict fails. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';
import { letterCli, tempDir } from '../support/tools.js';

/** The corpus letter with an unbalanced ** in English and an empty, unused Korean value: warnings, no error. */
function warnedProject(): CorpusProject {
  const p = new CorpusProject();
  p.edit('locales/en/letter.json', 'We implore you', 'We **implore you');
  const ko = JSON.parse(p.read('locales/ko/letter.json')) as Record<string, string>;
  p.write('locales/ko/letter.json', JSON.stringify({ ...ko, unused_note: '' }, null, 2));
  return p;
}

const codes = (list: readonly { code: string }[]) => list.map((d) => d.code).sort();

describe('letter build reports what letter check reports', () => {
  it('the same warnings, once each, with exit 0 and the documents written', async () => {
    const p = warnedProject();
    const checked = await check({ dir: p.dir });
    expect(checked.exitCode).toBe(0);
    expect(codes(checked.warnings)).toEqual(
      expect.arrayContaining(['empty-string', 'unbalanced-emphasis', 'unused-key']),
    );
    const out = tempDir('letter-prepare-out-');
    const built = await build({ dir: p.dir, out, formats: ['pdf'], langs: ['en', 'ko'] });
    expect(built.exitCode).toBe(0);
    expect(built.outputs.length).toBeGreaterThan(0);
    const message = (d: { file?: string; line?: number; message: string }) =>
      `${d.file}:${d.line}:${d.message}`;
    expect(built.warnings.map(message).sort()).toEqual(checked.warnings.map(message).sort());
  });

  it("a build of some languages warns about their locale files only; check about every language's", async () => {
    const p = warnedProject();
    const checked = await check({ dir: p.dir });
    const files = (list: readonly { code: string; file?: string }[]) =>
      list.map((d) => `${d.code} ${d.file}`);
    expect(files(checked.warnings)).toEqual(
      expect.arrayContaining([
        'unbalanced-emphasis locales/en/letter.json',
        'empty-string locales/ko/letter.json',
      ]),
    );
    const built = await build({
      dir: p.dir,
      out: tempDir('letter-prepare-en-'),
      formats: ['pdf'],
      langs: ['en'],
    });
    expect(built.exitCode).toBe(0);
    expect(files(built.warnings)).toContain('unbalanced-emphasis locales/en/letter.json');
    expect(built.warnings.filter((d) => d.file?.includes('locales/ko/'))).toEqual([]);
    // What it does report is check's warning word for word.
    const en = checked.warnings.filter(
      (d) => !d.file?.includes('locales/ko/') && !d.file?.includes('locales/zh/'),
    );
    expect(built.warnings.map((d) => d.message).sort()).toEqual(en.map((d) => d.message).sort());
  });

  it('--strict: build exits 2 and writes nothing, as check --strict does', async () => {
    const p = warnedProject();
    const out = tempDir('letter-prepare-strict-');
    const built = await build({ dir: p.dir, out: join(out, 'dist'), formats: ['pdf'], strict: true });
    expect(built.exitCode).toBe(2);
    expect(codes(built.errors)).toEqual(expect.arrayContaining(['empty-string', 'unbalanced-emphasis']));
    expect(existsSync(join(out, 'dist'))).toBe(false);
    expect((await check({ dir: p.dir, strict: true })).exitCode).toBe(2);
  });

  it('the CLI prints each warning once on stderr, and --json carries them in `warnings`', () => {
    const p = warnedProject();
    const out = tempDir('letter-prepare-cli-');
    const plain = letterCli(['build', p.dir, '-o', out, '-f', 'pdf', '-l', 'en,ko']);
    expect(plain.status).toBe(0);
    const lines = plain.stderr.split('\n').filter((l) => l.includes('warning: '));
    expect(lines.some((l) => l.includes('unmatched') || l.includes('**'))).toBe(true);
    expect(lines.some((l) => l.includes('is empty'))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
    const json = letterCli(['build', p.dir, '-o', out, '-f', 'pdf', '-l', 'en,ko', '--json']);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { warnings: { code: string }[] };
    expect(codes(parsed.warnings)).toEqual(expect.arrayContaining(['empty-string', 'unbalanced-emphasis']));
    const strict = letterCli([
      'build',
      p.dir,
      '-o',
      join(out, 'strict'),
      '-f',
      'pdf',
      '-l',
      'en',
      '--strict',
    ]);
    expect(strict.status).toBe(2);
    expect(existsSync(join(out, 'strict'))).toBe(false);
  });
});
