/**
 * The close never ends a page its first signatory does not share, whatever the number of signatories: the body's last
 * paragraph keeps with the close, and when paragraph, close and signatures together are taller than a page, the break
 * falls before the close, not after it (review of a5640a6: 8-9 signatories with a person and title, 13-15 without,
 * left "Yours sincerely," alone at the foot of a page).
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { localeValues, plain } from '../support/text.js';
import { pdfText, run, tempDir } from '../support/tools.js';

const LANGS = ['en', 'ko', 'zh'] as const;
const COUNTS = Array.from({ length: 16 }, (_, i) => i + 1);
const id = (i: number) => String(i + 1).padStart(2, '0');
const email = (i: number) => `m${id(i)}@example.org`;
const squeezed = (s: string) => s.replace(/\s+/g, '');

async function pagesOfLetters(count: number, withPerson: boolean): Promise<Map<string, string[]>> {
  const dir = join(tempDir('letter-close-signatures-'), 'letter');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
  const person = (i: number) => (withPerson ? `    person: { name: Person P${id(i)}, title: Chair }\n` : '');
  const signatories = Array.from(
    { length: count },
    (_, i) => `  - org: Member Organisation M${id(i)}\n${person(i)}    email: ${email(i)}\n`,
  ).join('');
  writeFileSync(
    join(dir, 'letter.yaml'),
    `${yaml.slice(0, yaml.indexOf('signatories:'))}signatories:\n${signatories}`,
  );
  const out = join(dir, 'dist');
  const result = await build({ dir, out, langs: [...LANGS], formats: ['pdf'] });
  expect(result.errors).toEqual([]);
  const pages = new Map<string, string[]>();
  for (const lang of LANGS) {
    const pdf = join(out, 'cn', `open-letter-2023.${lang}.pdf`);
    const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]).stdout)?.[1]);
    pages.set(
      lang,
      Array.from({ length: count }, (_, p) =>
        squeezed(pdfText(pdf, ['-raw', '-f', String(p + 1), '-l', String(p + 1)])),
      ),
    );
  }
  return pages;
}

describe.each([true, false])('signatories with a person and title: %s', (withPerson) => {
  it.each(COUNTS)('%i signatories: the close on the page of the first, in en, ko and zh', async (count) => {
    const pages = await pagesOfLetters(count, withPerson);
    for (const lang of LANGS) {
      const closing = squeezed(
        plain(localeValues(join(EXAMPLE_DIR, 'locales', lang, 'letter.json'))['closing']!),
      );
      const withClose = pages.get(lang)!.filter((t) => t.includes(closing));
      expect(withClose, lang).toHaveLength(1);
      expect(withClose[0], `${lang}: the first signatory beside the close`).toContain(email(0));
    }
  });
});
