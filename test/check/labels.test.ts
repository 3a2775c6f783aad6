/**
 * The labels a letter prints besides its text (the visible signature's 'Digitally signed by', page numbers, 'To:',
 * 'Ref.:' …) exist in every language the tool ships; a language a project adds without them gets a warning naming
 * each key, instead of English words in its letters without a word.
 */

import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/compose/index.js';
import { check } from '../../src/index.js';
import { tempDir } from '../support/tools.js';

const REPO = join(import.meta.dirname, '..', '..');
const labelsOf = (lang: string) =>
  JSON.parse(readFileSync(join(REPO, 'locales', lang, 'labels.json'), 'utf8')) as Record<string, string>;

describe("the tool's own languages", () => {
  const english = labelsOf('en');
  const langs = readdirSync(join(REPO, 'locales')).filter((l) => l !== 'en');

  it.each(langs)('%s has every label English has, in its own words', (lang) => {
    const own = labelsOf(lang);
    const expected = LABELS.filter((key) => key in english);
    expect(expected.filter((key) => !(key in own))).toEqual([]);
    // In a language of another script, a Latin word in a label (placeholders aside) is English left in place.
    if (['ar', 'ja', 'ko', 'ru', 'zh'].includes(lang)) {
      const latin = expected.filter((key) => /[A-Za-z]/.test(own[key]!.replace(/\{\{?[^}]*\}?\}/g, '')));
      expect(latin).toEqual([]);
    }
  });

  it("Arabic signs in Arabic: the visible signature's label", () => {
    expect(labelsOf('ar')['signed_by']).toBe('موقّع رقميًا من');
  });
});

describe('a language a project adds', () => {
  it('without labels: check warns once, naming each key that would print in English', async () => {
    const dir = tempDir('letter-labels-');
    cpSync(join(REPO, 'examples', 'open-letter-2023'), dir, { recursive: true });
    mkdirSync(join(dir, 'locales', 'de'));
    cpSync(join(dir, 'locales', 'en', 'letter.json'), join(dir, 'locales', 'de', 'letter.json'));
    const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'letter.yaml'),
      yaml.replace('languages: [en, ko, zh]', 'languages: [en, ko, zh, de]'),
    );
    const result = await check({ dir, now: new Date('2024-01-01T00:00:00Z') });
    expect(result.exitCode).toBe(0);
    const warning = result.warnings.find((w) => w.file === 'locales/de/labels.json');
    expect(warning?.message).toContain("labels for 'de' lack");
    expect(warning?.message).toContain("signed_by ('Digitally signed by')");
    expect(warning?.message).toContain("page ('Page {page} of {pages}')");
    expect(warning?.hint).toContain('locales/de/labels.json');
    // The tool's own languages are complete: no such warning for them.
    expect(result.warnings.filter((w) => /^locales\/(en|ko|zh)\/labels\.json$/.test(w.file ?? ''))).toEqual(
      [],
    );

    // With the labels given, the warning is gone.
    writeFileSync(
      join(dir, 'locales', 'de', 'labels.json'),
      JSON.stringify({
        ...labelsOf('en'),
        signed_by: 'Digital signiert von',
        page: 'Seite {page} von {pages}',
      }),
    );
    const again = await check({ dir, now: new Date('2024-01-01T00:00:00Z') });
    expect(again.warnings.filter((w) => w.file === 'locales/de/labels.json')).toEqual([]);
  });
});
