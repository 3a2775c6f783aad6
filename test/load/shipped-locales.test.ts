import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { loadProject } from '../../src/load/index.js';
import {
  readLocaleFile,
  readShippedLocaleFile,
  shippedCompactJson,
  shippedLocaleProblems,
} from '../../src/load/locales.js';
import { flatKeys } from '../../src/load/placeholders.js';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const shipped = readdirSync(join(ROOT, 'locales')).flatMap((lang) =>
  readdirSync(join(ROOT, 'locales', lang))
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ lang, ns: name.slice(0, -'.json'.length), file: join(ROOT, 'locales', lang, name) })),
);

describe("the tool's own locale files", () => {
  it('have no problem readLocaleFile finds (npm run build fails on one)', () => {
    expect(shipped.length).toBeGreaterThan(10);
    expect(shippedLocaleProblems(ROOT)).toEqual([]);
  });

  it.each(shipped)(
    '$lang/$ns read as plain JSON: the same strings and key positions as the full check',
    (f) => {
      const shown = `locales/${f.lang}/${f.ns}.json`;
      const fast = readShippedLocaleFile(f.file, shown, f.lang, f.ns);
      const full = readLocaleFile(f.file, shown, f.lang, f.ns);
      expect(fast.data).toEqual(full.data);
      // What the manifest's digest of the inputs reads in place of parsing the file.
      expect(Buffer.from(shippedCompactJson(fast)!).toString('utf8')).toBe(JSON.stringify(full.data));
      expect(shippedCompactJson(full)).toBeUndefined();
      const keys = flatKeys(full.data);
      for (const key of keys.filter((_, i) => i % 7 === 0))
        expect(fast.locate(key), key).toEqual(full.locate(key));
    },
  );

  it('a shipped file with a duplicate key or a value that is not a string is a build problem, located', () => {
    const tool = tempDir('letter-shipped-');
    cpSync(join(ROOT, 'locales'), join(tool, 'locales'), { recursive: true });
    const labels = join(tool, 'locales', 'en', 'labels.json');
    const text = readFileSync(labels, 'utf8');
    writeFileSync(labels, text.replace('{', '{\n  "twice": "a",\n  "twice": "b",'));
    writeFileSync(join(tool, 'locales', 'ko', 'extra.json'), '{ "count": 3 }');
    const problems = shippedLocaleProblems(tool);
    expect(problems.map((d) => [d.file, d.line, d.message])).toEqual([
      ['locales/en/labels.json', 3, "duplicate key 'twice'"],
      ['locales/ko/extra.json', 1, "the value of 'count' in locales/ko/extra.json must be a string, not '3'"],
    ]);
  });

  it('a shipped file that writes a string otherwise than JSON.stringify does is a build problem', () => {
    const tool = tempDir('letter-shipped-');
    cpSync(join(ROOT, 'locales'), join(tool, 'locales'), { recursive: true });
    writeFileSync(join(tool, 'locales', 'fr', 'extra.json'), '{ "a": "caf\\u00e9", "b": "a\\/b" }\n');
    writeFileSync(
      join(tool, 'locales', 'ko', 'extra.json'),
      '{\n  "a": "x \\" y \\\\ z",\n  "b": "\\n"\n}\n',
    );
    expect(shippedLocaleProblems(tool).map((d) => [d.file, d.code])).toEqual([
      ['locales/fr/extra.json', 'json-syntax'],
    ]);
  });

  it('a $t() circle in a shipped file is a build problem (the run checks only files a project merges over)', () => {
    const tool = tempDir('letter-shipped-');
    cpSync(join(ROOT, 'locales'), join(tool, 'locales'), { recursive: true });
    writeFileSync(join(tool, 'locales', 'zh', 'extra.json'), '{ "a": "x $t(b)", "b": "y $t(a)" }');
    expect(shippedLocaleProblems(tool).map((d) => [d.file, d.code])).toEqual([
      ['locales/zh/extra.json', 'schema'],
    ]);
  });

  it("a project's file merged over one of the tool's is checked for $t() circles at load", () => {
    const project = tempDir('letter-merged-');
    cpSync(join(ROOT, 'examples', 'open-letter-2023'), project, { recursive: true });
    writeFileSync(join(project, 'locales', 'en', 'labels.json'), '{ "a": "x $t(b)", "b": "y $t(a)" }');
    let error: unknown;
    try {
      loadProject({ dir: project, toolDir: ROOT });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterError);
    const messages = (error as LetterError).diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('goes round in a circle') && m.includes('labels.json'))).toBe(
      true,
    );
  });
});
