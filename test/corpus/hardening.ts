/** Issue 21's bad inputs (a hostile or careless project): each refused at its position, exit 2, nothing written. */

import type { Case } from './cases.js';

const LETTER = 'letter.yaml';
const EN = 'locales/en/letter.json';

/** Sets `key` to `value` in one language's letter.json (the other languages get a plain value, so only `lang` fails). */
function setText(p: Parameters<Case['setup']>[0], lang: string, entries: Record<string, string>): void {
  const file = `locales/${lang}/letter.json`;
  const data = JSON.parse(p.read(file)) as Record<string, string>;
  p.write(file, `${JSON.stringify({ ...data, ...entries }, null, 2)}\n`);
}

export const HARDENING_CASES: readonly Case[] = [
  {
    name: 'languages differing only in case (zh-Hant, zh-hant)',
    setup: (p) => {
      p.edit(LETTER, 'languages: [en, ko, zh]', 'languages: [en, ko, zh, zh-Hant, zh-hant]');
      for (const lang of ['zh-Hant', 'zh-hant'])
        p.write(`locales/${lang}/letter.json`, p.read('locales/zh/letter.json'));
    },
    expect: {
      code: 'schema',
      file: LETTER,
      line: 6,
      column: 34,
      message: /'zh-hant' is the same as 'zh-Hant'/,
    },
    json: true,
  },
];

export { EN, setText };
