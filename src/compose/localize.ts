/** Picking a localisable value (a plain string, or a map by language) for one language. */

import type { Lang } from '../model/index.js';
import type { Localized } from '../load/index.js';

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
