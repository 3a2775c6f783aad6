/**
 * Test helpers: the tool's real directory strings per language, sample names for offices without a holder, and an
 * office's addressee made with those strings.
 */

import { addressee, loadDirectoryStrings, lookupOffice } from '../../src/directory/index.js';
import type { Addressee, Gender, Register, Strings } from '../../src/directory/index.js';

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

/** The addressee of office `id` in `lang` and `register`, with the tool's own strings, and a name or gender when given. */
export function addresseeOf(
  id: string,
  lang: string,
  register: Register,
  opts: { name?: string; gender?: Gender } = {},
): Addressee {
  return addressee({
    id,
    office: lookupOffice(id)!,
    lang,
    register,
    strings: stringsFor(lang),
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.gender ? { gender: opts.gender } : {}),
  });
}

/** The forms every addressee has: title, short title, salutation, vocative, close and address lines. */
export function formsText(a: Addressee): string[] {
  return [a.title, a.shortTitle, a.salutation, a.vocative, ...a.close, ...a.addressLines];
}
