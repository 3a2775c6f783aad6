/**
 * A coalition letter: more signatories than fit on one page. The signatures cannot all stay with the close, so the
 * close keeps with the first signatory, pages break between signatories and never inside one, and no page is left
 * holding the close alone. Before, the block was one unit cut wherever a page filled (an organisation on one page, its
 * e-mail on the next) and the close waited for a page of its own.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { localeValues, plain } from '../support/text.js';
import { pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const COUNT = 16;
const LANGS = ['en', 'zh'] as const;
const id = (i: number) => String(i + 1).padStart(2, '0');
const org = (i: number) => `Member Organisation M${id(i)}`;
const email = (i: number) => `m${id(i)}@example.org`;

const dir = join(tempDir('letter-many-signatories-'), 'letter');
const out = join(dir, 'dist');

beforeAll(async () => {
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
  const signatories = Array.from(
    { length: COUNT },
    (_, i) =>
      `  - org: ${org(i)}\n    person: { name: Person P${id(i)}, title: Chair }\n    email: ${email(i)}\n`,
  ).join('');
  writeFileSync(
    join(dir, 'letter.yaml'),
    `${yaml.slice(0, yaml.indexOf('signatories:'))}signatories:\n${signatories}`,
  );
  const result = await build({ dir, out, langs: [...LANGS], formats: ['pdf'] });
  expect(result.errors).toEqual([]);
});

const pdf = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.pdf`);
const pages = (lang: string): string[] => {
  const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf(lang)]).stdout)?.[1]);
  return Array.from({ length: count }, (_, p) =>
    pdfText(pdf(lang), ['-raw', '-f', String(p + 1), '-l', String(p + 1)]).replace(/\s+/g, ''),
  );
};
const squeezed = (s: string) => s.replace(/\s+/g, '');

describe.each(LANGS)('%d signatories in %s', (lang) => {
  it('each signatory whole on one page, the close on the page of the first', () => {
    if (!toolAvailable('pdftotext') || !toolAvailable('pdfinfo')) return;
    const text = pages(lang);
    for (let i = 0; i < COUNT; i++) {
      const holding = text.filter((t) => t.includes(squeezed(org(i))));
      expect(holding, org(i)).toHaveLength(1);
      expect(holding[0], org(i)).toContain(email(i));
      expect(holding[0], org(i)).toContain(squeezed(`Person P${id(i)}`));
    }
    const closing = squeezed(plain(localeValues(join(dir, 'locales', lang, 'letter.json'))['closing']!));
    const withClose = text.filter((t) => t.includes(closing));
    expect(withClose).toHaveLength(1);
    expect(withClose[0]).toContain(email(0));
    // Sixteen signatories of four lines fill two pages and a little, not a page each.
    const used = new Set(
      Array.from({ length: COUNT }, (_, i) => text.findIndex((t) => t.includes(squeezed(org(i))))),
    );
    expect(used.size).toBeLessThanOrEqual(3);
  });
});
