/** `letter init <dir> && letter build <dir>`: a scaffold that builds at once, checks clean, and never overwrites. */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, pdfText, tempDir, toolAvailable } from '../support/tools.js';

describe('letter init', () => {
  it('scaffolds letter.yaml with the $schema line, three locale files and a README, which build at once', () => {
    const dir = join(tempDir('letter-init-'), 'my letter');
    const made = letterCli(['init', dir]);
    expect(made.status, made.stderr).toBe(0);
    for (const f of [
      'letter.yaml',
      'README.md',
      'recipients.yaml',
      'locales/en/letter.json',
      'locales/ko/letter.json',
      'locales/zh/letter.json',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const letter = readFileSync(join(dir, 'letter.yaml'), 'utf8');
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(letter.split('\n')[0]!);
    expect(schemaLine).not.toBeNull();
    // The line points at the schema this copy of letter ships.
    const schema = JSON.parse(readFileSync(join(dir, schemaLine![1]!), 'utf8')) as { title: string };
    expect(schema.title).toBe('letter.yaml');
    expect(letter).toMatch(/^slug: my-letter$/m);

    const checked = letterCli(['check', dir, '--json']);
    expect(checked.status, checked.stdout).toBe(0);
    const out = join(dir, 'out');
    const built = letterCli(['build', dir, '--format', 'pdf', '--out', out]);
    expect(built.status, built.stderr).toBe(0);
    for (const lang of ['en', 'ko', 'zh'])
      expect(existsSync(join(out, 'cn', `my-letter.${lang}.pdf`)), lang).toBe(true);
    if (toolAvailable('pdftotext'))
      expect(pdfText(join(out, 'cn', 'my-letter.en.pdf'))).toContain('Xi Jinping');
  });

  it('builds DOCX too, into DIR/dist by default', () => {
    const dir = join(tempDir('letter-init-'), 'docx');
    expect(letterCli(['init', dir]).status).toBe(0);
    const built = letterCli(['build', dir, '--format', 'docx', '--lang', 'en']);
    expect(built.status, built.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist', 'cn', 'docx.en.docx'))).toBe(true);
  });

  it('never overwrites: a second init, or a folder holding one of its files, is exit 2 with nothing changed', () => {
    const dir = join(tempDir('letter-init-'), 'twice');
    expect(letterCli(['init', dir]).status).toBe(0);
    writeFileSync(join(dir, 'letter.yaml'), 'mine');
    const again = letterCli(['init', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists — choose a new or empty folder/);
    expect(again.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(dir, 'letter.yaml'), 'utf8')).toBe('mine');

    const partial = join(tempDir('letter-init-'), 'partial');
    expect(letterCli(['init', join(partial)]).status).toBe(0);
    const other = tempDir('letter-init-');
    writeFileSync(join(other, 'README.md'), 'keep me');
    expect(letterCli(['init', other]).status).toBe(2);
    expect(readFileSync(join(other, 'README.md'), 'utf8')).toBe('keep me');
    expect(existsSync(join(other, 'letter.yaml'))).toBe(false);
  });
});
