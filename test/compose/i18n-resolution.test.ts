/**
 * What i18next cannot resolve in a locale value (a `$t(...)` to a missing key, an unknown `{{placeholder}}`) is an
 * error at the value that holds it, in build and check; what it can (`$t(key, {"count": 2})`, context forms, escaped
 * braces) builds, and the keys reached through `$t(...)` count as used.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, LetterError, type Diagnostic } from '../../src/index.js';
import { pdfText, toolAvailable } from '../support/tools.js';
import { composeFirst, exampleCopy, lineOf, setLocaleValues } from './project.js';

const EN = 'locales/en/letter.json';

function composeErrors(dir: string, lang: 'en' | 'ko' | 'zh'): Diagnostic[] {
  try {
    composeFirst(dir, lang);
  } catch (e) {
    if (e instanceof LetterError) return [...e.diagnostics];
    throw e;
  }
  return [];
}

const at = (d: Diagnostic) => `${d.code} ${d.file}:${d.line}:${d.column}`;

describe('$t(...) to a key that does not exist', () => {
  it('is a missing-key error at the value that nests it, in compose, check and build (nothing written)', async () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { hope: '$t(missing.nested) We sincerely hope.' });
    const line = lineOf(dir, EN, '"hope"');
    const errors = composeErrors(dir, 'en');
    expect(errors.map(at)).toEqual([`missing-key ${EN}:${line}:3`]);
    expect(errors[0]!.message).toContain("'missing.nested'");
    expect(errors[0]!.message).toContain("in 'hope'");

    const checked = await check({ dir });
    expect(checked.exitCode).toBe(2);
    expect(checked.errors.map(at)).toEqual([`missing-key ${EN}:${line}:3`]);

    const built = await build({ dir, out: join(dir, 'dist'), langs: ['en'], formats: ['pdf'] });
    expect(built.exitCode).toBe(2);
    expect(existsSync(join(dir, 'dist', 'cn', 'open-letter-2023.en.pdf'))).toBe(false);
  });

  it("reached through another nested value, is reported at that value, with a did-you-mean over the file's keys", () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { hope: 'We hope. $t(extra)', extra: 'See $t(pleaa).' });
    const errors = composeErrors(dir, 'en');
    expect(errors.map(at)).toEqual([`missing-key ${EN}:${lineOf(dir, EN, '"extra"')}:3`]);
    expect(errors[0]!.hint).toMatch(/did you mean \$t\(plea\)/);
  });
});

describe('placeholders the context does not have', () => {
  it('are errors in every language, each with the key, its file:line:col and a did-you-mean over the real placeholders', async () => {
    const dir = exampleCopy();
    for (const lang of ['en', 'ko', 'zh'] as const)
      setLocaleValues(dir, lang, {
        hope: '{{recipient.nam}}|{{count}}|{{foo}}|{{lng}}|{{recipient.name}} hope.',
      });
    const line = lineOf(dir, EN, '"hope"');
    const errors = composeErrors(dir, 'en');
    expect(errors.map((d) => `${at(d)} ${d.message}`)).toEqual(
      ['recipient.nam', 'count', 'foo', 'lng'].map(
        (name) => `unknown-placeholder ${EN}:${line}:3 unknown placeholder {{${name}}} in 'hope' in ${EN}`,
      ),
    );
    expect(errors[0]!.hint).toMatch(/^did you mean \{\{recipient\.name\}\}\?/);
    expect(errors[0]!.hint).toContain(
      '{{recipient.title}}, {{recipient.family}}, {{recipient.shortTitle}}, {{recipient.honorific}}, {{recipient.vocative}}, {{date}}',
    );
    expect(errors[1]!.hint).toContain('$t(key, {"count": …})');

    const checked = await check({ dir });
    expect(checked.exitCode).toBe(2);
    expect(new Set(checked.errors.map((d) => d.file))).toEqual(
      new Set([EN, 'locales/ko/letter.json', 'locales/zh/letter.json']),
    );
    expect(checked.errors.filter((d) => d.file === EN)).toHaveLength(4);
  });

  it('a placeholder misspelt inside a nested value is reported at that value', () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { hope: 'We hope. $t(extra)', extra: 'Dear {{recipient.titel}}.' });
    const errors = composeErrors(dir, 'en');
    expect(errors.map(at)).toEqual([`unknown-placeholder ${EN}:${lineOf(dir, EN, '"extra"')}:3`]);
    expect(errors[0]!.hint).toMatch(/did you mean \{\{recipient\.title\}\}/);
  });
});

describe('what i18next does resolve', () => {
  it('count and context options of a nested $t, and braces escaped for Markdown, build; the nested keys count as used', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', {
      hope: 'A: $t(asks, {"count": 2}) B: $t(pronoun, {"context": "male"}) C: \\{\\{literal}}',
      asks_one: '{{count}} request to {{recipient.name}}',
      asks_other: '{{count}} requests to {{recipient.name}} on {{- date}}',
      pronoun: 'they',
      pronoun_male: 'he',
    });
    const checked = await check({ dir, strict: true });
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual([]);
    expect(checked.exitCode).toBe(0);

    const built = await build({ dir, out: join(dir, 'dist'), langs: ['en'], formats: ['pdf'] });
    expect(built.exitCode, JSON.stringify(built.errors)).toBe(0);
    const text = pdfText(join(dir, 'dist', 'cn', 'open-letter-2023.en.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('A: 2 requests to Xi Jinping on December 10, 2023 B: he C: {{literal}}');
  });
});
