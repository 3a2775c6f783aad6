/** examples/un-letter-2023: one letter built in the six UN languages and Korean, each addressed in its own forms. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { normalise } from '../support/text.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'un-letter-2023');
const LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar', 'ko'] as const;

// The line that addresses the Secretary-General in each language (salutation or recipient block).
const ADDRESSED: Record<(typeof LANGS)[number], string> = {
  en: 'Secretary-General of the United Nations',
  fr: "Secrétaire général de l'Organisation des Nations Unies",
  es: 'Secretario General de las Naciones Unidas',
  ru: 'Генеральный секретарь Организации Объединённых Наций',
  zh: '尊敬的安东尼奥·古特雷斯秘书长：',
  ar: 'معالي الأمين العام',
  ko: '안토니우 구테흐스 사무총장님께',
};

describe('examples/un-letter-2023', () => {
  it('checks without errors', async () => {
    const result = await check({ dir: EXAMPLE, now: new Date('2024-01-01T00:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.documents).toBe(14);
  });

  it('builds a PDF per language with its own forms of address and every paragraph of its text', async () => {
    const out = tempDir('letter-un-');
    const result = await build({ dir: EXAMPLE, out, formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    expect(result.outputs.map((o) => o.file).sort()).toEqual(
      LANGS.map((l) => `un/un-letter-2023.${l}.pdf`).sort(),
    );
    if (!toolAvailable('pdftotext')) return;
    for (const lang of LANGS) {
      const text = pdfText(join(out, 'un', `un-letter-2023.${lang}.pdf`));
      expect(text, lang).toContain(ADDRESSED[lang]);
      const values = JSON.parse(
        readFileSync(join(EXAMPLE, 'locales', lang, 'letter.json'), 'utf8'),
      ) as Record<string, string>;
      // pdftotext joins a hyphenated line end ("nord-|coréens") without its hyphen: compare hyphen-free text.
      const flat = (s: string) => normalise(s, lang).replace(/-/g, '');
      for (const key of ['intro', 'coi', 'rights_day', 'plea', 'hope']) {
        if (lang === 'ar')
          expect(arabicLetters(text, values[key]!), `${lang} ${key}`).toContain(
            arabicLetters(values[key]!, values[key]!),
          );
        else expect(flat(text), `${lang} ${key}`).toContain(flat(values[key]!));
      }
    }
  });
});

/**
 * Arabic as pdftotext gives it back, in logical order: poppler marks its reordering with embedding controls, and moves
 * the spaces (and an Arabic comma) that stand between Arabic and a number or Latin word to the other side of it.
 * A paragraph with no digit or Latin letter is compared letter by letter with its punctuation; one with them, without.
 */
function arabicLetters(text: string, paragraph: string): string {
  const letters = text.replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, '');
  return /[0-9A-Za-z]/.test(paragraph) ? letters.replace(/\p{P}/gu, '') : letters;
}
