import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocaleFile, readShippedLocaleFile, shippedLocaleProblems } from '../../src/load/locales.js';
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
});
