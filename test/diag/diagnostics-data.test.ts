/**
 * Diagnostics are data (issue 18): each carries the rejected value (and the language, when it is one language's) beside
 * code, file, line, column and hint, so nothing parses a message back; exit statuses come from one per-code table;
 * user mistakes in manifests and time-stamp authorities are typed diagnostics, never plain Errors.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  build,
  check,
  EXIT,
  exitStatusFor,
  exitStatusOf,
  isLetterError,
  mergeManifests,
  type Code,
} from '../../src/index.js';
import { CODES } from '../../src/diag/index.js';
import { mergeManifestTexts } from '../../src/write/index.js';
import { stampDigest } from '../../src/sign/stamp.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { letterCli, tempDir } from '../support/tools.js';

function example(edits: readonly [string, string, string][] = []): string {
  const dir = join(tempDir('letter-diag-data-'), 'letter');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  for (const [file, from, to] of edits) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.includes(from)) throw new Error(`test setup: '${from}' not in ${file}`);
    writeFileSync(join(dir, file), text.replace(from, to));
  }
  return dir;
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('exit status from the codes', () => {
  it('gives every code a status from one table', () => {
    for (const code of CODES)
      expect([EXIT.BAD_INPUT, EXIT.PARTIAL, EXIT.INTERRUPTED]).toContain(exitStatusFor(code));
    expect(exitStatusFor('schema')).toBe(2);
    expect(exitStatusFor('render-failed')).toBe(1);
    expect(exitStatusFor('tsa-unreachable')).toBe(2);
  });

  it.each<[Code[], number]>([
    [[], 0],
    [['render-failed'], 1],
    [['render-failed', 'schema'], 2],
    [['write-failed', 'interrupted'], 130],
  ])('%j → %i', (codes, status) => {
    expect(exitStatusOf(codes.map((code) => ({ code })))).toBe(status);
  });

  it("build's status for bad input is its errors' (2), and nothing is written", async () => {
    const dir = example([['letter.yaml', 'formats: [pdf, docx]', 'formats: [pdf, odt]']]);
    const result = await build({ dir, out: join(dir, 'dist') });
    expect(result.exitCode).toBe(exitStatusOf(result.errors));
    expect(result.exitCode).toBe(2);
    expect(result.outputs).toEqual([]);
  });
});

describe('the rejected value as a field', () => {
  it('schema errors carry the value given', async () => {
    const dir = example([['letter.yaml', 'formats: [pdf, docx]', 'formats: [pdf, odt]']]);
    const [error] = (await check({ dir })).errors;
    expect(error).toMatchObject({ code: 'schema', file: 'letter.yaml', line: 8, column: 16, value: 'odt' });
  });

  it('an unknown key, a duplicate YAML key and an unknown recipient carry the key or id', async () => {
    const typo = (
      await check({ dir: example([['letter.yaml', 'template: open-letter', 'tempalte: open-letter']]) })
    ).errors[0];
    expect(typo).toMatchObject({ code: 'schema', value: 'tempalte', hint: "did you mean 'template'?" });
    const twice = (
      await check({ dir: example([['letter.yaml', 'paper: A4\n', 'paper: A4\npaper: Letter\n']]) })
    ).errors[0];
    expect(twice).toMatchObject({ code: 'yaml-syntax', value: 'paper' });
    const unknown = (
      await check({ dir: example([['letter.yaml', '  - id: cn', '  - id: cnn']]) })
    ).errors.find((d) => d.code === 'unknown-recipient');
    expect(unknown).toMatchObject({ value: 'cnn', line: 12, column: 9 });
  });

  it('a key missing in one language carries the key and the language', async () => {
    const dir = example([['locales/ko/letter.json', '"plea":', '"plea_removed":']]);
    const errors = (await check({ dir })).errors.filter((d) => d.code === 'missing-key');
    expect(errors).toEqual([
      expect.objectContaining({ value: 'plea', lang: 'ko', file: 'letter.yaml', line: 31 }),
    ]);
  });

  it('a character no font has is reported once, at its place, carrying the character and language (no echo from the forms of address)', async () => {
    const dir = example([['letter.yaml', 'name: { en: Xi Jinping,', 'name: { en: Xi 𓀀 Jinping,']]);
    const errors = (await check({ dir })).errors.filter((d) => d.code === 'uncovered-character');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ value: '𓀀', lang: 'en', file: 'letter.yaml', line: 13 });
  });

  it('--json prints the value and language beside the SPEC fields', () => {
    const dir = example([['letter.yaml', 'formats: [pdf, docx]', 'formats: [pdf, odt]']]);
    const r = letterCli(['check', dir, '--json']);
    expect(r.status).toBe(2);
    const [error] = (JSON.parse(r.stdout) as { errors: Record<string, unknown>[] }).errors;
    expect(error).toMatchObject({ code: 'schema', file: 'letter.yaml', line: 8, column: 16, value: 'odt' });
  });
});

describe('typed diagnostics, never plain Errors, for user mistakes', () => {
  it('a file that is no manifest, or manifests of other inputs, are manifest-mismatch LetterErrors naming the file', () => {
    const manifest = (inputs: string) =>
      JSON.stringify({ tool: { name: 'letter', version: '1' }, inputs, slug: 's', files: [], problems: [] });
    const notOne = thrown(() => mergeManifestTexts([{ file: 'a.json', text: '42' }]));
    expect(isLetterError(notOne) && notOne.diagnostics[0]).toMatchObject({
      code: 'manifest-mismatch',
      file: 'a.json',
    });
    const other = thrown(() =>
      mergeManifestTexts([
        { file: 'a.json', text: manifest('x') },
        { file: 'b.json', text: manifest('y') },
      ]),
    );
    expect(isLetterError(other) && other.diagnostics[0]).toMatchObject({
      code: 'manifest-mismatch',
      file: 'b.json',
    });
  });

  it('a manifest path that names no file is a usage error quoting it', () => {
    const missing = join(tempDir('letter-diag-merge-'), 'nope.json');
    const e = thrown(() => mergeManifests([missing]));
    expect(isLetterError(e) && e.diagnostics[0]).toMatchObject({ code: 'usage', value: missing });
  });

  it('a time-stamp authority that does not answer, asked before a build writes, is tsa-unreachable (exit 2)', async () => {
    const e = await stampDigest('http://127.0.0.1:9/tsr', new Uint8Array(32), 'tsa-unreachable').catch(
      (err: unknown) => err,
    );
    expect(isLetterError(e) && e.diagnostics[0]).toMatchObject({
      code: 'tsa-unreachable',
      value: 'http://127.0.0.1:9/tsr',
    });
    expect(exitStatusOf(isLetterError(e) ? e.diagnostics : [])).toBe(2);
  });
});
