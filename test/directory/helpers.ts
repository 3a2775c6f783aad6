/** Test helpers: the tool's real directory strings per language, and sample names for offices without a holder. */

import { loadDirectoryStrings } from '../../src/directory/index.js';
import type { Strings } from '../../src/directory/index.js';

export const STRINGS: Readonly<Record<string, Strings>> = loadDirectoryStrings();

export const LANGS = ['en', 'ko', 'zh'] as const;
export const REGISTERS = ['open-letter', 'diplomatic'] as const;

/** A name a letter might give, per language, for offices whose holder the directory does not carry. */
export const SAMPLE_NAME: Readonly<Record<string, string>> = { en: 'Alex Morgan', ko: '홍길동', zh: '张伟' };

export function stringsFor(lang: string): Strings {
  const s = STRINGS[lang];
  if (!s) throw new Error(`no locales/${lang}/directory.json`);
  return s;
}
