/**
 * Picking a localisable value (a plain string, or a map by language) for one language: the one rule the composer,
 * the checks and the signature's reason and location share.
 */

import type { Lang } from './lang.js';

/** A plain string (the same in every language) or a map by language code. */
export type Localized = string | Readonly<Record<Lang, string>>;

/** The value in `lang`; a map without it falls back to English, then to its first entry (an organisation's own name). */
export function localize(value: Localized | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value[lang] ?? value['en'] ?? Object.values(value)[0];
}

/** The value only when given for exactly this language (or as a plain string): holder names must not cross scripts. */
export function localizeStrict(value: Localized | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[lang];
}
